package dev.snipcheck.result;

import java.util.List;

/**
 * Everything one run verified, pages sorted by path so reports are the same every run.
 *
 * @param pages    one result per page
 * @param database which PostgreSQL the run used, in one line
 */
public record RunResult(List<PageResult> pages, String database) {

    public long count(Verdict verdict) {
        return pages.stream().flatMap(p -> p.blocks().stream()).filter(b -> b.verdict() == verdict).count();
    }

    public long notChecked() {
        return pages.stream().mapToLong(PageResult::notChecked).sum();
    }

    public boolean failed() {
        return count(Verdict.FAILED) > 0;
    }
}
