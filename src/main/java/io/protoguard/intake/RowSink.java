package io.protoguard.intake;

/**
 * What a format reader (XLSX or CSV) feeds with the rows it finds, so that the rules for sheets and columns
 * live in one place whatever the file format.
 */
interface RowSink {

    /**
     * A sheet begins. Returns null when the sheet is not wanted (an explanation sheet, an unknown sheet), so
     * the format reader can skip it without parsing.
     *
     * @param file      the file name only, as shown to the user
     * @param sheetName the sheet name as written (for CSV: the file name without ".csv")
     */
    SheetRows startSheet(String file, String sheetName);

    /** The file or a whole sheet could not be read; sheet may be null. */
    void fileError(String file, String sheet, String message);

    /** A file the format reader ignores, e.g. a non-CSV file in the folder. */
    void fileWarning(String file, String message);

    interface SheetRows {
        /**
         * One row as the user numbers it (header = row 1). Cells are keyed by 0-based column position; the
         * text is the cell as the user sees it, with dates already ISO and numbers as their exact value.
         */
        void row(int rowNumber, java.util.SortedMap<Integer, String> cells);

        /** A row the format reader could not split into cells (e.g. an unterminated CSV quote). */
        void unreadableRow(int rowNumber, String message);

        void end();

        /**
         * The format reader hands no more rows: after {@link #end}, or after a failure that stopped the read
         * halfway (already reported as a file error). Rows a sheet still holds go on to the merge.
         */
        default void readingDone() {}
    }
}
