package io.protoguard.web;

import io.protoguard.model.Deviation;
import io.protoguard.storage.Paging;
import io.protoguard.storage.RunDeviationQueries;
import io.protoguard.storage.Review;
import io.protoguard.storage.UploadReviews;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deviation table of the result page as the database paged it: one page of rows, the filter (subject search,
 * category, severity, visit), the sort, and the links that change one of them and keep the others. Done on the
 * server, so the page works without JavaScript and a filtered view has a URL a monitor can share.
 */
public final class DeviationTable {
    /** One row: the deviation, its identity (for a review) and the verdict in force, if any. */
    public record Row(Deviation d, String fingerprint, Review review) {
        public String status() {
            return review == null ? Review.OPEN : review.status();
        }
    }

    private final long runId;
    private final RunDeviationQueries.Filter filter;
    private final Paging.Request request;
    private final Paging.Page<Row> page;

    DeviationTable(long runId, String protocolId, RunDeviationQueries.Filter filter, Paging.Request request,
                   Paging.Page<Deviation> rows, UploadReviews reviews) {
        this.runId = runId;
        this.filter = filter;
        this.request = request;
        List<String> fps = rows.items().stream().map(d -> UploadReviews.fingerprint(protocolId, d)).toList();
        Map<String, Review> inForce = reviews.inForce(fps);
        List<Row> built = new java.util.ArrayList<>();
        for (int i = 0; i < fps.size(); i++) built.add(new Row(rows.items().get(i), fps.get(i), inForce.get(fps.get(i))));
        this.page = new Paging.Page<>(built, rows.page(), rows.size(), rows.total());
    }

    public RunDeviationQueries.Filter filter() {
        return filter;
    }

    public Paging.Request request() {
        return request;
    }

    public Paging.Page<Row> page() {
        return page;
    }

    /** The link that sorts by {@code column}, ascending, or descending when it is already sorted ascending by it. */
    public String sortLink(String column) {
        boolean flip = column.equals(request.sort()) && !request.descending();
        return link(filter, column, flip ? "desc" : "asc", 1, request.size()) + "#deviations";
    }

    /** The sort mark of a column header: ▲, ▼ or nothing. */
    public String sortMark(String column) {
        if (!column.equals(request.sort())) return "";
        return request.descending() ? " \u25BC" : " \u25B2";
    }

    public String pageLink(long pageNumber) {
        return link(filter, request.sort(), request.dir(), (int) pageNumber, request.size()) + "#deviations";
    }

    public String subjectLink(String subject) {
        return link(new RunDeviationQueries.Filter(subject, null, null, null), request.sort(), request.dir(), 1, request.size())
                + "#deviations";
    }

    /** The download of exactly this filtered view (every page of it), in {@code format}. */
    public String exportLink(String format) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/runs/" + runId + "/deviations." + format);
        query(b, filter, request.sort(), request.dir());
        return b.encode().build().toUriString();
    }

    private String link(RunDeviationQueries.Filter f, String sort, String dir, int pageNumber, int size) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/runs/" + runId);
        query(b, f, sort, dir);
        if (pageNumber > 1) b.queryParam("page", pageNumber);
        if (size != Paging.DEFAULT_SIZE) b.queryParam("size", size);
        return b.encode().build().toUriString();
    }

    private static void query(UriComponentsBuilder b, RunDeviationQueries.Filter f, String sort, String dir) {
        if (present(f.subject())) b.queryParam("subject", f.subject());
        if (present(f.category())) b.queryParam("category", f.category());
        if (present(f.severity())) b.queryParam("severity", f.severity());
        if (present(f.visit())) b.queryParam("visit", f.visit());
        if (present(sort)) b.queryParam("sort", sort);
        if (present(sort) && present(dir)) b.queryParam("dir", dir);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
