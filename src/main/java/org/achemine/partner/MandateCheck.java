package org.achemine.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Location;

/**
 * "May this partner deposit for this supplier?": an operator with mandates deposits only for those suppliers;
 * each invoice of another supplier gets {@link FindingCode#DEP_HORS_MANDAT} (fatal: not integrated). A partner
 * with no mandate is a supplier's own system and is not checked. Not a validation check: a fact about the
 * sender, recorded beside the checks ({@link CheckName#MANDATE}) so the deposit report shows it.
 */
public final class MandateCheck {

    private static final Location SUPPLIER = Location.path("BT-29 identifiant du fournisseur");

    public FlowVerdict apply(Optional<Partner> sender, FlowVerdict verdict) {
        if (sender.isEmpty() || sender.get().mandates().isEmpty()) {
            return verdict;
        }
        List<DocumentVerdict> documents = new ArrayList<>();
        for (DocumentVerdict document : verdict.documents()) {
            documents.add(check(sender.get(), document));
        }
        return new FlowVerdict(verdict.kind(), verdict.flowFindings(), documents);
    }

    private static DocumentVerdict check(Partner sender, DocumentVerdict document) {
        List<CheckResult> checks = new ArrayList<>(document.checks());
        if (document.facts() == null || document.facts().supplierId() == null) {
            // nothing to check the mandate against: the checks before say why the document was not read
            checks.add(CheckResult.skipped(CheckName.MANDATE));
        } else {
            String supplier = document.facts().supplierId();
            List<Finding> findings = sender.mandates().contains(supplier) ? List.of()
                    : List.of(Finding.of(FindingCode.DEP_HORS_MANDAT, SUPPLIER, supplier, sender.code()));
            checks.add(CheckResult.of(CheckName.MANDATE, findings, Duration.ZERO));
        }
        return new DocumentVerdict(document.name(), document.syntax(), checks, document.facts());
    }
}
