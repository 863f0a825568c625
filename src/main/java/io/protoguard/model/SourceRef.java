package io.protoguard.model;

/** Where a fact was read: file, sheet and row as Excel numbers it (header = row 1). */
public record SourceRef(String file, String sheet, int row) {
    @Override
    public String toString() {
        return file + " " + sheet + " row " + row;
    }
}
