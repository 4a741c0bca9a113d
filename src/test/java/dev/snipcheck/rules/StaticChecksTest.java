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
        // the contract: block() as an argument of a top-level statement is how an example waits; JDBC is not
        assertEquals(List.of(List.of(), List.of("sync-api-in-async@2:25"), List.of()),
                findings(code.formatted(""), code.formatted(" async"), "---\nsnipcheck:\n  mode: async\n---\n"
                        + code.formatted(" sync")));
    }

    @Test
    void blockInTopLevelCodeIsFineAsAStatementArgumentInitializerInTryIfLoopOrPlainHelper() {
        assertEquals(List.of(List.of()), findings("""
                ```java async
                Flux<String> titles() { return Flux.just("Dune", "Emma"); }
                String first(Flux<String> titles) { return titles.blockFirst(); }
                try {
                    Long one = Mono.just(1L).block();
                    if (one != null) {
                        Mono.just(2).block();
                    }
                } finally {
                    Mono.just(5).block();
                }
                for (int i = 0; i < 2; i++) {
                    if (i > 0) { Mono.just(i).block(); }
                }
                System.out.println(titles().collectList().block());
                int size = titles().collectList().block().size();
                List.of(1, 2).forEach(i -> System.out.println(Mono.just(i).block()));
                System.out.println(first(titles()));
                ```
                """));
    }

    @Test
    void blockInTheMiddleOfAPipelineIsSyncApiInAsyncAndInsideMapAlsoBlockingInEventLoop() {
        assertEquals(List.of(List.of("blocking-in-event-loop@2:43", "sync-api-in-async@2:43",
                "sync-api-in-async@3:42", "sync-api-in-async@4:74", "sync-api-in-async@5:59")), findings("""
                ```java async
                Flux.just(1, 2).map(n -> Mono.just(n * 2).block()).blockLast();
                Mono.just(1).then(Mono.just(Mono.just(2).block())).block();
                Function<Integer, Mono<Integer>> twice = n -> Mono.just(Mono.just(n * 2).block());
                Mono<String> title() { return Mono.just(Mono.just("Dune").block()); }
                ```
                """));
    }

    @Test
    void subscribeOnWorkThatSignalsLaterIsUnjoinedUnlessTheBlockWaits() {
        assertEquals(List.of(List.of("unjoined-subscribe@2:46", "unjoined-subscribe@3:69", "unjoined-subscribe@5:7"),
                        List.of()), findings("""
                ```java
                Flux.interval(Duration.ofMillis(10)).take(5).subscribe(System.out::println);
                Flux.range(1, 3).map(n -> n * 2).subscribeOn(Schedulers.parallel()).subscribe();
                Mono<Long> later = Mono.delay(Duration.ofMillis(5));
                later.subscribe(n -> System.out.println(n));
                Flux.range(1, 3).subscribeOn(Schedulers.immediate()).subscribe();
                ```

                ```java
                CountDownLatch done = new CountDownLatch(1);
                Flux.interval(Duration.ofMillis(1)).take(2).doFinally(s -> done.countDown()).subscribe();
                done.await();
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
