package org.achemine.validation;

import static org.achemine.validation.CheckName.ADMISSIBILITY;
import static org.achemine.validation.CheckName.DIRECTORY;
import static org.achemine.validation.CheckName.MANDATE;
import static org.achemine.validation.CheckName.NATIONAL;
import static org.achemine.validation.CheckName.ROUTING;
import static org.achemine.validation.CheckName.STATUS_UPDATES;
import static org.achemine.validation.CheckName.XSD;
import static org.achemine.validation.Severity.FATAL;
import static org.achemine.validation.Severity.WARNING;

/**
 * The one catalogue of achemine's own finding codes. Codes are stable: suppliers' systems match on them.
 * Official EN 16931 rules keep their published ids (BR-CO-15, UBL-SR-12...) and are not listed here.
 * Flow-level codes follow the reform's IRR_* (irrecevabilité) list where one fits.
 * Messages use {0}, {1}... placeholders; the French message is the reference, English is a courtesy.
 * The table of codes in docs/codes.md is checked against this enum by a test.
 */
public enum FindingCode {

    // --- Admissibility of the file (flow level) ---
    IRR_VIDE_F(ADMISSIBILITY, FATAL,
            "Le fichier est vide (0 octet) : déposez un fichier contenant une facture.",
            "The file is empty (0 bytes)."),
    IRR_TAILLE_F(ADMISSIBILITY, FATAL,
            "Le fichier fait {0} octets, au-delà de la limite de {1} octets : découpez le flux en plusieurs fichiers.",
            "The file is {0} bytes, over the {1}-byte limit."),
    IRR_TYPE_F(ADMISSIBILITY, FATAL,
            "Type de fichier non pris en charge : {0}. Formats acceptés : XML (UBL 2.1 Invoice/CreditNote, CII D16B), Factur-X (PDF/A-3 .pdf) et archives .zip ou .tar.gz de fichiers XML.",
            "Unsupported file type: {0}. Accepted: XML (UBL 2.1, CII D16B), Factur-X (PDF/A-3 .pdf) and .zip or .tar.gz archives of XML files."),
    IRR_NOM_F(ADMISSIBILITY, FATAL,
            "Nom de fichier refusé : {0}.",
            "File name refused: {0}."),
    IRR_LIEN(ADMISSIBILITY, FATAL,
            "Le dépôt est un lien symbolique ou un fichier spécial ({0}), pas un fichier ordinaire : il a été retiré sans être suivi ni lu. Déposez le fichier lui-même.",
            "The drop is a symbolic link or a special file ({0}), not a regular file: it was removed without being followed or read."),
    IRR_DOSSIER(ADMISSIBILITY, FATAL,
            "Le dépôt est un dossier, pas un fichier : il a été retiré tel quel, sans que son contenu soit lu. Déposez chaque facture comme un fichier, ou plusieurs dans une archive ZIP.",
            "The drop is a folder, not a file: it was removed as is, its content unread. Drop each invoice as a file, or several in a ZIP archive."),
    IRR_FICHIER_ILLISIBLE(ADMISSIBILITY, FATAL,
            "Le fichier déposé n'est pas lisible par la plateforme (droits {0}) : il a été retiré sans être lu. Donnez-lui le droit de lecture (par exemple droits rw-r--r--, chmod 644) avant de le déposer, puis déposez-le à nouveau.",
            "The file dropped cannot be read by the platform (permissions {0}): it was removed unread. Give it read permission (e.g. rw-r--r--, chmod 644) before dropping it, then drop it again."),
    ADM_CONTENU_DEJA_RECU(ADMISSIBILITY, WARNING,
            "Ce fichier a exactement le même contenu (SHA-256) que le flux {0} (« {1} ») déjà reçu de vous : il est traité, mais vérifiez qu'il ne s'agit pas d'un envoi en double.",
            "This file has exactly the same content (SHA-256) as flow {0} ('{1}') already received from you: it is processed, but check it is not sent twice."),

    // --- Admissibility of each XML document ---
    IRR_ENCODAGE(ADMISSIBILITY, FATAL,
            "Encodage refusé : {0}. Les factures doivent être encodées en UTF-8.",
            "Encoding refused: {0}. Invoices must be encoded in UTF-8."),
    ADM_BOM_UTF8(ADMISSIBILITY, WARNING,
            "Le document commence par une marque d'ordre d'octets (BOM) UTF-8 : elle est tolérée, mais retirez-la.",
            "The document starts with a UTF-8 byte order mark: tolerated, but remove it."),
    IRR_VERSION_XML(ADMISSIBILITY, FATAL,
            "Le document déclare la version XML « {0} » : les factures UBL et CII sont en XML 1.0. Déclarez version=\"1.0\" (XML 1.1 admet des caractères de contrôle que la plateforme refuse).",
            "The document declares XML version \"{0}\": UBL and CII invoices are XML 1.0."),
    IRR_DTD(ADMISSIBILITY, FATAL,
            "Le document contient une déclaration DOCTYPE (DTD) : les DTD et les entités sont interdites pour des raisons de sécurité et n'ont pas été lues. Retirez la ligne <!DOCTYPE ...>.",
            "The document contains a DOCTYPE declaration: DTDs and entities are forbidden for security reasons and were not read."),
    IRR_SYNTAX(ADMISSIBILITY, FATAL,
            "Le document n'est pas un XML bien formé : {0}",
            "The document is not well-formed XML: {0}"),
    IRR_LIMITE_XML(ADMISSIBILITY, FATAL,
            "Le document dépasse une limite de structure XML : {0}. Aucune facture n'en a besoin ; le document n'a pas été lu plus loin.",
            "The document exceeds an XML structure limit: {0}. No invoice needs that; it was not read further."),
    IRR_VALEUR_TROP_LONGUE(ADMISSIBILITY, FATAL,
            "{0} « {1} » : {2}, au-delà des {3} que la plateforme conserve. La facture est refusée ; corrigez la valeur et renvoyez-la.",
            "{0} \"{1}\": {2}, over the {3} the platform stores. The invoice is refused."),
    IRR_RACINE(ADMISSIBILITY, FATAL,
            "Élément racine {0} inconnu : attendu Invoice ou CreditNote (UBL 2.1) ou CrossIndustryInvoice (CII D16B) avec leur espace de noms officiel.",
            "Unknown root element {0}: expected Invoice or CreditNote (UBL 2.1) or CrossIndustryInvoice (CII D16B) in their official namespace."),

