package org.achemine.channel.as2;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.PartnerState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The AS2 settings of partners ({@code partner_as2}): registered by {@code partner as2 set}, read per message. */
public class As2Partners {

    // RFC 4130: printable ASCII, 1 to 128 characters (quoted when it has spaces: we refuse those)
    private static final Pattern AS2_ID = Pattern.compile("[!#-~]{1,128}");

    private final JdbcTemplate jdbc;
    private final PartnerRegistry partners;
    private final Clock clock;

    public As2Partners(JdbcTemplate jdbc, PartnerRegistry partners, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Registers (or replaces) a partner's AS2 id, URL and certificate. Refused: an unknown partner, an AS2 id
     * another partner has, or ours, a URL that is not http(s), a certificate expired or not yet valid, or our own.
     */
    public As2Partner set(String code, String as2Id, String url, byte[] certificateFile, String ourAs2Id,
                          X509Certificate ourCertificate) {
        if (partners.find(code).isEmpty()) {
            throw new As2RefusedException("Partenaire inconnu : " + code);
        }
        if (as2Id == null || !AS2_ID.matcher(as2Id).matches()) {
            throw new As2RefusedException("Identifiant AS2 « " + as2Id + " » refusé : 1 à 128 caractères ASCII"
                    + " imprimables, sans espace ni guillemet");
        }
        if (as2Id.equals(ourAs2Id)) {
            throw new As2RefusedException("« " + as2Id + " » est l'identifiant AS2 d'achemine lui-même");
        }
        Optional<String> holder = jdbc.query("SELECT partner_code FROM partner_as2 WHERE as2_id = ?",
                (rs, n) -> rs.getString(1), as2Id).stream().filter(other -> !other.equals(code)).findFirst();
        if (holder.isPresent()) {
            throw new As2RefusedException("L'identifiant AS2 « " + as2Id + " » est déjà celui du partenaire "
                    + holder.get());
        }
        URI uri = uri(url);
        X509Certificate certificate = Certificates.read(certificateFile);
        Certificates.checkValid(certificate, clock.instant(), "du partenaire " + code);
        if (ourCertificate != null && java.util.Arrays.equals(certificate.getPublicKey().getEncoded(),
                ourCertificate.getPublicKey().getEncoded())) {
            throw new As2RefusedException("Ce certificat est celui d'achemine (as2 certificate), pas celui du"
                    + " partenaire " + code + " : demandez-lui le sien");
        }
        if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
            throw new As2RefusedException("Le certificat du partenaire " + code + " porte une clé "
                    + certificate.getPublicKey().getAlgorithm() + " : AS2 chiffre pour une clé RSA");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String pem = Certificates.pem(certificate);
        int updated = jdbc.update("UPDATE partner_as2 SET as2_id = ?, url = ?, certificate = ?, fingerprint = ?,"
                        + " not_after = ? WHERE partner_code = ?", as2Id, uri.toString(), pem,
                Certificates.fingerprint(certificate), Timestamp.from(certificate.getNotAfter().toInstant()), code);
        if (updated == 0) {
            jdbc.update("INSERT INTO partner_as2 (partner_code, as2_id, url, certificate, fingerprint, not_after,"
                            + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)", code, as2Id, uri.toString(), pem,
                    Certificates.fingerprint(certificate), Timestamp.from(certificate.getNotAfter().toInstant()), now);
        }
        return find(code).orElseThrow();
    }

    /** The active partner whose AS2 id this is; none for an unknown or disabled one. */
    public Optional<As2Partner> byAs2Id(String as2Id) {
        return jdbc.query(SELECT + " WHERE a.as2_id = ? AND p.state = ?", ROW, as2Id, PartnerState.ACTIVE.name())
                .stream().findFirst();
    }

    public Optional<As2Partner> find(String code) {
        return jdbc.query(SELECT + " WHERE a.partner_code = ?", ROW, code).stream().findFirst();
    }

    public List<As2Partner> all() {
        return jdbc.query(SELECT + " ORDER BY a.partner_code", ROW);
    }

    private static final String SELECT = "SELECT a.partner_code, a.as2_id, a.url, a.certificate, a.registered_at"
            + " FROM partner_as2 a JOIN partner p ON p.code = a.partner_code";

    private static final RowMapper<As2Partner> ROW = (rs, n) -> new As2Partner(rs.getString(1), rs.getString(2),
            URI.create(rs.getString(3)), Certificates.read(rs.getString(4).getBytes(StandardCharsets.US_ASCII)),
            rs.getTimestamp(5).toInstant());

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "http:// or https:// expected");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new As2RefusedException("URL AS2 « " + url + " » refusée : http://hôte:port/chemin ou https://..."
                    + " attendu");
        }
    }
}
