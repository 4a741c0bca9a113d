package dev.snipcheck.markdown;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A page's bytes as text. Pages are UTF-8: a byte that is not is a problem at its line and column, since a page decoded
 * with replacement characters could still pass an output comparison with corrupted text.
 *
 * @param text    the page decoded, with U+FFFD for what is not UTF-8, so that its blocks can still be found
 * @param problem the first byte that is not UTF-8, if any
 */
record PageText(String text, Optional<Problem> problem) {

    static final String NOT_UTF8 = "the page is not valid UTF-8";

    static PageText decode(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        CoderResult result = strict.decode(in, decoded, true);
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (!result.isError()) {
            return new PageText(lenient, Optional.empty());
        }
        decoded.flip();
        String before = decoded.toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        String message = String.format(NOT_UTF8 + ": byte 0x%02X at offset %d", bytes[in.position()] & 0xFF,
                in.position());
        return new PageText(lenient, Optional.of(new Problem(new Position(line, column), message,
                "save the page as UTF-8, e.g. `iconv -f ISO-8859-1 -t UTF-8 page.md`")));
    }
}