    // --- Batch flows (.zip, .tar.gz) ---
    IRR_ARCHIVE_CORROMPUE(ADMISSIBILITY, FATAL,
            "L'archive est illisible ou corrompue : {0}.",
            "The archive is unreadable or corrupt: {0}."),
    IRR_ARCHIVE_BOMBE(ADMISSIBILITY, FATAL,
            "L'archive dépasse les limites de décompression ({0}) : elle n'a pas été décompressée.",
            "The archive exceeds the decompression limits ({0}); it was not expanded."),
    IRR_ARCHIVE_IMBRIQUEE(ADMISSIBILITY, FATAL,
            "L'archive contient une autre archive ({0}) : les archives imbriquées ne sont pas acceptées.",
            "The archive contains another archive ({0}); nested archives are not accepted."),
    IRR_ARCHIVE_CHEMIN(ADMISSIBILITY, FATAL,
            "Entrée d'archive refusée : {0}. Les entrées doivent être des fichiers au chemin relatif, sans « .. », « \\ » ni lettre de lecteur.",
            "Archive entry refused: {0}. Entries must be files with a relative path, without '..', '\\' or a drive letter."),
    IRR_ARCHIVE_NB_FACTURES(ADMISSIBILITY, FATAL,
            "L'archive contient {0} fichiers ; la limite est de {1} factures par flux.",
            "The archive holds {0} files; the limit is {1} invoices per flow."),
    IRR_ARCHIVE_ENTREE_DOUBLE(ADMISSIBILITY, FATAL,
            "L'archive contient plusieurs entrées nommées « {0} » : on ne peut pas savoir laquelle est la facture ; donnez un nom distinct à chaque fichier.",
            "The archive holds several entries named '{0}'; give each file a distinct name."),
    IRR_ARCHIVE_AMBIGUE(ADMISSIBILITY, FATAL,
            "Archive ambiguë : {0}. Un autre outil y lirait un autre contenu ; refaites l'archive avec un outil standard et renvoyez-la.",
            "Ambiguous archive: {0}. Another tool would read other content in it; rebuild it with a standard tool."),
    IRR_ARCHIVE_VIDE(ADMISSIBILITY, FATAL,
            "L'archive ne contient aucun fichier : déposez au moins une facture XML.",
            "The archive contains no file."),

