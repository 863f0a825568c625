package io.protoguard.model;

/**
 * Where a fact was read: file, sheet and row as Excel numbers it (header = row 1). For SDTM data (SPEC
 * section 8) {@code domain} names the domain, {@code row} the record's number in its file (first record = 1)
 * and {@code seq} its --SEQ where the domain has one; {@code sheet} then holds the domain too, so code that
 * groups by sheet keeps working. {@code domain} and {@code seq} are null for workbook rows.
 */
public record SourceRef(String file, String sheet, int row, String domain, Long seq) {

    public SourceRef(String file, String sheet, int row) {
        this(file, sheet, row, null, null);
    }

    /** A record of an SDTM domain. */
    public static SourceRef sdtm(String file, String domain, int record, Long seq) {
        return new SourceRef(file, domain, record, domain, seq);
    }

    @Override
    public String toString() {
        if (domain != null) return file + " " + domain + " record " + row + (seq == null ? "" : " (" + domain + "SEQ " + seq + ")");
        return file + " " + sheet + " row " + row;
    }
}
