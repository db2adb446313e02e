package org.achemine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.config.AchemineProperties.ReportFormat;
import org.junit.jupiter.api.Test;

/** {@code report-formats}: the official CPPStatut always, the detailed companion by default or on request. */
class PartnerReportFormatsTest {

    @Test
    void aPartnerThatSaysNothingGetsTheOfficialReportAndItsDetailedCompanion() {
        Partner partner = new Partner("FOU002", null, PartnerRole.ISSUER, null);

        assertThat(partner.reportFormats()).containsExactly(ReportFormat.CPPSTATUT, ReportFormat.DETAILED);
        assertThat(partner.wantsDetailedReports()).isTrue();
    }

    @Test
    void theOfficialReportIsNeverLeftOutAndTheDetailedOneOnlyWhenAsked() {
        Partner detailedOnly = new Partner("FOU003", null, PartnerRole.ISSUER, null, List.of(), List.of(), null, null,
                List.of(ReportFormat.DETAILED));
        Partner officialOnly = new Partner("FOU004", null, PartnerRole.ISSUER, null, List.of(), List.of(), null, null,
                List.of(ReportFormat.CPPSTATUT));

        assertThat(detailedOnly.reportFormats()).containsExactly(ReportFormat.CPPSTATUT, ReportFormat.DETAILED);
        assertThat(officialOnly.reportFormats()).containsExactly(ReportFormat.CPPSTATUT);
        assertThat(officialOnly.wantsDetailedReports()).isFalse();
        // as kept in the database, and read back
        assertThat(ReportFormat.fromStored(ReportFormat.stored(officialOnly.reportFormats())))
                .containsExactly(ReportFormat.CPPSTATUT);
        assertThat(ReportFormat.fromStored(null)).isNull();
    }
}
