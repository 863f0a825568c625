package io.protoguard.protocol;

import io.protoguard.model.CitationSource;
import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A citation marked PROTOCOL (or with no CitationSource) claims to be the protocol's own words: it must be found
 * verbatim in the protocol document, whitespace aside (line breaks and runs of spaces do not count). Each one that
 * is not is reported at its Citation cell, with where the match stops, so the author can see the paraphrase.
 */
public final class CitationCheck {
    private static final int SHOWN = 40;

    private CitationCheck() {}

    /** The problems of one protocol version's tables against the protocol document's text. */
    public static List<ProtocolProblem> check(LoadedProtocol p, String protocolText, String textName) {
        String text = squeeze(protocolText);
        List<ProtocolProblem> out = new ArrayList<>();
        for (RuleTableSheet t : p.tables()) {
            Column citation = t.column("Citation"), source = t.column("CitationSource");
            if (citation == null) continue;
            for (RuleRow r : t.rows()) {
                String cited = r.cell(citation);
                if (cited == null || !isProtocol(source == null ? null : r.cell(source))) continue;
                String wanted = squeeze(cited);
                if (text.contains(wanted)) continue;
                out.add(new ProtocolProblem(t.file(), t.sheet(), citation.letter() + r.excelRow(),
                        "Citation is marked PROTOCOL but is not found verbatim in " + textName + " (whitespace aside): "
                                + where(cited, wanted, text) + "; quote the protocol's own sentence, or set CitationSource"
                                + " to REGULATION or SPONSOR and name the source"));
            }
        }
        return out;
    }

    private static boolean isProtocol(String source) {
        try {
            return CitationSource.parse(source, "?") == CitationSource.PROTOCOL;
        } catch (IllegalArgumentException e) {
            return false; // a bad value is the table loader's problem, reported there
        }
    }

    /** "its first 12 characters are found; it differs from "...here"" (counting the characters of the cell). */
    private static String where(String cited, String wanted, String text) {
        int lo = 0, hi = wanted.length();
        while (lo < hi) { // longest prefix found in the text
            int mid = (lo + hi + 1) / 2;
            if (text.contains(wanted.substring(0, mid))) lo = mid;
            else hi = mid - 1;
        }
        if (lo < 12) return "its opening words are not in the text";
        int at = cellIndex(cited, lo);
        String rest = cited.substring(at).strip();
        return "it matches up to \"" + tail(cited.substring(0, at).strip()) + "\" and then differs at \""
                + (rest.length() > SHOWN ? rest.substring(0, SHOWN) + "\u2026" : rest) + "\"";
    }

    private static String tail(String s) {
        return s.length() > SHOWN ? "\u2026" + s.substring(s.length() - SHOWN) : s;
    }

    /** The index in the cell's text of the {@code n}-th character that is not whitespace. */
    private static int cellIndex(String cited, int n) {
        int seen = 0;
        for (int i = 0; i < cited.length(); i++) {
            if (isSpace(cited.charAt(i))) continue;
            if (seen++ == n) return i;
        }
        return cited.length();
    }

    static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!isSpace(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
