package io.protoguard.web;

import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
import io.protoguard.intake.SheetKind;
import java.util.List;

/**
 * Tells an upload that cannot be read at all from one with bad rows: no subject was read, and the file as a whole (not
 * a workbook, damaged, a zip bomb, a DOCTYPE) or its Subjects sheet as a whole (missing, empty) is at fault. Such an
 * upload is refused (422) instead of becoming a run of nothing but errors.
 */
final class UnreadableUpload {
    private UnreadableUpload() {}

    /** The reason in words, or null when the upload is readable. */
    static String reason(WorkbookData data, String displayName) {
        if (!data.subjects().isEmpty()) return null;
        List<String> reasons = data.errors().stream().filter(UnreadableUpload::wholeFileOrSubjectsSheet)
                .map(UnreadableUpload::sentence).distinct().toList();
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static boolean wholeFileOrSubjectsSheet(InputError e) {
        if (e.sheet() == null) return true;
        return SheetKind.SUBJECTS.sheetName().equals(e.sheet()) && (e.row() == null || e.row() < 1);
    }

    private static String sentence(InputError e) {
        String m = e.message();
        if (e.sheet() == null && e.file() != null && m.matches("(is|holds|expands|contains) .*")) return e.file() + " " + m;
        return e.describe();
    }
}
