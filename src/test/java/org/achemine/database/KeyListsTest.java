package org.achemine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyListsTest {

    @Test
    void placeholdersAreOneBracketedRowPerKeyOrBarePlaceholdersForOneColumn() {
        assertThat(KeyLists.placeholders(2, 3)).isEqualTo("(?, ?, ?), (?, ?, ?)");
        assertThat(KeyLists.placeholders(3, 1)).isEqualTo("?, ?, ?");
    }

    @Test
    void keysGoInOrderOnceEachInSlicesOfAtMostTheLimit() {
        // given 1,201 distinct keys, the first ten repeated
        List<Integer> keys = new ArrayList<>(IntStream.range(0, 1_201).boxed().toList());
        keys.addAll(keys.subList(0, 10));
        List<List<Integer>> slices = new ArrayList<>();

        // when they are sliced
        KeyLists.inSlices(keys, slices::add);

        // then three slices, full ones first, every key once and in order
        assertThat(slices).extracting(List::size).containsExactly(KeyLists.SLICE, KeyLists.SLICE, 201);
        assertThat(slices.stream().flatMap(List::stream)).containsExactlyElementsOf(IntStream.range(0, 1_201).boxed().toList());
    }
}
