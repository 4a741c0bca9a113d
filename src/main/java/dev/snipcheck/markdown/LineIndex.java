package dev.snipcheck.markdown;

import java.util.Arrays;

/** Turns offsets into a text into 1-based line and column positions. */
final class LineIndex {

    private final int[] starts;

    LineIndex(CharSequence text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
    }

    Position position(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new Position(line + 1, offset - starts[line] + 1);
    }
}
