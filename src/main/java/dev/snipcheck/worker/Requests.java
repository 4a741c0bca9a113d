package dev.snipcheck.worker;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The parent's requests, read on a thread of their own so that the worker can answer a
 * {@link DescribeHang} while a block still runs.
 */
final class Requests {

    /** Put when the parent closed the connection. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private Requests() {
    }

    static Requests read(ObjectInputStream in) {
        Requests requests = new Requests();
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    requests.queue.put(in.readObject());
                }
            } catch (IOException | ClassNotFoundException | InterruptedException ended) {
                // The parent closed the connection, or sent what this worker cannot read: stop serving.
            }
            requests.queue.add(END);
        }, "snipcheck-requests");
        reader.setDaemon(true);
        reader.start();
        return requests;
    }

    /** The next request, waiting for it; null when the parent has closed the connection. */
    Object take() throws InterruptedException {
        Object request = queue.take();
        return request == END ? null : request;
    }

    /** The next request if one has come, else null. */
    Object poll() {
        Object request = queue.peek();
        return request == END ? null : queue.poll();
    }
}
