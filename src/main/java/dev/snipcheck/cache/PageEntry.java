package dev.snipcheck.cache;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page's verdicts as the cache stores them: the key they were found under, then every field of each block result
 * but the block itself, which is the page's block of the same ordinal (the page's text is part of the key).
 * A binary format of {@link DataOutputStream}: strings char by char, so that any output, even a lone surrogate,
 * comes back exactly as it was printed.
 */
final class PageEntry {

    /** Changes whenever the layout does, so that an entry of another layout is a miss rather than misread. */
    private static final int LAYOUT = 2;

    private PageEntry() {
    }

    static byte[] write(String key, PageResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.writeUTF(key);
            out.writeUTF(result.mode().name());
            out.writeBoolean(result.modeInferred());
            out.writeInt(result.blocks().size());
            for (BlockResult block : result.blocks()) {
                out.writeInt(block.block().ordinal());
                out.writeUTF(block.verdict().name());
                out.writeUTF(block.reason().map(Reason::name).orElse(""));
                string(out, block.message());
                out.writeInt(block.rules().size());
                for (Rule rule : block.rules()) {
                    out.writeUTF(rule.name());
                }
                findings(out, block.findings());
                string(out, block.output());
                out.writeLong(block.millis());
                findings(out, block.notes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The verdicts of {@code page} in {@code bytes}, if they were stored under {@code key}. */
    static Optional<PageResult> read(byte[] bytes, String key, Page page) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != LAYOUT || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            Mode mode = Mode.valueOf(in.readUTF());
            boolean modeInferred = in.readBoolean();
            int count = in.readInt();
            List<BlockResult> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Block block = page.blocks().get(in.readInt());
                Verdict verdict = Verdict.valueOf(in.readUTF());
                String reason = in.readUTF();
                String message = string(in);
                List<Rule> rules = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    rules.add(Rule.valueOf(in.readUTF()));
                }
                List<Finding> findings = findings(in);
                String output = string(in);
                long millis = in.readLong();
                List<Finding> notes = findings(in);
                blocks.add(new BlockResult(block, verdict,
                        reason.isEmpty() ? Optional.empty() : Optional.of(Reason.valueOf(reason)), message,
                        List.copyOf(rules), findings, output, millis, notes));
            }
            return Optional.of(new PageResult(page, mode, modeInferred, List.copyOf(blocks), true));
        } catch (IOException | RuntimeException e) {
            // a truncated entry, or one naming a rule this build no longer has: run the page instead
            return Optional.empty();
        }
    }

    private static void findings(DataOutputStream out, List<Finding> findings) throws IOException {
        out.writeInt(findings.size());
        for (Finding finding : findings) {
            out.writeBoolean(finding.position().isPresent());
            if (finding.position().isPresent()) {
                out.writeInt(finding.position().get().line());
                out.writeInt(finding.position().get().column());
            }
            string(out, finding.message());
            string(out, finding.hint());
            out.writeUTF(finding.rule().map(Rule::name).orElse(""));
        }
    }

    private static List<Finding> findings(DataInputStream in) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            Optional<Position> position = in.readBoolean()
                    ? Optional.of(new Position(in.readInt(), in.readInt())) : Optional.empty();
            String message = string(in);
            String hint = string(in);
            String rule = in.readUTF();
            findings.add(new Finding(position, message, hint,
                    rule.isEmpty() ? Optional.empty() : Optional.of(Rule.valueOf(rule))));
        }
        return List.copyOf(findings);
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        out.writeInt(text.length());
        out.writeChars(text);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available() / 2) {
            throw new IOException("entry truncated");
        }
        char[] chars = new char[length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }
}
