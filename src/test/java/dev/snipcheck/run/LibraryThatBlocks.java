package dev.snipcheck.run;

import java.util.concurrent.Callable;

/** Library code for WorkerTest's snippets: it sleeps inside itself, as a driver's login may, with no snippet frame. */
public final class LibraryThatBlocks implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        Thread.sleep(1);
        return 1;
    }
}
