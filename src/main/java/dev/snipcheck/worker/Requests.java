package dev.snipcheck.worker;

import dev.snipcheck.protocol.CloseDatabase;
import dev.snipcheck.protocol.Request;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The parent's requests, read on a thread of their own so that the worker can answer a
 * {@link dev.snipcheck.protocol.DescribeHang} while a block still runs.
 */
final class Requests {

    /** Put when the parent closed the connection; compared by identity, never sent. */
    private static final Request END = new CloseDatabase();

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

    private Requests() {
    }

    static Requests read(ObjectInputStream in) {
        Requests requests = new Requests();
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    requests.queue.put((Request) in.readObject());
                }
            } catch (IOException | ClassNotFoundException | ClassCastException | InterruptedException ended) {
                // The parent closed the connection, or sent what this worker cannot read: stop serving.
            }
            requests.queue.add(END);
        }, "snipcheck-requests");
        reader.setDaemon(true);
        reader.start();
        return requests;
    }

    /** The next request, waiting for it; null when the parent has closed the connection. */
    Request take() throws InterruptedException {
        Request request = queue.take();
        return request == END ? null : request;
    }

    /** The next request if one has come, else null. */
    Request poll() {
        Request request = queue.peek();
        return request == END ? null : queue.poll();
    }
}
