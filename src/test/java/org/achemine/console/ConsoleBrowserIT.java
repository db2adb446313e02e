package org.achemine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.achemine.AchemineApplication;
import org.achemine.intake.FlowDeposit;
import org.achemine.intake.FlowReception;
import org.achemine.intake.FlowStage;
import org.achemine.intake.FlowRegistry;
import org.achemine.intake.IntakeFault;
import org.achemine.intake.ReceivedFlow;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.BrokenCheck;
import org.achemine.testing.DemoEngine;
import org.achemine.validation.DocumentCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator console in a real browser (Debian's headless chromium driven by its chromedriver) on the engine
 * {@code run} started over the demo's data folder, one flow parked by a check broken on purpose: log in, the
 * dashboard, search an invoice, its page, a report link, retry the parked flow (confirmed, audited, answered by
 * the engine); a viewer may look but not act. It keeps the screenshots docs/console.md shows.
 */
class ConsoleBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PARTNER = "FOU001";

    @TempDir
    static Path work;

    static Path dataDir;
    static Process engine;
    static String base;
    static String parkedFlowId;
    static WebDriver browser;

    @BeforeAll
    static void demoParkedFlowEngineAndBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver; .ci/run does)");
        dataDir = DemoEngine.demoDataFolder(work);
        parkedFlowId = parkOneFlow(dataDir);
        engine = DemoEngine.start(dataDir, work.resolve("engine.log"), "--achemine.intake.retry-interval=1s");
        base = DemoEngine.baseUrl(dataDir);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")), "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 1000));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (engine != null) {
            DemoEngine.stop(engine);
        }
    }

    @Test
    void anOperatorFollowsTheDayAnInvoiceAndRetriesAParkedFlow() throws Exception {
        // when opening the console, then the login page first; and after logging in, the dashboard of the day
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        logIn(DemoEngine.OPERATOR, DemoEngine.OPERATOR_PASSWORD);
        assertThat(browser.getTitle()).startsWith("Tableau de bord");
        assertThat(text("flows-by-partner")).contains(PARTNER);
        assertThat(text("invoices-by-status")).contains("03 Mise à disposition du destinataire");
        assertThat(text("refusals-by-code")).contains("XSD_INVALIDE").contains("Non conforme au schéma");
        assertThat(text("backlog")).containsPattern("flux en attente après incident\\s+1");
        assertThat(text("jobs")).contains("routing");
        assertThat(text("intake-gate")).contains("ouverte");
        screenshot("docs/console-dashboard.png");

        // when searching an invoice by its number, then it is found, delivered (03), beside its duplicates refused
        browser.findElement(By.linkText("Rechercher")).click();
        browser.findElement(By.id("q")).sendKeys("FA-2026-000123");
        browser.findElement(By.id("search")).click();
        assertThat(text("invoice-results")).contains("refusée à l'intégration : ROUTAGE_DOUBLON");
        WebElement delivered = browser.findElements(By.cssSelector("#invoice-results tr")).stream()
                .filter(row -> row.getText().contains("03 Mise à disposition")).findFirst().orElseThrow();
        String invoiceId = delivered.findElement(By.tagName("a")).getText();
        delivered.findElement(By.tagName("a")).click();

        // then its page (a URL to share) shows its timeline with the platform's times, and its files
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/invoices/" + invoiceId);
        assertThat(text("timeline")).contains("01 Déposée").contains("02 En cours d'acheminement")
                .contains("03 Mise à disposition du destinataire").contains("PLATFORM").contains("UTC");
        assertThat(text("files")).contains("original archivé").contains("compte rendu de dépôt")
                .contains("facture livrée au destinataire");

        // when following its deposit report link, then the report itself, for its flow
        browser.findElement(By.cssSelector("a.report")).click();
        assertThat(browser.getPageSource()).contains("CompteRendu").contains(invoiceId.substring(0, invoiceId.indexOf('-')));

        // when opening the invoice the recipient suspended from its status file (a line declared
        // 2026-11-24T10:00:00+01:00), then its timeline shows the platform's time beside the declared one, the
        // recipient as actor, its reason, and the status file and line it came from
        browser.get(base + "/console/search?q=FA-2026-000124");
        browser.findElements(By.cssSelector("#invoice-results tr")).stream()
                .filter(row -> row.getText().contains("06 Suspendue")).findFirst().orElseThrow()
                .findElement(By.tagName("a")).click();
        WebElement suspension = browser.findElements(By.cssSelector("#timeline tr")).stream()
                .filter(row -> row.getText().contains("06 Suspendue")).findFirst().orElseThrow();
        assertThat(suspension.getText()).contains("2026-11-24 09:00:00.000 UTC").contains("RECIPIENT")
                .contains("JUSTIFICATIF_ABSENT").containsPattern("ACH0011301\\d{15}:\\d+");
        screenshot("docs/console-invoice.png");

        // when retrying the parked flow: listed, confirmed, then audited under the operator's name
        browser.get(base + "/console/actions");
        assertThat(text("parked")).contains(parkedFlowId);
        browser.findElement(By.cssSelector("#parked a.retry")).click();
        assertThat(browser.getTitle()).startsWith("Confirmer");
        browser.findElement(By.id("confirm")).click();
        assertThat(text("outcome")).contains("1 flux remis en traitement : " + parkedFlowId);
        assertThat(text("audit")).contains(DemoEngine.OPERATOR).contains("Relancer un flux en attente après incident")
                .contains(parkedFlowId);

        // then the engine answers it with its deposit report proper, and it leaves the list
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String flow = api("/api/v1/flows/" + parkedFlowId);
            return new ObjectMapper().readTree(flow).path("flow").path("stage").asString().equals("REPORTED");
        });
        browser.navigate().refresh();
        assertThat(text("parked")).doesNotContain(parkedFlowId).contains("aucun");

        // when a viewer logs in, then the same pages, but an action is refused (403) and not audited
        browser.findElement(By.cssSelector("header form button")).click();
        logIn(DemoEngine.VIEWER, DemoEngine.VIEWER_PASSWORD);
        browser.get(base + "/console/actions/run-routing");
        browser.findElement(By.id("confirm")).click();
        // the click only submits the form: the refusal comes with the next page (the confirm button gone)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.findElements(By.id("confirm")).isEmpty());
        assertThat(browser.getPageSource()).contains("403");
        browser.get(base + "/console/actions");
        assertThat(text("audit")).doesNotContain("Lancer l'acheminement");
    }

    @Test
    void actionsNeedTheCsrfTokenAndTheConsoleALogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // an operator's credentials without the page's CSRF token: refused
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/console/actions/run-routing"))
                .header("Authorization", basic(DemoEngine.OPERATOR, DemoEngine.OPERATOR_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        // a page without login: to the login page; the AS2 path is not the console's (no login asked there)
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/console/invoices/x"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> as2 = http.send(HttpRequest.newBuilder(URI.create(base + "/as2")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(as2.statusCode()).isNotIn(302, 401, 403);
    }

    private static void logIn(String user, String password) {
        // after a click that leaves a page (logging out), the login form comes with the next page: wait for it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        // the click only submits the form: the next page comes when the server has answered (slow on a busy machine)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.findElements(By.id("username")).isEmpty());
    }

    private static String text(String id) {
        // after a click that leaves a page, the element comes with the next page: wait for it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !browser.findElements(By.id(id)).isEmpty());
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(String path) throws Exception {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.write(Path.of(path), png);
    }

    private static String api(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(DemoEngine.VIEWER, DemoEngine.VIEWER_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One valid invoice whose check breaks (a check added on purpose, one attempt allowed): answered with an
     * incident report and parked, as after a real fault; the engine started next has no such check.
     */
    private static String parkOneFlow(Path dataDir) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(c -> ((GenericApplicationContext) c).registerBean("brokenOnPurpose", DocumentCheck.class,
                        BrokenCheck::new))
                .run("--achemine.data-dir=" + dataDir, "--achemine.intake.enabled=false",
                        "--achemine.intake.max-attempts=1", "--achemine.directory.watch=false")) {
            Path file = Files.copy(Path.of("samples/cii/invoice-valid.xml"),
                    context.getBean(Mailboxes.class).in(PARTNER).resolve("incident.xml"));
            ReceivedFlow flow = context.getBean(FlowReception.class).take(PARTNER, file);
            FlowDeposit deposit = context.getBean(FlowDeposit.class);
            try {
                deposit.process(flow);
            } catch (IntakeFault stillRetrying) {
                // more than one attempt configured: not this test's settings
                throw new AssertionError("expected the flow parked after one attempt", stillRetrying);
            }
            assertThat(context.getBean(FlowRegistry.class).stage(flow.flowId())).isEqualTo(FlowStage.PARKED);
            return flow.flowId().value();
        }
    }
}