    // --- Factur-X / PDF deposits (FSO1117A) ---
    IRR_PDF_SANS_FACTURX(ADMISSIBILITY, FATAL,
            "Le PDF ne contient pas de facture Factur-X (aucun fichier factur-x.xml joint) : un PDF seul n'est pas une facture électronique. Envoyez la facture en Factur-X (PDF/A-3 avec son factur-x.xml, profil EN 16931, BASIC ou EXTENDED) ou en XML (UBL 2.1, CII D16B).",
            "The PDF carries no Factur-X invoice (no factur-x.xml attached): a plain PDF is not an electronic invoice. Send Factur-X (PDF/A-3 with its factur-x.xml, profile EN 16931, BASIC or EXTENDED) or XML (UBL 2.1, CII D16B)."),
    IRR_PDF_CHIFFRE(ADMISSIBILITY, FATAL,
            "Le PDF est chiffré ou protégé par mot de passe : la plateforme ne lit pas les PDF chiffrés (PDF/A-3 les interdit). Renvoyez-le sans chiffrement ni mot de passe.",
            "The PDF is encrypted or password-protected: the platform does not read encrypted PDFs (PDF/A-3 forbids them)."),
    IRR_PDF_ACTIF(ADMISSIBILITY, FATAL,
            "Le PDF contient du contenu actif ({0}) : PDF/A-3 interdit JavaScript et les actions de lancement ; rien n'a été exécuté et le PDF n'a pas été lu plus loin.",
            "The PDF carries active content ({0}): PDF/A-3 forbids JavaScript and launch actions; nothing was run and the PDF was not read further."),
    IRR_PDF_LIMITE(ADMISSIBILITY, FATAL,
            "Le PDF dépasse les limites de lecture ({0}) : il n'a pas été décompressé plus loin.",
            "The PDF exceeds the reading limits ({0}); it was not expanded further."),
    IRR_PDF_ILLISIBLE(ADMISSIBILITY, FATAL,
            "Le PDF est illisible ou corrompu : {0}.",
            "The PDF is unreadable or corrupt: {0}."),
    FX_PROFIL_INCOMPLET(ADMISSIBILITY, FATAL,
            "La facture Factur-X est au profil {0}, qui ne porte pas une facture complète (ni lignes ni toutes les mentions EN 16931) : renvoyez-la au profil EN 16931 (ou BASIC, EXTENDED).",
            "The Factur-X invoice has the profile {0}, which is not a complete invoice: send it with the profile EN 16931 (or BASIC, EXTENDED)."),
    FX_XMP_PROFIL(ADMISSIBILITY, FATAL,
            "Les métadonnées XMP du PDF déclarent le profil « {0} » mais la facture XML est au profil {1} (BT-24 « {2} ») : le PDF et sa facture doivent annoncer le même profil.",
            "The PDF's XMP metadata declare the profile \"{0}\" but the XML invoice has the profile {1} (BT-24 \"{2}\")."),
    FX_XMP_ABSENT(ADMISSIBILITY, WARNING,
            "Les métadonnées XMP du PDF ne déclarent pas de profil Factur-X (fx:ConformanceLevel) : la facture XML fait foi, mais complétez les métadonnées.",
            "The PDF's XMP metadata declare no Factur-X profile (fx:ConformanceLevel): the XML invoice prevails."),
    FX_RELATION_AF(ADMISSIBILITY, WARNING,
            "Le fichier joint « {0} » a une relation AFRelationship {1} : Factur-X attend Data, Alternative ou Source. La facture est lue, mais corrigez le PDF.",
            "The attached file \"{0}\" has the AFRelationship {1}: Factur-X expects Data, Alternative or Source."),

    // --- Attachments (pièces jointes) of an invoice; {0} names the attachment: its rank, file name and element ---
    IRR_NB_PJ(ADMISSIBILITY, FATAL,
            "La facture porte {0} pièces jointes ; la limite est de {1} par facture : regroupez-les (un PDF de plusieurs pages) et renvoyez la facture.",
            "The invoice carries {0} attachments; the limit is {1} per invoice: merge them and send the invoice again."),
    IRR_TAILLE_PJ(ADMISSIBILITY, FATAL,
            "La pièce jointe {0} fait {1} octets, au-delà de la limite de {2} octets par pièce jointe : réduisez-la (résolution, compression) et renvoyez la facture.",
            "Attachment {0} is {1} bytes, over the {2}-byte limit per attachment: make it smaller and send the invoice again."),
    IRR_TAILLE_PJ_TOTALE(ADMISSIBILITY, FATAL,
            "Les pièces jointes de la facture font {0} octets en tout, au-delà de la limite de {1} octets par facture : retirez ou réduisez les plus grosses et renvoyez la facture.",
            "The invoice's attachments are {0} bytes in all, over the {1}-byte limit per invoice."),
    IRR_VID_PJ(ADMISSIBILITY, FATAL,
            "La pièce jointe {0} est vide : joignez le document lui-même (encodé en base64) ou retirez la référence.",
            "Attachment {0} is empty: attach the document itself (base64) or remove the reference."),
    IRR_PJ_ILLISIBLE(ADMISSIBILITY, FATAL,
            "La pièce jointe {0} est illisible : {1}. Dans le XML, encodez-la en base64 standard (RFC 4648 : A-Z a-z 0-9 + /, complété par =) ; dans un PDF, incorporez-la sans autre filtre que FlateDecode.",
            "Attachment {0} is unreadable: {1}. In XML, encode it in standard base64 (RFC 4648); in a PDF, embed it with no filter but FlateDecode."),
    IRR_EXT_DOC(ADMISSIBILITY, FATAL,
            "La pièce jointe {0} est de type « {1} », qui n'est pas accepté : types acceptés : {2}. Convertissez-la (en PDF par exemple) et renvoyez la facture.",
            "Attachment {0} has the type \"{1}\", which is not accepted; accepted types: {2}."),
    IRR_PJ_CONTENU(ADMISSIBILITY, FATAL,
            "La pièce jointe {0} est déclarée « {1} » mais son contenu est {2} : joignez le bon document, ou déclarez son vrai type (mimeCode) s'il est accepté.",
            "Attachment {0} is declared \"{1}\" but its content is {2}: attach the right document, or declare its real type."),
    ADM_PJ_CONTENU_TEXTE(ADMISSIBILITY, WARNING,
            "La pièce jointe {0} est déclarée « {1} » mais son contenu est du texte, pas {2} : la facture est acceptée et transmise telle quelle, mais joignez le vrai document, ou, si c'est bien du texte, déclarez un type texte accepté (mimeCode) : {3}.",
            "Attachment {0} is declared \"{1}\" but its content is text, not {2}: the invoice is accepted and delivered as sent, but attach the real document, or declare an accepted text type: {3}."),
    IRR_NOM_PJ(ADMISSIBILITY, FATAL,
            "Le nom de la pièce jointe {0} est refusé : {1}. Donnez-lui un simple nom de fichier avec son extension (sans chemin, « / », « \\ », « : » ni caractère de contrôle, ne commençant pas par un point, d'au plus {2} caractères).",
            "The name of attachment {0} is refused: {1}. Give it a plain file name with its extension (no path, '/', '\\', ':' or control character, not starting with a dot, at most {2} characters)."),

