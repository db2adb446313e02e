package org.achemine.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a chunk's worth of items ahead and shows them together before handing them out one by one, so that what
 * each item needs from the database is read for the whole chunk in one query ({@link RoutingDecisions#lookAhead})
 * instead of one per item. The step reads as many items per chunk as it is told, so each block is a chunk.
 */
public class LookAheadReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> reader;
    private final int size;
    private final Consumer<List<T>> ahead;
    private final Deque<T> block = new ArrayDeque<>();

    /** @param ahead shown each block read, before any of its items is handed out */
    public LookAheadReader(ItemStreamReader<T> reader, int size, Consumer<List<T>> ahead) {
        this.reader = reader;
        this.size = size;
        this.ahead = ahead;
    }

    @Override
    public T read() throws Exception {
        if (block.isEmpty()) {
            List<T> next = new ArrayList<>(size);
            for (T item; next.size() < size && (item = reader.read()) != null; ) {
                next.add(item);
            }
            if (!next.isEmpty()) {
                ahead.accept(next);
                block.addAll(next);
            }
        }
        return block.poll();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        block.clear();
        reader.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        reader.update(executionContext);
    }

    @Override
    public void close() {
        reader.close();
        block.clear();
    }
}
