package cn.perftarget.declaration;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that grows with use, as the database cut it: {@code items} of page {@code page} (from 0) of
 * {@code size}, and how many match in all.
 */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    /** The most items one page may hold. */
    public static final int MAX_SIZE = 500;
    /** The size of a page when the caller names none. */
    public static final int DEFAULT_SIZE = 50;

    public ResultPage {
        items = List.copyOf(items);
    }

    /** The last page that holds anything (0 when nothing matches). */
    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
