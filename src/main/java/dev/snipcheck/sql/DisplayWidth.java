package dev.snipcheck.sql;

/**
 * How many terminal columns a character takes, as PostgreSQL's ucs_wcwidth counts them: -1 for
 * control characters, 0 for combining marks, 2 for East Asian wide and fullwidth characters.
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(int c) {
        if (c == 0) {
            return 0;
        }
        if (c < 0x20 || c >= 0x7f && c < 0xa0) {
            return -1;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    /** East Asian wide and fullwidth ranges (Unicode's EastAsianWidth W and F, in Markus Kuhn's summary). */
    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115f
                || c == 0x2329 || c == 0x232a
                || c >= 0x2e80 && c <= 0xa4cf && c != 0x303f
                || c >= 0xac00 && c <= 0xd7a3
                || c >= 0xf900 && c <= 0xfaff
                || c >= 0xfe10 && c <= 0xfe19
                || c >= 0xfe30 && c <= 0xfe6f
                || c >= 0xff00 && c <= 0xff60
                || c >= 0xffe0 && c <= 0xffe6
                || c >= 0x1f300 && c <= 0x1f64f
                || c >= 0x1f900 && c <= 0x1f9ff
                || c >= 0x20000 && c <= 0x2fffd
                || c >= 0x30000 && c <= 0x3fffd);
    }
}
