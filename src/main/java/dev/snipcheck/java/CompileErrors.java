package dev.snipcheck.java;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** javac's errors as each block's compiler errors, with Markdown positions and messages a reader can act on. */
final class CompileErrors {

    private CompileErrors() {
    }

    /** The errors of each block, in javac's order; blocks without errors are absent. */
    static Map<JavaBlock, List<CompileError>> byBlock(DiagnosticCollector<JavaFileObject> diagnostics,
                                                      Map<URI, PageGenerator.Unit> unitOf) {
        Map<JavaBlock, List<CompileError>> errors = new IdentityHashMap<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR || diagnostic.getSource() == null) {
                continue;
            }
            PageGenerator.Unit unit = unitOf.get(diagnostic.getSource().toUri());
            if (unit == null || unit.block() == null) {
                continue;
            }
            CompileError error = new CompileError(
                    unit.source().toMarkdown(diagnostic.getLineNumber(), diagnostic.getColumnNumber()),
                    message(diagnostic, unit.block().block().fenceLine())
                            + unit.source().noteAt(diagnostic.getLineNumber()).map(note -> ", in " + note).orElse(""));
            errors.computeIfAbsent(unit.block(), b -> new ArrayList<>()).add(error);
        }
        return errors;
    }

    /** The lines of javac's details after the first, each of which starts a clause of its own. */
    private static final Pattern DETAIL = Pattern.compile("(found|reason|lower bounds|upper bounds):");
    /** The method a block's statements run in: named in a message as the block's line. */
    private static final Pattern RUN_METHOD = PageGenerator.runMethodInMessages();

    /**
     * javac's message on one line, without the generated classes and methods a reader never wrote: those are
     * named by the Markdown line of their block.
     */
    private static String message(Diagnostic<? extends JavaFileObject> diagnostic, int fenceLine) {
        StringBuilder out = new StringBuilder();
        for (String line : diagnostic.getMessage(Locale.ROOT).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("location:") && GeneratedNames.ANY.matcher(trimmed).find()) {
                continue;
            }
            if (trimmed.startsWith("symbol:")) {
                trimmed = trimmed.substring("symbol:".length()).trim();
            }
            if (out.length() > 0) {
                // javac ends a line with `;` before its details (`required:`, `found:`): one `;` between them, not `;:`
                boolean detail = out.charAt(out.length() - 1) == ';' || DETAIL.matcher(trimmed).lookingAt();
                if (out.charAt(out.length() - 1) == ';') {
                    out.setLength(out.length() - 1);
                }
                out.append(detail ? "; " : ": ");
            }
            out.append(trimmed.replaceAll("\\s+", " "));
        }
        return GeneratedNames.readable(RUN_METHOD.matcher(out).replaceAll("the block at line " + fenceLine));
    }
}
