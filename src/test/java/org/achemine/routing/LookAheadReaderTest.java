package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

class LookAheadReaderTest {

    /** Seven items behind a stream reader that remembers whether it was opened and closed. */
    private static final class Seven implements ItemStreamReader<Integer> {
        private Iterator<Integer> items;
        boolean closed;

        @Override
        public Integer read() {
            return items.hasNext() ? items.next() : null;
        }

        @Override
        public void open(ExecutionContext context) {
            items = List.of(1, 2, 3, 4, 5, 6, 7).iterator();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void eachBlockOfAChunkIsShownWholeBeforeItsFirstItemIsHandedOut() throws Exception {
        // given a reader of seven items read three at a time
        Seven seven = new Seven();
        List<String> events = new ArrayList<>();
        LookAheadReader<Integer> reader = new LookAheadReader<>(seven, 3, block -> events.add("ahead " + block));

        // when every item is read
        reader.open(new ExecutionContext());
        for (Integer item = reader.read(); item != null; item = reader.read()) {
            events.add("item " + item);
        }
        reader.close();

        // then the blocks are shown in order, each before its items, and the reader is closed through
        assertThat(events).containsExactly("ahead [1, 2, 3]", "item 1", "item 2", "item 3",
                "ahead [4, 5, 6]", "item 4", "item 5", "item 6", "ahead [7]", "item 7");
        assertThat(seven.closed).isTrue();
        assertThat(reader.read()).as("after the end").isNull();
    }
}