    // --- XSD ---
    XSD_INVALIDE(XSD, FATAL,
            "Non conforme au schéma {0} : {1}",
            "Not valid against the {0} schema: {1}"),
    XSD_ERREURS_LIMITEES(XSD, WARNING,
            "{0} erreurs de schéma au total : seules les {1} premières sont détaillées. Corrigez-les, d'autres peuvent en découler.",
            "{0} schema errors in all: only the first {1} are listed."),

    // --- National / Chorus Pro rules (FACTS §1.5–1.8, §4); {0} names the business term and its element ---
    NAT_SIRET_ACHETEUR_ABSENT(NATIONAL, FATAL,
            "Le {0} est absent : Chorus Pro achemine la facture d'après le SIRET (14 chiffres) de la structure publique destinataire, avec schemeID=\"0009\".",
            "The public buyer's SIRET, {0}, is missing: Chorus Pro routes the invoice by it (14 digits, schemeID \"0009\")."),
    NAT_SIRET_ACHETEUR_SCHEMA(NATIONAL, FATAL,
            "Le {0} porte le schemeID « {1} » : l'acheteur public est identifié par un SIRET, schemeID=\"0009\".",
            "The buyer identifier {0} has schemeID \"{1}\": a public buyer is identified by a SIRET, schemeID \"0009\"."),
    NAT_SIRET_ACHETEUR_SCHEMA_ANCIEN(NATIONAL, FATAL,
            "Le {0} porte l'ancien schemeID « 1 » (type d'identifiant Chorus) : la règle officielle EN 16931 BR-CL-10 n'admet que les codes ISO 6523 ; indiquez le SIRET avec schemeID=\"0009\".",
            "The buyer identifier {0} uses the legacy schemeID \"1\", which EN 16931 BR-CL-10 refuses (ISO 6523 codes only): use schemeID \"0009\"."),
    NAT_SIRET_ACHETEUR_FORMAT(NATIONAL, FATAL,
            "Le {0} vaut « {1} » : un SIRET compte exactement 14 chiffres, sans espace ni lettre.",
            "The buyer SIRET {0} is \"{1}\": a SIRET has exactly 14 digits."),
    NAT_SIRET_ACHETEUR_CLE(NATIONAL, FATAL,
            "Le {0} vaut « {1} » : la clé de contrôle (Luhn) de ce SIRET est fausse ; vérifiez-le dans l'annuaire Chorus Pro.",
            "The buyer SIRET {0} is \"{1}\": its check digit (Luhn) is wrong."),
    NAT_FOURNISSEUR_ID_ABSENT(NATIONAL, FATAL,
            "Le {0} est absent : indiquez votre SIRET (schemeID=\"0009\") ou, hors de France, votre identifiant avec son type.",
            "The supplier identifier {0} is missing."),
    NAT_FOURNISSEUR_ID_TYPE(NATIONAL, FATAL,
            "Le {0} a le type (schemeID) « {1} », inconnu de Chorus Pro : attendu 0009 (SIRET), 0223 (UE hors France), 0227 (hors UE), 0228 (RIDET), 0229 (TAHITI), ou un type Chorus 1 à 7.",
            "The supplier identifier {0} has the type (schemeID) \"{1}\", unknown to Chorus Pro."),
    NAT_FOURNISSEUR_SIRET_INVALIDE(NATIONAL, FATAL,
            "Le {0} est déclaré SIRET mais vaut « {1} », qui n'est pas un SIRET valide (14 chiffres, clé de contrôle juste).",
            "The supplier identifier {0} claims to be a SIRET but \"{1}\" is not a valid SIRET."),
    NAT_NUMERO_FACTURE_LONG(NATIONAL, FATAL,
            "Le {0} compte {1} caractères : Chorus Pro en accepte 20 au plus.",
            "The invoice number {0} has {1} characters; Chorus Pro takes at most 20."),
    NAT_TYPE_FACTURE_REFUSE(NATIONAL, FATAL,
            "Le {0} vaut {1} : Chorus Pro accepte 380 (facture), 381 (avoir), 384 (facture rectificative), 386 (facture d'acompte) et 389 (autofacture) ; 261 et 751 sont refusés.",
            "The invoice type code {0} is {1}: Chorus Pro takes 380, 381, 384, 386 and 389."),
    NAT_DEVISE_MULTIPLE(NATIONAL, FATAL,
            "La facture emploie la devise {1} en plus de sa devise BT-5 {0} (cbc:DocumentCurrencyCode / ram:InvoiceCurrencyCode) : les factures Chorus Pro sont mono-devise ; n'indiquez pas de devise de TVA BT-6 différente et exprimez tous les montants (attribut currencyID) dans la devise BT-5.",
            "The invoice uses the currency {1} besides its currency {0}: Chorus Pro invoices use one currency."),
    NAT_MONTANT_DECIMALES(NATIONAL, FATAL,
            "Le montant {0} vaut « {1} » : Chorus Pro accepte au plus 2 décimales pour les montants (totaux BT-106 à BT-115, TVA BT-116/BT-117, remises et frais BT-92/BT-99, lignes BT-131) ; seuls les prix unitaires BT-146/BT-148 peuvent en avoir plus.",
            "The amount {0} is \"{1}\": Chorus Pro takes at most 2 decimals for amounts."),
    NAT_CADRE_INCONNU(NATIONAL, FATAL,
            "Le {0} vaut « {1} » : attendu un cadre de facturation Chorus Pro, A1 à A25 sauf A11 (absent = A1, facture de fournisseur).",
            "The billing framework {0} is \"{1}\": expected a Chorus Pro code A1 to A25 (not A11); absent means A1."),
    NAT_AVOIR_SANS_FACTURE_ORIGINE(NATIONAL, WARNING,
            "Cet avoir (type 381) ne cite pas la facture qu'il corrige, {0} : indiquez-la pour que l'acheteur rapproche l'avoir.",
            "This credit note does not reference the invoice it corrects, {0}."),
    NAT_RECTIFICATIVE_SANS_FACTURE_ORIGINE(NATIONAL, FATAL,
            "Cette facture rectificative (type 384) ne cite pas la facture qu'elle corrige, {0}, qui est alors obligatoire.",
            "This corrective invoice (type 384) must reference the invoice it corrects, {0}."),
    NAT_FACTURE_ORIGINE_LONGUE(NATIONAL, FATAL,
            "La {0} compte {1} caractères : un numéro de facture Chorus Pro en a 20 au plus.",
            "The preceding invoice reference {0} has {1} characters; at most 20."),
    NAT_CODE_SERVICE_LONG(NATIONAL, FATAL,
            "Le {0} compte {1} caractères : Chorus Pro en accepte 100 au plus.",
            "The service code {0} has {1} characters; at most 100."),
    NAT_ENGAGEMENT_LONG(NATIONAL, FATAL,
            "Le {0} compte {1} caractères : Chorus Pro en accepte 50 au plus.",
            "The engagement number {0} has {1} characters; at most 50."),
    NAT_DATE_EMISSION_FUTURE(NATIONAL, FATAL,
            "La {0} est le {1}, après la date de dépôt du {2} (heure de Paris) : Chorus Pro refuse une facture émise après son dépôt ; corrigez la date d'émission.",
            "The issue date {0} is {1}, after the deposit date {2} (Paris time): Chorus Pro refuses an invoice issued after its deposit."),
    NAT_NOM_ACHETEUR_LONG(NATIONAL, FATAL,
            "Le {0} compte {1} caractères : Chorus Pro en accepte 99 au plus.",
            "The buyer name {0} has {1} characters; Chorus Pro takes at most 99."),
    NAT_NOM_FOURNISSEUR_LONG(NATIONAL, FATAL,
            "La {0} compte {1} caractères : Chorus Pro en accepte 99 au plus.",
            "The supplier name {0} has {1} characters; Chorus Pro takes at most 99."),
    // --- Whether the depositing operator may deposit for this supplier (its mandates) ---
    DEP_HORS_MANDAT(MANDATE, FATAL,
            "Le fournisseur {0} de cette facture ne figure pas parmi les fournisseurs pour lesquels le partenaire {1} a mandat de déposer : la facture n'est pas intégrée. Faites enregistrer le mandat auprès de la plateforme, ou faites déposer la facture par le fournisseur.",
            "Supplier {0} of this invoice is not among the suppliers partner {1} holds a mandate for: the invoice is not integrated."),
    // --- Routing to the public recipient (directory checks); 04 = À recycler, 05 = Rejetée ---
    ROUTAGE_SIRET_INCONNU(ROUTING, FATAL,
            "Le SIRET destinataire {0} (SIRET de l'acheteur : cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID en UBL, ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID en CII) n'est pas dans l'annuaire des structures publiques : corrigez-le et redéposez la facture sous le même numéro.",
            "Recipient SIRET {0} is not in the directory of public structures: correct it and resend the invoice with the same number."),
    ROUTAGE_STRUCTURE_INACTIVE(ROUTING, FATAL,
            "La structure publique {0} ({1}) est inactive dans l'annuaire : elle ne reçoit plus de factures ; vérifiez le SIRET destinataire auprès de l'acheteur.",
            "Public structure {0} ({1}) is inactive in the directory and no longer receives invoices."),
    ROUTAGE_STRUCTURE_NON_DESTINATAIRE(ROUTING, FATAL,
            "La structure publique {0} ({1}) est uniquement maître d'ouvrage : elle ne reçoit pas de factures de fournisseurs ; adressez la facture à la structure indiquée dans le marché.",
            "Public structure {0} ({1}) is a project owner only and receives no supplier invoices."),
    ROUTAGE_SERVICE_ABSENT(ROUTING, FATAL,
            "La structure publique {0} ({1}) exige un code service : renseignez BT-10 code service (cbc:BuyerReference en UBL, ram:ApplicableHeaderTradeAgreement/ram:BuyerReference en CII). Codes actifs : {2}.",
            "Public structure {0} ({1}) requires a service code (BT-10). Active codes: {2}."),
    ROUTAGE_SERVICE_INCONNU(ROUTING, FATAL,
            "Le code service « {0} » (BT-10, cbc:BuyerReference / ram:BuyerReference) n'existe pas pour la structure {1} ({2}) : corrigez-le avec l'un des codes actifs ({3}) et redéposez la facture.",
            "Service code '{0}' (BT-10) does not exist for structure {1} ({2}). Active codes: {3}."),
    ROUTAGE_SERVICE_INACTIF(ROUTING, FATAL,
            "Le service « {0} » (BT-10) de la structure {1} ({2}) est inactif ou hors de ses dates de validité : corrigez le code service avec l'un des codes actifs ({3}) et redéposez la facture.",
            "Service '{0}' (BT-10) of structure {1} ({2}) is inactive or outside its validity dates. Active codes: {3}."),
    ROUTAGE_ENGAGEMENT_ABSENT(ROUTING, FATAL,
            "{0} exige un numéro d'engagement juridique : renseignez BT-13 (cac:OrderReference/cbc:ID en UBL, ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID en CII).",
            "{0} requires a legal engagement number (BT-13)."),
    ROUTAGE_SERVICE_OU_ENGAGEMENT_ABSENT(ROUTING, FATAL,
            "La structure publique {0} ({1}) exige un code service (BT-10, cbc:BuyerReference) ou un numéro d'engagement juridique (BT-13, cac:OrderReference/cbc:ID) : renseignez au moins l'un des deux.",
            "Public structure {0} ({1}) requires a service code (BT-10) or an engagement number (BT-13)."),
    ROUTAGE_SERVICE_RESERVE(ROUTING, FATAL,
            "Le service FACTURES_PUBLIQUES (BT-10) est réservé aux factures entre structures publiques ; le fournisseur {0} n'en est pas une : utilisez le code service communiqué par l'acheteur.",
            "Service FACTURES_PUBLIQUES (BT-10) is reserved to invoices between public structures; supplier {0} is not one."),
    ROUTAGE_DOUBLON(ROUTING, FATAL,
            "Double facturation : la facture n° {0} (BT-1) du fournisseur {1} pour l'année {2} a déjà été déposée (facture {3}) ; celle-ci ne l'est pas une seconde fois. S'il s'agit d'une autre facture, donnez-lui un numéro qui lui soit propre.",
            "Duplicate: invoice {0} (BT-1) of supplier {1} for year {2} was already deposited (invoice {3})."),
    CIRCUIT_VALIDEUR_ABSENT(ROUTING, FATAL,
            "Le cadre de facturation {0} (BT-23) exige un valideur (le titulaire ou le mandataire) : nommez son SIRET dans un document de référence dont la description (BT-123) vaut VALIDEUR, en BT-122 (cac:AdditionalDocumentReference/cbc:ID avec cbc:DocumentDescription en UBL, ram:AdditionalReferencedDocument/ram:IssuerAssignedID avec ram:TypeCode 916 et ram:Name en CII).",
            "Billing framework {0} (BT-23) needs a validator: name its SIRET in BT-122 with the description (BT-123) VALIDEUR."),
    CIRCUIT_VALIDEUR_INCONNU(ROUTING, FATAL,
            "Le valideur « {0} » nommé par la facture (BT-122, description VALIDEUR) n'est raccordé à la plateforme par aucun partenaire qui reçoit des factures : indiquez le SIRET (14 chiffres) du titulaire ou du mandataire raccordé.",
            "The validator {0} the invoice names (BT-122, description VALIDEUR) is not a connected partner that receives invoices."),
    CIRCUIT_MOE_ABSENT(ROUTING, FATAL,
            "Le cadre de facturation {0} (BT-23) est celui d'un marché de travaux : nommez le SIRET du maître d'œuvre dans un document de référence dont la description (BT-123) vaut MOE, en BT-122 (cac:AdditionalDocumentReference/cbc:ID avec cbc:DocumentDescription en UBL, ram:AdditionalReferencedDocument/ram:IssuerAssignedID avec ram:Name en CII).",
            "Billing framework {0} (BT-23) is a works invoice: name the MOE's SIRET in BT-122 with the description (BT-123) MOE."),
    CIRCUIT_MOE_INCONNU(ROUTING, FATAL,
            "Le maître d'œuvre « {0} » nommé par la facture (BT-122, description MOE) n'est raccordé à la plateforme par aucun partenaire qui reçoit des factures : indiquez le SIRET (14 chiffres) du maître d'œuvre raccordé.",
            "The MOE {0} the invoice names (BT-122, description MOE) is not a connected partner that receives invoices."),
    CIRCUIT_MOA_NON_HABILITEE(ROUTING, FATAL,
            "La structure {0} n'est pas maître d'ouvrage dans l'annuaire (EstMOA) : nommez le SIRET du maître d'ouvrage dans un document de référence dont la description (BT-123) vaut MOA (BT-122), ou adressez la facture (BT-46) à une structure maître d'ouvrage.",
            "Structure {0} is not flagged EstMOA in the directory: name the MOA (BT-122, description MOA) or address a structure that is one."),
    CIRCUIT_MOA_INCONNUE(ROUTING, FATAL,
            "Le maître d'ouvrage {0} n'est raccordé à la plateforme par aucun partenaire qui reçoit des factures : il ne pourrait ni recevoir la facture de travaux ni y répondre.",
            "The MOA {0} is not a connected partner that receives invoices: it could neither receive the works invoice nor answer it."),

