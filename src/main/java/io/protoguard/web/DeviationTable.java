package io.protoguard.web;

import io.protoguard.model.Deviation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deviation table of the result page: filtered by subject, category, severity and visit, sorted by a
 * column, with the links that change one of them and keep the others. Done on the server, so the page
 * works without JavaScript and a filtered view has a URL a monitor can share.
 */
public final class DeviationTable {
    static final List<String> COLUMNS = List.of("subject", "category", "severity", "visit", "occurredOn", "rule");

    public record Filter(String subject, String category, String severity, String visit, String sort, String dir) {
        public boolean descending() {
            return "desc".equalsIgnoreCase(dir);
        }
    }

    private final long runId;
    private final List<Deviation> all;
    private final Filter filter;
    private final Map<String, Integer> visitOrder;

    DeviationTable(long runId, List<Deviation> all, Filter filter, Map<String, Integer> visitOrder) {
        this.runId = runId;
        this.all = all;
        this.filter = filter;
        this.visitOrder = visitOrder;
    }

    public Filter filter() {
        return filter;
    }

    public List<Deviation> rows() {
        List<Deviation> rows = new ArrayList<>(all.stream()
                .filter(d -> matches(filter.subject(), d.subjectId()))
                .filter(d -> matches(filter.category(), d.category().name()))
                .filter(d -> matches(filter.severity(), d.severity().name()))
                .filter(d -> matches(filter.visit(), d.visit() == null ? "" : d.visit()))
                .toList());
        Comparator<Deviation> order = comparator(filter.sort());
        if (order != null) rows.sort(filter.descending() ? order.reversed() : order); // stable: ties keep the engine's order
        return rows;
    }

    public List<String> subjects() {
        return distinct(Deviation::subjectId);
    }

    public List<String> categories() {
        return distinct(d -> d.category().name());
    }

    public List<String> severities() {
        return distinct(d -> d.severity().name());
    }

    public List<String> visits() {
        return all.stream().map(Deviation::visit).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing((String v) -> visitOrder.getOrDefault(v, 999)).thenComparing(v -> v)).toList();
    }

    /** The link that sorts by {@code column}, ascending, or descending when it is already sorted ascending by it. */
    public String sortLink(String column) {
        boolean flip = column.equals(filter.sort()) && !filter.descending();
        return link(filter.subject(), filter.category(), filter.severity(), filter.visit(), column, flip ? "desc" : "asc");
    }

    /** The sort mark of a column header: ▲, ▼ or nothing. */
    public String sortMark(String column) {
        if (!column.equals(filter.sort())) return "";
        return filter.descending() ? " \u25BC" : " \u25B2";
    }

    public String subjectLink(String subject) {
        return link(subject, null, null, null, filter.sort(), filter.dir());
    }

    private String link(String subject, String category, String severity, String visit, String sort, String dir) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/runs/" + runId);
        if (present(subject)) b.queryParam("subject", subject);
        if (present(category)) b.queryParam("category", category);
        if (present(severity)) b.queryParam("severity", severity);
        if (present(visit)) b.queryParam("visit", visit);
        if (present(sort)) b.queryParam("sort", sort);
        if (present(dir)) b.queryParam("dir", dir);
        return b.encode().build().toUriString() + "#deviations";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private Comparator<Deviation> comparator(String column) {
        if (column == null) return null;
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        return switch (column) {
            case "subject" -> Comparator.comparing(Deviation::subjectId, text);
            case "category" -> Comparator.comparing(d -> d.category().name());
            case "severity" -> Comparator.comparing(d -> d.severity().ordinal());
            case "visit" -> Comparator.comparing((Deviation d) -> d.visit() == null ? 1000 : visitOrder.getOrDefault(d.visit(), 999))
                    .thenComparing(Deviation::visit, text);
            case "occurredOn" -> Comparator.comparing(Deviation::occurredOn, Comparator.nullsLast(Comparator.naturalOrder()));
            case "rule" -> Comparator.comparing(Deviation::ruleId, text);
            default -> null;
        };
    }

    private List<String> distinct(Function<Deviation, String> f) {
        return new ArrayList<>(new TreeSet<>(all.stream().map(f).filter(Objects::nonNull).toList()));
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.equals(value);
    }
}
