package io.protoguard.cli;

import java.util.regex.Pattern;

/** Failure messages fit for a user: never a Java class name or a stack trace. */
final class Messages {
    private Messages() {}

    /** A qualified class name ("java.lang.String", "org.apache.poi.Foo") or a bare "...Exception". */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|\\b\\w*(Exception|Error)\\b");

    static String plain(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || CLASS_NAME.matcher(m).find()) {
            return "an internal fault (please report it with the input that caused it)";
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    static boolean namesAClass(String text) {
        return CLASS_NAME.matcher(text).find();
    }
}