    // --- Status flows (status updates from recipients, completions from suppliers); one per line or file ---
    STA_CSV_ENTETE(STATUS_UPDATES, FATAL,
            "L'en-tête du fichier CSV est absent ou incomplet ({0}) : la première ligne doit nommer les colonnes, par exemple id_facture;id_fournisseur;numero_facture;date_facture;statut;date_heure;motif;commentaire (séparateur « ; »). Aucune ligne n'a été appliquée.",
            "The CSV header is missing or incomplete ({0}); nothing was applied."),
    STA_CSV_SYNTAXE(STATUS_UPDATES, FATAL,
            "Le fichier CSV est illisible à partir de la ligne {0} ({1}) : aucune ligne n'a été appliquée ; fermez le guillemet ouvert et renvoyez le fichier.",
            "The CSV file cannot be read from line {0} ({1}); nothing was applied."),
    STA_STATUTS_DE_FLUX(STATUS_UPDATES, FATAL,
            "Ce fichier CPPStatut porte des statuts de flux (CPPFluxStatuts, codes 90 à 96), que seule la plateforme émet : pour changer le statut de factures, envoyez un CPPStatut contenant des CPPFactureStatuts. Aucune ligne n'a été appliquée.",
            "This CPPStatut file carries flow statuses (CPPFluxStatuts, 90 to 96), which only the platform issues: send CPPFactureStatuts to change invoice statuses. Nothing was applied."),
    STA_FICHIER_SANS_STATUT(STATUS_UPDATES, FATAL,
            "Le fichier ne contient aucune mise à jour de statut : ajoutez au moins une ligne après l'en-tête.",
            "The file contains no status update."),
    STA_TROP_DE_LIGNES(STATUS_UPDATES, FATAL,
            "Le fichier compte {0} mises à jour de statut, au-delà du maximum de {1} par fichier : aucune ligne n'a été appliquée ; découpez-le en fichiers plus petits.",
            "The file holds {0} status updates, over the limit of {1} per file; nothing was applied: split it."),
    STA_LIGNE_MALFORMEE(STATUS_UPDATES, FATAL,
            "Ligne mal formée : {0}. Corrigez-la et renvoyez-la seule.",
            "Malformed line: {0}."),
    STA_STATUT_INCONNU(STATUS_UPDATES, FATAL,
            "Statut « {0} » inconnu : indiquez un code de statut Chorus Pro sur deux chiffres, de 01 à 12 (par exemple 07 pour Service fait).",
            "Unknown status \"{0}\": give a two-digit Chorus Pro status code, 01 to 12."),
    STA_DATE_INVALIDE(STATUS_UPDATES, FATAL,
            "Date-heure « {0} » illisible : écrivez-la au format ISO 8601 avec son fuseau, par exemple 2026-11-23T14:30:00+01:00 ou 2026-11-23T13:30:00Z.",
            "Unreadable date-time \"{0}\": use ISO 8601 with an offset, e.g. 2026-11-23T14:30:00+01:00."),
    STA_FACTURE_INCONNUE(STATUS_UPDATES, FATAL,
            "Aucune facture ne correspond à {0} : vérifiez l'identifiant du fournisseur et le numéro de facture (id_fournisseur et numero_facture / Fournisseur/Identifiant et IdFacture), ou l'identifiant achemine de la facture (id_facture, par exemple ACH0011100000000000000042-1).",
            "No invoice matches {0}."),
    STA_REFERENCE_AMBIGUE(STATUS_UPDATES, FATAL,
            "{0} désigne plusieurs factures ({1}) : indiquez la date de la facture (date_facture / DateFacture) ou son identifiant achemine (id_facture).",
            "{0} matches several invoices ({1}): give achemine's invoice id or the invoice date."),
    STA_FACTURE_NON_AUTORISEE(STATUS_UPDATES, FATAL,
            "La facture {0} ne vous concerne pas : {1}. Vous ne pouvez changer le statut que {2}.",
            "Invoice {0} is not yours: {1}. You may only change the status {2}."),
    STA_AUTRE_ENVIRONNEMENT(STATUS_UPDATES, FATAL,
            "La facture {0} est une facture de {1} : un statut déposé en {2} ne s'applique qu'aux factures de {2}. Déposez les statuts de qualification dans qualif/in, ceux de production dans in.",
            "Invoice {0} is a {1} invoice: a status dropped in {2} applies only to {2} invoices."),
    STA_TRANSITION_INTERDITE(STATUS_UPDATES, FATAL,
            "La facture {0} est au statut {1} : le passage au statut {2} par {3} n'est pas autorisé. {4}",
            "Invoice {0} is in status {1}: {3} may not move it to {2}. {4}"),
    STA_MOTIF_ABSENT(STATUS_UPDATES, FATAL,
            "Le statut {0} exige un motif : indiquez un code du catalogue des motifs (colonne motif / élément ComplementStatut) : {1}.",
            "Status {0} requires a reason code from the catalogue: {1}."),
    STA_MOTIF_HORS_STATUT(STATUS_UPDATES, FATAL,
            "Le motif {0} ne justifie pas le statut {1} : {2}",
            "Reason {0} does not belong to status {1}: {2}"),
    STA_DATE_FUTURE(STATUS_UPDATES, FATAL,
            "La date-heure déclarée {0} est dans le futur (horloge de la plateforme : {1}, tolérance {2}) : vérifiez l'horloge et le fuseau de votre système, puis renvoyez la ligne.",
            "The declared date-time {0} is in the future (platform clock {1}, tolerance {2}): check your system's clock and time zone."),
    STA_DATE_ANTERIEURE_MISE_A_DISPOSITION(STATUS_UPDATES, WARNING,
            "Ligne appliquée, mais la date-heure déclarée {0} précède la mise à disposition de la facture {1} au destinataire ({2}) : le changement est daté par la plateforme ({3}) ; vérifiez l'horloge de votre système.",
            "Applied, but the declared date-time {0} is earlier than invoice {1}'s delivery to the recipient ({2}); the platform dates the change ({3})."),
    STA_MOTIF_INCONNU(STATUS_UPDATES, FATAL,
            "Motif « {0} » inconnu : utilisez un code du catalogue des motifs : {1}.",
            "Unknown reason \"{0}\": use a code of the catalogue: {1}."),
    STA_COMPLEMENT_ABSENT(STATUS_UPDATES, FATAL,
            "La facture {0} ne peut passer en 12 Complétée sans son complément : indiquez en commentaire ce qui a été complété, ou, en CSV, la référence de la pièce jointe (piece_jointe).",
            "Invoice {0} cannot be completed (12) without a comment or an attachment reference."),
    STA_LOT_COMPLEMENT(STATUS_UPDATES, FATAL,
            "Lot de complément refusé : {0}. Déposez un .zip contenant un seul fichier de statut (CSV ou CPPStatut) d'une seule ligne 12 Complétée, et les documents qui complètent la facture.",
            "Completion bundle refused: {0}. Drop a .zip holding one status file (CSV or CPPStatut) with one 12 line, and the documents completing the invoice."),
    STA_DEJA_APPLIQUE(STATUS_UPDATES, FATAL,
            "La facture {0} a déjà reçu ce changement : statut {1} déclaré le {2}, même motif et même commentaire, appliqué depuis le flux {3} : il n'est pas appliqué une seconde fois (fichier déjà envoyé ?).",
            "Invoice {0} already received this change: status {1} declared {2}, same reason and comment, applied from flow {3}; not applied twice (file sent again?)."),
    STA_PRODUCTEUR_NON_AUTORISE(STATUS_UPDATES, FATAL,
            "Le producteur déclaré « {0} » (Producteur@Id) n'est ni votre code partenaire {1} ni le SIRET d'une structure que vous servez ({2}) : la ligne n'a pas été appliquée. Indiquez l'un d'eux, ou omettez Producteur.",
            "The declared producer \"{0}\" (Producteur@Id) is neither your partner code {1} nor the SIRET of a structure you serve ({2}); the line was not applied."),
    STA_DEJA_AU_STATUT(STATUS_UPDATES, FATAL,
            "La facture {0} est déjà au statut {1} depuis le {2} : rien n'a été changé.",
            "Invoice {0} is already in status {1} since {2}: nothing changed."),
    // --- Directory import (annuaire), reported in the import report, not in a CR ---
    ANN_IMPORT_REFUSE(DIRECTORY, FATAL,
            "Import de l'annuaire refusé : {0}. L'annuaire en service est conservé ; corrigez le fichier et redéposez les deux fichiers.",
            "Directory import refused: {0}. The directory in service is kept; fix the file and drop both files again."),
    ANN_DEPOT_REMPLACE(DIRECTORY, WARNING,
            "Le dépôt de l'annuaire « {0} » est plus ancien que « {1} » : il n'a pas été importé (l'annuaire ne revient jamais en arrière) et a été rangé dans {2}.",
            "Directory drop '{0}' is older than '{1}': not imported (the directory never goes back in time), filed in {2}."),

    // --- Processing faults (ours, not the document's) ---
    ERR_TECHNIQUE(ADMISSIBILITY, FATAL,
            "Erreur technique de notre plateforme pendant le contrôle {0} (incident {1}) : le flux est conservé ; contactez l'exploitant en citant l'incident.",
            "Technical error on our platform during the {0} check (incident {1}); the flow is kept.");

    private final CheckName source;
    private final Severity severity;
    private final String messageFr;
    private final String messageEn;

    FindingCode(CheckName source, Severity severity, String messageFr, String messageEn) {
        this.source = source;
        this.severity = severity;
        this.messageFr = messageFr;
        this.messageEn = messageEn;
    }

    public String code() {
        return name();
    }

    public CheckName source() {
        return source;
    }

    public Severity severity() {
        return severity;
    }

    public String messageFr(Object... arguments) {
        return fill(messageFr, arguments);
    }

    public String messageEn(Object... arguments) {
        return fill(messageEn, arguments);
    }

    /** The raw French template, for the documentation table. */
    public String templateFr() {
        return messageFr;
    }

    // Plain {n} substitution: MessageFormat would eat the apostrophes of French text.
    private static String fill(String template, Object... arguments) {
        String text = template;
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }
}
