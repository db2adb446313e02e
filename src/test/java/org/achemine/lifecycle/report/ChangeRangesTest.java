package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeRangesTest {

    @Test
    void consecutiveNumbersMakeOneRangeAndAGapStartsAnother() {
        ChangeRanges listed = new ChangeRanges();
        for (long n : new long[] {3, 4, 5, 9, 11, 12}) {
            listed.add(n);
        }

        assertThat(listed.count()).isEqualTo(6);
        assertThat(listed.arguments("R1")).containsExactly(new Object[] {"R1", 3L, 5L}, new Object[] {"R1", 9L, 9L},
                new Object[] {"R1", 11L, 12L});
    }

    @Test
    void manyScatteredNumbersAreEachKept() {
        ChangeRanges listed = new ChangeRanges();
        for (long n = 0; n < 100; n++) {
            listed.add(n * 2);
        }

        assertThat(listed.arguments("R")).hasSize(100).last().isEqualTo(new Object[] {"R", 198L, 198L});
    }

    @Test
    void noNumberListedMarksNothing() {
        assertThat(new ChangeRanges().arguments("R")).isEmpty();
        assertThat(new ChangeRanges().count()).isZero();
    }

    @Test
    void aNumberOutOfOrderIsRefused() {
        ChangeRanges listed = new ChangeRanges();
        listed.add(7);

        assertThatThrownBy(() -> listed.add(7)).isInstanceOf(IllegalArgumentException.class);
    }
}
