package dev.snipcheck.report;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;

import java.util.List;
import java.util.Optional;

/**
 * What the tool-facing reports (SARIF, GitHub annotations) show of a failed block: one diagnostic per finding, each
 * under the id of a rule in {@link RuleCatalog}, at its Markdown position.
 *
 * @param ruleId   a misuse rule's id, or the failure reason's ({@code compile}, {@code exception}, ...)
 * @param position where in the Markdown file; the fence when the finding has no position
 * @param message  the finding's message, then its hint
 */
record Diagnostic(String ruleId, Position position, String message) {

    /**
     * The diagnostics of a failed block. A block failed by a misuse shows only its rules' findings: what else went
     * wrong there (the exception the misuse explains) is context, which has no rule of its own.
     */
    static List<Diagnostic> of(BlockResult block) {
        List<Finding> findings = block.findings();
        if (block.reason().equals(Optional.of(Reason.MISUSE))
                && findings.stream().anyMatch(f -> f.rule().isPresent())) {
            findings = findings.stream().filter(f -> f.rule().isPresent()).toList();
        }
        String fallbackId = TextReport.errorId(block);
        if (findings.isEmpty()) {
            String message = block.message().isBlank() ? "failed" : block.message().strip();
            return List.of(new Diagnostic(fallbackId, block.position().orElse(block.block().fence()), message));
        }
        return findings.stream()
                .map(f -> new Diagnostic(f.rule().map(r -> r.id()).orElse(fallbackId),
                        f.position().orElse(block.block().fence()),
                        f.hint().isBlank() ? f.message().strip() : f.message().strip() + "\nhint: " + f.hint().strip()))
                .toList();
    }
}
