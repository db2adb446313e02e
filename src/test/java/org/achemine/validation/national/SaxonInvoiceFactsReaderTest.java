package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;

class SaxonInvoiceFactsReaderTest {

    private final SaxonInvoiceFactsReader reader = new SaxonInvoiceFactsReader(new InvoiceTerms());

    private InvoiceFacts read(String sample, Syntax syntax) throws Exception {
        Path file = Path.of("samples/national", sample);
        return reader.read(new ParsedInvoice(new InvoiceDocument(sample, Files.readAllBytes(file)), syntax));
    }

    @Test
    void readsTheRoutingFactsOfAUblInvoice() throws Exception {
        // given / when
        InvoiceFacts facts = read("ok-ubl-invoice.xml", Syntax.UBL_INVOICE);

        // then
        assertThat(facts.invoiceNumber()).isEqualTo("FA-42-2");
        assertThat(facts.issueDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(facts.typeCode()).isEqualTo("380");
        assertThat(facts.currency()).isEqualTo("EUR");
        assertThat(facts.supplierId()).isEqualTo("73282932000074");
        assertThat(facts.supplierIdScheme()).isEqualTo("0009");
        assertThat(facts.supplierName()).isEqualTo("Fournitures Exemple SARL");
        assertThat(facts.buyerId()).isEqualTo("11000201100044");
        assertThat(facts.buyerIdScheme()).isEqualTo("0009");
        assertThat(facts.buyerName()).isEqualTo("Ministère de l'Exemple");
        assertThat(facts.serviceCode()).isEqualTo("SERVICE-ACHATS");
        assertThat(facts.engagementNumber()).isEqualTo("EJ-2026-0042");
        assertThat(facts.billingFramework()).isEqualTo("A1");
        assertThat(facts.precedingInvoice()).isNull();
        assertThat(facts.totalWithVat()).isEqualByComparingTo(new BigDecimal("6642.52"));
        assertThat(facts.amountDue()).isEqualByComparingTo(new BigDecimal("6642.52"));
    }

    @Test
    void readsTheCorrectedInvoiceOfACreditNote() throws Exception {
        InvoiceFacts facts = read("ok-ubl-credit-note.xml", Syntax.UBL_CREDIT_NOTE);

        assertThat(facts.typeCode()).isEqualTo("381");
        assertThat(facts.precedingInvoice()).isEqualTo("FA-2026-0001");
        assertThat(facts.buyerId()).isEqualTo("11000201100044");
    }

    @Test
    void readsACiiInvoiceWithItsCompactDate() throws Exception {
        InvoiceFacts facts = read("ok-cii-invoice.xml", Syntax.CII_D16B);

        assertThat(facts.invoiceNumber()).isEqualTo("FA-42-2");
        assertThat(facts.issueDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(facts.buyerId()).isEqualTo("11000201100044");
        assertThat(facts.supplierId()).isEqualTo("73282932000074");
        assertThat(facts.serviceCode()).isEqualTo("SERVICE-ACHATS");
        assertThat(facts.engagementNumber()).isEqualTo("EJ-2026-0042");
        assertThat(facts.billingFramework()).isEqualTo("A1");
        assertThat(facts.amountDue()).isEqualByComparingTo(facts.totalWithVat());
    }

    @Test
    void anAbsentBillingFrameworkMeansA1() throws Exception {
        assertThat(read("ok-cadre-absent.xml", Syntax.UBL_INVOICE).billingFramework()).isEqualTo("A1");
        assertThat(read("ok-cadre-a9.xml", Syntax.UBL_INVOICE).billingFramework()).isEqualTo("A9");
    }
}
