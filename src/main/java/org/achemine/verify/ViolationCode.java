package org.achemine.verify;

/**
 * Stable codes of the invariants a data folder can break, each documented in docs/codes.md
 * ("Invariant violations"). Operators and scripts match on the code; the message of each violation names the flow, invoice
 * or file.
 */
public enum ViolationCode {

    INV_ARCHIVE_ABSENT("a taken flow has no archived original"),
    INV_ARCHIVE_ALTERE("an archived original's SHA-256 differs from the one recorded when it was taken"),
    INV_ARCHIVE_ORPHELIN("a file in archive/ belongs to no flow"),
    INV_SOURCE_NON_RETIREE("a file is still in in/ although its flow says it was taken and removed"),
    INV_ENTREE_NON_PRISE("a file waits in in/ (not taken yet); a violation only once drained"),
    INV_ENTREE_ILLISIBLE("an entry of in/ the engine may neither read nor move, or an in/ it may not list: never taken until its permissions change"),
    INV_FLUX_EN_ATTENTE("a flow is taken but not yet answered by a deposit report; a violation only once drained"),
    INV_FLUX_EN_INCIDENT("a flow's check broke at every attempt: answered ERR_TECHNIQUE and parked until `flow retry`; a violation only once drained"),
    INV_CR_ABSENT("a reported flow has no deposit report published (none in the publication journal; one the partner took is not missing)"),
    INV_CR_ORPHELIN("a deposit report in out/ belongs to no reported flow of that partner"),
    INV_FACTURE_EN_ATTENTE("an accepted invoice is not routed yet (01, 02 or not registered); a violation only once drained"),
    INV_FACTURE_PERDUE("an accepted document of a registered flow has no invoice"),
    INV_LIVRAISON_ABSENTE("an invoice in 03 or later has no delivery published (none in the publication journal; one the recipient took is not missing)"),
    INV_LIVRAISON_MULTIPLE("an invoice was delivered as more than one file"),
    INV_LIVRAISON_ORPHELINE("a delivered file belongs to no invoice, or to one that does not record it"),
    INV_MOTIF_ABSENT("an invoice sent back (04) or rejected (05) has no reason"),
    INV_CR_INTEGRATION_ABSENT("a flow whose invoices are all routed has no integration report published (none in the publication journal)"),
    INV_CR_INTEGRATION_ORPHELIN("an integration report in out/ belongs to no flow that records it"),
    INV_FICHIER_INCONNU("a file in an out/ is neither a report nor a delivered invoice"),
    INV_FICHIER_TEMPORAIRE("a temporary file of an interrupted write is left (.<name>.tmp in out/, archive/.staging)"),
    INV_CHANGEMENT_NON_SIGNALE("a status change is in no lifecycle report yet; a violation only once drained"),
    INV_RAPPORT_CYCLE_ABSENT("a lifecycle report recorded as written was never published (none in the publication journal), or, once drained, one is still only READY"),
    INV_RAPPORT_CYCLE_INCOHERENT("a lifecycle report's file does not list exactly the status changes marked with it, in order (one missing, extra, or repeated)"),
    INV_RAPPORT_CYCLE_ORPHELIN("a lifecycle report in out/ is recorded by no lifecycle report of that partner"),
    INV_PUBLICATION_INACHEVEE("a file journaled for publication was never renamed into place; a violation only once drained (a start-up finishes it)"),
    INV_PUBLICATION_NON_JOURNALISEE("a file in an out/ has no row in the publication journal: the engine did not publish it"),
    INV_PUBLICATION_ALTEREE("a published file still in out/ differs from the SHA-256 it was journaled with"),
    INV_QUALIFICATION_LIVREE("a qualification invoice (a partner's test) went beyond 01 Déposée: delivered, given a recipient or a later status"),
    INV_STATUT_AUTRE_ENVIRONNEMENT("a status from a production flow was applied to a qualification invoice, or one from a qualification flow to a production invoice"),
    INV_AS2_SANS_FLUX("an AS2 message we acknowledged (MDN) became no flow of that name and content, and its payload is not in in/ either (waiting there: a violation only once drained)"),
    INV_AS2_ENVOI_NON_PUBLIE("an AS2 push a partner acknowledged is of no file the publication journal says was published with that content"),
    INV_AS2_ENVOI_JAMAIS_TENTE("an AS2 push waits in the outbox never tried; a violation only once drained");

    private final String meaning;

    ViolationCode(String meaning) {
        this.meaning = meaning;
    }

    /** What the code means, in one line (the table of docs/codes.md says the same). */
    public String meaning() {
        return meaning;
    }
}
