package io.protoguard.web;

import io.protoguard.storage.Paging;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of a paged, sorted list page (history, audit log, a study's deviations) that keep its other parameters. */
public record Pager(String path, Paging.Request request, Map<String, String> keep) {
    public String page(long page) {
        return link(request.sort(), request.dir(), page);
    }

    /** Sorts by {@code column}, flipping the direction when it is already the sort column. */
    public String sort(String column) {
        boolean flip = column.equals(request.sort()) && !request.descending();
        return link(column, flip ? "desc" : "asc", 1);
    }

    public String mark(String column) {
        if (!column.equals(request.sort())) return "";
        return request.descending() ? " \u25BC" : " \u25B2";
    }

    private String link(String sort, String dir, long page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        keep.forEach((k, v) -> {
            if (v != null && !v.isBlank()) b.queryParam(k, v);
        });
        if (sort != null) b.queryParam("sort", sort).queryParam("dir", dir);
        if (page > 1) b.queryParam("page", page);
        if (request.size() != Paging.DEFAULT_SIZE) b.queryParam("size", request.size());
        return b.encode().build().toUriString();
    }
}
