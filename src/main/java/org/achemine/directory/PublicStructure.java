package org.achemine.directory;

/**
 * A public structure of the directory (annuaire), with the Chorus Pro flags routing depends on (FACTS §3.2).
 *
 * @param identifier          SIRET (14 digits) for identifier type 1
 * @param identifierType      Chorus identifier type (1 = SIRET, FACTS §1.8)
 * @param ediRecipient        receives its invoices by EDI (RecepteurEdi)
 * @param engagementRequired  GestionEngagement: the engagement number (BT-13) is mandatory
 * @param serviceRequired     GestionService: the service code (BT-10) is mandatory
 * @param serviceOrEngagement GestionServiceEngagement: a service code or an engagement number is mandatory
 * @param checksumValid       whether the SIRET passes its checksum (some real directory SIRETs do not)
 */
public record PublicStructure(
        String identifier,
        int identifierType,
        String name,
        boolean ediIssuer,
        boolean ediRecipient,
        boolean managesPaymentStatus,
        boolean engagementRequired,
        boolean serviceRequired,
        boolean serviceOrEngagement,
        boolean moa,
        boolean moaOnly,
        boolean active,
        boolean checksumValid,
        PostalAddress address) {

    /** Address and contact columns of the export, kept for display. */
    public record PostalAddress(String line1, String line2, String line3, String postalCode, String city,
                                String phone, String email, String countryCode, String countryName) {
    }
}
