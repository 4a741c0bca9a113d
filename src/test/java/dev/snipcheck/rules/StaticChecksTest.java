package dev.snipcheck.rules;

import dev.snipcheck.java.JavaStage;
import dev.snipcheck.java.ModeInference;
import dev.snipcheck.java.PageInput;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each finding of the static rules pinned to its rule and Markdown position; everything else stays silent. */
class StaticChecksTest {

    @TempDir
    Path classes;

    private List<List<String>> findings(String... markdown) {
        List<PageInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < markdown.length; i++) {
            Page page = new MarkdownReader().parse(markdown[i], Path.of("p" + i + ".md"), "p" + i + ".md");
            inputs.add(new PageInput(page, page.options().mode().orElseGet(() -> ModeInference.infer(page)),
                    page.blocks().stream().filter(Block::isJava).toList()));
        }
        StaticChecks checks = new StaticChecks();
        new JavaStage(System.getProperty("java.class.path")).compile(inputs, classes, checks);
        return inputs.stream().flatMap(p -> p.blocks().stream())
                .map(b -> checks.of(b).stream().map(m -> m.rule().id() + "@" + m.position()).toList())
                .toList();
    }

    @Test
    void findingsPointAtTheCallNameThroughContainers() {
        assertEquals(List.of(List.of("unsubscribed-publisher@4:8", "unsubscribed-publisher@7:7")), findings("""
                - item

                  ```java
                  pool.create();
                  Connection c = null;
                  if (c != null) {
                    c.close();
                  }
                  ```
                """));
    }

    @Test
    void aBlockAnalyzedInARoundThatFailedIsReportedOnceFromTheRoundThatIsKept() {
        assertEquals(List.of(List.of("unsubscribed-publisher@2:6"), List.of()), findings("""
                ```java
                pool.create();
                ```

                ```java
                int broken = "not an int";
                ```
                """));
    }

    @Test
    void codeWithErrorsIsLookedAtWithoutFailingTheRun() {
        assertEquals(List.of(List.of(), List.of()), findings("""
                ```java
                Mono.just(1).map(n -> missing.block()).subscribe(unknown);
                Flux.from(pool.create()).flatMap((Result r) -> r.rowsUpdated()).then(nothing()).block();
                ```

                ```java
                notDeclared.subscribe();
                ```
                """));
    }

    @Test
    void syncApiInAsyncOnlyWhereAsyncIsDeclared() {
        String code = """
                ```java%s
                try (var c = dataSource.getConnection()) {
                    System.out.println(Mono.just(1).block() + 1);
                }
                ```
                """;
        assertEquals(List.of(List.of(), List.of("sync-api-in-async@2:25", "sync-api-in-async@3:37"), List.of()),
                findings(code.formatted(""), code.formatted(" async"), "---\nsnipcheck:\n  mode: async\n---\n"
                        + code.formatted(" sync")));
    }

    @Test
    void blockAsTheFinalCallOfAStatementInTryOrIfIsTopLevelButNotInALoop() {
        assertEquals(List.of(List.of("sync-api-in-async@14:31")), findings("""
                ```java async
                try {
                    Long one = Mono.just(1L).block();
                    if (one != null) {
                        Mono.just(2).block();
                    } else
                        one = Mono.just(3L).block();
                } catch (RuntimeException e) {
                    Mono.just(4).block();
                } finally {
                    Mono.just(5).block();
                }
                for (int i = 0; i < 2; i++) {
                    if (i > 0) { Mono.just(i).block(); }
                }
                ```
                """));
    }

    @Test
    void goodLookAlikesStaySilent() {
        assertEquals(List.of(List.of()), findings("""
                ```java
                Mono<Void> later = Mono.from(pool.create()).flatMap(c -> Mono.from(c.close()));
                later.block();
                Flux.range(1, 3).subscribe(n -> System.out.println(n));
                Map<Integer, Integer> m = new HashMap<>();
                Flux.just(1).map(n -> m.get(n)).blockLast();
                Integer j = Mono.fromCallable(() -> { try (var c = dataSource.getConnection()) { return 1; } })
                    .subscribeOn(Schedulers.boundedElastic()).block();
                CountDownLatch done = new CountDownLatch(1);
                Mono.from(pool.create()).flatMap(c -> Mono.from(c.close())).doFinally(s -> done.countDown()).subscribe();
                done.await();
                ```
                """));
    }
}
