package io.protoguard.protocol;

/** One fault in a protocol folder: {@code file, Sheet!Cell: what is wrong; what would be right}. */
public record ProtocolProblem(String file, String sheet, String cell, String message) {

    public String describe() {
        StringBuilder s = new StringBuilder(file == null ? "protocol" : file);
        if (sheet != null) s.append(", ").append(sheet).append(cell == null ? "" : "!" + cell);
        return s.append(": ").append(message).toString();
    }
}
