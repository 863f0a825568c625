package io.protoguard.intake.sdtm;

/**
 * A file that cannot be read on: truncated, corrupted or not of its format. The message names the file and,
 * when one is at fault, the record (or header record) where reading stopped; it is shown to the user as is.
 */
public final class SdtmInputException extends Exception {
    private final String file;
    private final Integer record;

    public SdtmInputException(String file, Integer record, String message) {
        super(message);
        this.file = file;
        this.record = record;
    }

    public String file() {
        return file;
    }

    /** The data record (1 = first) or null for a fault of the file's header. */
    public Integer record() {
        return record;
    }
}
