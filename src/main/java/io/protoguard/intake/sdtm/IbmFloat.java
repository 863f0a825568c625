package io.protoguard.intake.sdtm;

/**
 * IBM System/370 hexadecimal floating point, the number format of SAS XPORT v5: a sign bit, a 7-bit exponent
 * of 16 biased by 64, and a 56-bit fraction. SAS writes missing values as a first byte of '.', '_' or 'A'-'Z'
 * followed by zeros; a true zero is all zero bytes (a reader that skips that case reads EXDOSE 0 as 5.4e-79).
 * Variables shorter than 8 bytes are the leading bytes of the 8-byte value.
 */
public final class IbmFloat {
    private IbmFloat() {}

    /** The value, or null for any SAS missing value; {@code bytes} holds {@code length} (2 to 8) bytes at {@code offset}. */
    public static Double decode(byte[] bytes, int offset, int length) {
        long fraction = 0;
        for (int i = 1; i < 8; i++) fraction = (fraction << 8) | (i < length ? bytes[offset + i] & 0xFF : 0);
        int first = bytes[offset] & 0xFF;
        if (fraction == 0) {
            if (first == 0 || first == 0x80) return 0.0;
            if (isMissingCode(first)) return null;
        }
        int exponent = (first & 0x7F) - 64;
        // fraction is 0.f * 2^56; the value is 0.f * 16^exponent
        double magnitude = Math.scalb((double) fraction, 4 * exponent - 56);
        return (first & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** '.', '_' (the "._" missing value) and 'A'..'Z' (".A" .. ".Z"). */
    static boolean isMissingCode(int b) {
        return b == '.' || b == '_' || (b >= 'A' && b <= 'Z');
    }

    /** The 8 IBM bytes of {@code value} (null = the standard missing value '.'); used to write XPT files. */
    public static byte[] encode(Double value) {
        byte[] out = new byte[8];
        if (value == null) {
            out[0] = '.';
            return out;
        }
        double v = value;
        if (v == 0) return out;
        if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("not representable: " + v);
        int sign = v < 0 ? 0x80 : 0;
        v = Math.abs(v);
        int exponent = 0;
        // normalise to 1/16 <= v < 1 in steps of 16
        while (v >= 1) { v /= 16; exponent++; }
        while (v < 1.0 / 16) { v *= 16; exponent--; }
        long fraction = Math.round(Math.scalb(v, 56));
        if (fraction >= (1L << 56)) { fraction >>>= 4; exponent++; }
        if (exponent + 64 < 0 || exponent + 64 > 127) throw new IllegalArgumentException("out of IBM range: " + value);
        out[0] = (byte) (sign | (exponent + 64));
        for (int i = 7; i >= 1; i--) { out[i] = (byte) (fraction & 0xFF); fraction >>>= 8; }
        return out;
    }
}
