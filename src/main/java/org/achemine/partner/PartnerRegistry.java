package org.achemine.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.config.AchemineProperties.ReportFormat;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicStructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partners in the database. Those declared in the configuration are written at every start
 * ({@link #declare}); others are added, disabled and given keys by the {@code partner} command. The engine
 * reads them back once at start-up ({@link #partners}) to lay out the mailboxes; channels read a partner's state
 * and keys at each login.
 */
public class PartnerRegistry {

    private static final Pattern PARTNER_CODE = Pattern.compile("[A-Z]{3}[0-9]{3}");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final int MIN_PASSWORD_LENGTH = 12;
    /** PBKDF2-HMAC-SHA256, 310,000 iterations, random salt: Spring Security's current defaults. */
    private static final Pbkdf2PasswordEncoder PASSWORDS = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PartnerRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Writes the configured partners: a new one is added, a known one takes the configuration's name, role,
     * contact, structures and mandates (the configuration owns it); its state and keys are left alone. Engines
     * starting at once on one database write one after the other (a row lock held to the commit): each finds what
     * the one before wrote.
     */
    public void declare(List<Partner> configured) {
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForObject("SELECT id FROM partner_declaration_lock WHERE id = 1 FOR UPDATE", Integer.class);
            for (Partner partner : configured) {
                int updated = jdbc.update("UPDATE partner SET name = ?, role = ?, contact = ?, source = ?,"
                        + " delivery_format = ?, report_formats = ? WHERE code = ?", partner.name(),
                        partner.role().name(),
                        partner.contact(), PartnerSource.CONFIG.name(), partner.deliveryFormat().name(),
                        ReportFormat.stored(partner.reportFormats()), partner.code());
                if (updated == 0) {
                    insert(partner, PartnerSource.CONFIG);
                }
                jdbc.update("DELETE FROM partner_structure WHERE partner_code = ?", partner.code());
                jdbc.update("DELETE FROM partner_mandate WHERE partner_code = ?", partner.code());
            }
            for (Partner partner : configured) {
                writeStructuresAndMandates(partner);
            }
        });
    }

    /**
     * Adds a partner (the {@code partner add} command). Its SIRETs must be in the directory as structures that
     * receive by EDI (RecepteurEdi) and served by no other partner.
     *
     * @throws PartnerRefusedException with the reason, nothing written
     */
    public void add(Partner partner, DirectoryLookup directory) {
        if (partner.code() == null || !PARTNER_CODE.matcher(partner.code()).matches()) {
            throw new PartnerRefusedException("Code partenaire " + partner.code()
                    + " refusé : attendu 3 lettres majuscules puis 3 chiffres (ex. FOU002)");
        }
        if (find(partner.code()).isPresent()) {
            throw new PartnerRefusedException("Le partenaire " + partner.code() + " existe déjà");
        }
        if (partner.role().receives() && partner.structures().isEmpty()) {
            throw new PartnerRefusedException("Un partenaire destinataire (" + partner.role()
                    + ") sert au moins une structure : donnez son SIRET (--siret)");
        }
        if (!partner.role().receives() && !partner.structures().isEmpty()) {
            throw new PartnerRefusedException("Seul un partenaire destinataire (RECIPIENT ou BOTH) sert des structures");
        }
        for (String siret : partner.structures()) {
            checkStructure(siret, directory);
        }
        transactions.executeWithoutResult(tx -> {
            insert(partner, PartnerSource.COMMAND);
            writeStructuresAndMandates(partner);
        });
    }

    private void checkStructure(String siret, DirectoryLookup directory) {
        if (!SIRET.matcher(siret).matches()) {
            throw new PartnerRefusedException("SIRET " + siret + " refusé : 14 chiffres attendus");
        }
        Optional<String> servedBy = jdbc.query("SELECT partner_code FROM partner_structure WHERE siret = ?",
                (rs, n) -> rs.getString(1), siret).stream().findFirst();
        if (servedBy.isPresent()) {
            throw new PartnerRefusedException("La structure " + siret + " est déjà servie par le partenaire "
                    + servedBy.get());
        }
        Optional<PublicStructure> structure = directory.structure(siret);
        if (structure.isEmpty()) {
            throw new PartnerRefusedException("La structure " + siret + " n'est pas dans l'annuaire"
                    + " : importez l'annuaire (directory import) avant de la raccorder");
        }
        if (!structure.get().ediRecipient()) {
            throw new PartnerRefusedException("D'après l'annuaire, la structure " + siret + " ("
                    + structure.get().name() + ") ne reçoit pas ses factures en EDI (RecepteurEdi)");
        }
    }

    /** Disables a partner: it can no longer log in on any channel; its mailbox and history stay. */
    public void disable(String code) {
        if (jdbc.update("UPDATE partner SET state = ? WHERE code = ?", PartnerState.DISABLED.name(), code) == 0) {
            throw new PartnerRefusedException("Partenaire inconnu : " + code);
        }
    }

    /** Enables a partner again: its keys (and password, if any) log in again. */
    public void enable(String code) {
        if (jdbc.update("UPDATE partner SET state = ? WHERE code = ?", PartnerState.ACTIVE.name(), code) == 0) {
            throw new PartnerRefusedException("Partenaire inconnu : " + code);
        }
    }

    /** The codes of the partners that may connect now. */
    public Set<String> activeCodes() {
        return new HashSet<>(jdbc.queryForList("SELECT code FROM partner WHERE state = ?", String.class,
                PartnerState.ACTIVE.name()));
    }

    /** Every key of a partner, active or not, oldest first. */
    public List<PartnerKey> keys(String code) {
        requireKnown(code);
        return jdbc.query("SELECT fingerprint, public_key, comment FROM partner_key WHERE partner_code = ?"
                        + " ORDER BY added_at, fingerprint",
                (rs, n) -> new PartnerKey(rs.getString(1), rs.getString(2), rs.getString(3)), code);
    }

    /** Removes one of a partner's keys: it no longer logs in (at its next login; open sessions go on). */
    public void removeKey(String code, String fingerprint) {
        requireKnown(code);
        if (jdbc.update("DELETE FROM partner_key WHERE partner_code = ? AND fingerprint = ?", code, fingerprint) == 0) {
            throw new PartnerRefusedException("La clé " + fingerprint + " n'est pas enregistrée pour " + code
                    + " (partner key list " + code + ")");
        }
    }

    /**
     * Sets a partner's SFTP password (used only when password login is enabled): stored as a PBKDF2 hash, never
     * in clear.
     */
    public void setPassword(String code, CharSequence password) {
        requireKnown(code);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new PartnerRefusedException("Mot de passe refusé : au moins " + MIN_PASSWORD_LENGTH + " caractères");
        }
        jdbc.update("UPDATE partner SET password_hash = ? WHERE code = ?", PASSWORDS.encode(password), code);
    }

    /** Removes a partner's password: it logs in with its keys only. */
    public void clearPassword(String code) {
        requireKnown(code);
        jdbc.update("UPDATE partner SET password_hash = NULL WHERE code = ?", code);
    }

    /** Whether {@code password} is the password of an active partner that has one. */
    public boolean passwordMatches(String code, String password) {
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM partner WHERE code = ? AND state = ?"
                + " AND password_hash IS NOT NULL", String.class, code, PartnerState.ACTIVE.name());
        boolean known = !hashes.isEmpty();
        boolean matches = PASSWORDS.matches(password == null ? "" : password, known ? hashes.get(0) : NoAccount.HASH);
        return password != null && known && matches;
    }

    private void requireKnown(String code) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM partner WHERE code = ?", Integer.class, code);
        if (known == null || known == 0) {
            throw new PartnerRefusedException("Partenaire inconnu : " + code);
        }
    }

    public void addKey(String code, PartnerKey key) {
        if (find(code).isEmpty()) {
            throw new PartnerRefusedException("Partenaire inconnu : " + code);
        }
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM partner_key WHERE partner_code = ? AND fingerprint = ?", Integer.class,
                code, key.fingerprint());
        if (known != null && known > 0) {
            throw new PartnerRefusedException("La clé " + key.fingerprint() + " est déjà enregistrée pour " + code);
        }
        jdbc.update("INSERT INTO partner_key (partner_code, fingerprint, public_key, comment, added_at)"
                + " VALUES (?, ?, ?, ?, ?)", code, key.fingerprint(), key.publicKey(), key.comment(),
                Timestamp.from(clock.instant()));
    }

    /** The keys of an active partner; none for a disabled or unknown one. */
    public List<PartnerKey> activeKeys(String code) {
        return jdbc.query("SELECT k.fingerprint, k.public_key, k.comment FROM partner_key k"
                        + " JOIN partner p ON p.code = k.partner_code WHERE p.code = ? AND p.state = ?"
                        + " ORDER BY k.added_at",
                (rs, n) -> new PartnerKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                code, PartnerState.ACTIVE.name());
    }

    public Optional<RegisteredPartner> find(String code) {
        return registered().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** Every partner, by code, with its structures and mandates. */
    public List<RegisteredPartner> registered() {
        Map<String, List<String>> structures = grouped("SELECT partner_code, siret FROM partner_structure ORDER BY siret");
        Map<String, List<String>> mandates = grouped(
                "SELECT partner_code, supplier_id FROM partner_mandate ORDER BY supplier_id");
        Map<String, Integer> keys = new LinkedHashMap<>();
        jdbc.query("SELECT partner_code, COUNT(*) FROM partner_key GROUP BY partner_code",
                rs -> { keys.put(rs.getString(1), rs.getInt(2)); });
        return jdbc.query("SELECT code, name, role, state, contact, source, delivery_format, report_formats"
                        + " FROM partner ORDER BY code",
                (rs, n) -> {
            String code = rs.getString("code");
            List<String> sirets = structures.getOrDefault(code, List.of());
            Partner partner = new Partner(code, rs.getString("name"), PartnerRole.valueOf(rs.getString("role")),
                    sirets.isEmpty() ? null : sirets.get(0), sirets.isEmpty() ? List.of() : sirets.subList(1, sirets.size()),
                    mandates.getOrDefault(code, List.of()), rs.getString("contact"),
                    rs.getString("delivery_format") == null ? null : DeliveryFormat.valueOf(rs.getString("delivery_format")),
                    ReportFormat.fromStored(rs.getString("report_formats")));
            return new RegisteredPartner(partner, PartnerState.valueOf(rs.getString("state")),
                    PartnerSource.valueOf(rs.getString("source")), keys.getOrDefault(code, 0));
        });
    }

    /** Every partner's declaration, active or not (a disabled partner keeps its mailbox). */
    public List<Partner> partners() {
        return registered().stream().map(RegisteredPartner::partner).toList();
    }

    private void insert(Partner partner, PartnerSource source) {
        jdbc.update("INSERT INTO partner (code, name, role, state, contact, source, delivery_format, report_formats,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", partner.code(), partner.name(), partner.role().name(),
                PartnerState.ACTIVE.name(), partner.contact(), source.name(), partner.deliveryFormat().name(),
                ReportFormat.stored(partner.reportFormats()), Timestamp.from(clock.instant()));
    }

    private void writeStructuresAndMandates(Partner partner) {
        for (String siret : partner.structures()) {
            jdbc.update("INSERT INTO partner_structure (siret, partner_code) VALUES (?, ?)", siret, partner.code());
        }
        for (String supplier : partner.mandates()) {
            jdbc.update("INSERT INTO partner_mandate (partner_code, supplier_id) VALUES (?, ?)", partner.code(), supplier);
        }
    }

    private Map<String, List<String>> grouped(String sql) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            grouped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return grouped;
    }

    /**
     * Hash checked when the account is unknown, disabled or has no password, so that a refusal takes as long as a
     * wrong password and the answer's timing does not tell which partner codes exist. Computed on first use: it
     * costs one PBKDF2 run, which commands that never check a password should not pay.
     */
    private static final class NoAccount {
        static final String HASH = PASSWORDS.encode("no account has this password");
    }
}
