package org.achemine.testing;

import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.ParsedInvoice;

/** A check added to the pipeline that breaks on every document: the fault an operator removes (then retries). */
public final class BrokenCheck implements DocumentCheck {

    @Override
    public CheckName name() {
        return CheckName.NATIONAL;
    }

    @Override
    public CheckResult check(ParsedInvoice invoice) {
        throw new IllegalStateException("broken on purpose by the test");
    }
}
