package io.protoguard.storage;

import java.util.List;

/** One page of a long list, asked for and answered: the same shape for the pages and the API. */
public final class Paging {
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 500;

    private Paging() {}

    /**
     * page counts from 1; size is clamped to 1..500 (50 when absent); sort is a column name the query knows
     * (anything else falls back to the query's natural order); dir is asc or desc.
     */
    public record Request(int page, int size, String sort, String dir) {
        public Request {
            page = Math.max(1, page);
            size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
            dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
        }

        public static Request of(Integer page, Integer size, String sort, String dir) {
            return new Request(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size, sort, dir);
        }

        public boolean descending() {
            return "desc".equals(dir);
        }

        public long offset() {
            return (long) (page - 1) * size;
        }
    }

    /** The rows of one page and the total of rows matching, so a caller can say "51-100 of 12,345". */
    public record Page<T>(List<T> items, int page, int size, long total) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public long first() {
            return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
        }

        public long last() {
            return first() == 0 ? 0 : first() + items.size() - 1;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }
}
