package dev.snipcheck.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a timed run's CPU went, by process: the whole machine's busy time (from /proc/stat), the JVMs the run started
 * (snipcheck's, or the floor's), snipcheck's worker JVMs, and PostgreSQL (initdb, the server and its backends), sampled
 * from /proc while the run goes on. A run that keeps the machine busy cannot take less wall time than the machine's CPU
 * over its cores, whatever the order of its work: this shows which process's work that bound is made of. Linux only,
 * like the rest of the benchmark.
 */
final class ProcessCpu implements AutoCloseable {

    /** The Linux kernel's clock ticks per second for /proc times (USER_HZ), 100 on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long INTERVAL_MILLIS = 100;
    private static final String WORKER_MAIN = "dev.snipcheck.worker.WorkerMain";

    /** What the run's CPU went to, in seconds. */
    record Split(double machine, double jvm, double workers, double postgres) {
        /** What no process above accounts for: the kernel's own threads, GNU time, this sampler. */
        double rest() {
            return machine - jvm - workers - postgres;
        }
    }

    private enum Kind { JVM, WORKER, POSTGRES, OTHER }

    /** A process as last seen: its parent, its own CPU and that of its children it has waited for, in ticks. */
    private record Seen(Kind kind, int parent, long own, long reaped, long sample) {
    }

    /**
     * The kinds that stay what they are: a process that is PostgreSQL or a worker, and every process older than the
     * run. A new process is looked at again at each sample until it is one of the two, since a process starts as a
     * copy of its parent and becomes what it runs only when it executes it (a worker is a copy of snipcheck's JVM,
     * then jspawnhelper, then the worker; a server a copy of pg_ctl, then a shell, then postgres).
     */
    private final Map<Integer, Kind> kinds = new HashMap<>();
    private final Map<Integer, Seen> seen = new HashMap<>();
    /** PostgreSQL's processes as they were at the start: a server already running (--postgres-url) counts from there. */
    private final Map<Integer, Seen> before = new HashMap<>();
    private final long machineAtStart = machineBusyTicks();
    private final Thread sampler;
    private volatile boolean running = true;
    /** Why sampling stopped before the run ended, if it did: the split would miss part of the run. */
    private volatile IOException failure;
    private long sample;

    private ProcessCpu() throws IOException {
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                int pid = Integer.parseInt(dir.getFileName().toString());
                // JVMs older than the run (this benchmark's, an IDE's) are not the run's
                Kind kind = kindOf(dir) == Kind.POSTGRES ? Kind.POSTGRES : Kind.OTHER;
                kinds.put(pid, kind);
                if (kind == Kind.POSTGRES) {
                    read(pid, kind, dir);
                }
            }
        }
        before.putAll(seen);
        sampler = new Thread(this::sampleUntilClosed, "process-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ProcessCpu start() throws IOException {
        return new ProcessCpu();
    }

    /** Stops sampling and splits the CPU time since {@link #start}. */
    Split split() throws IOException, InterruptedException {
        running = false;
        sampler.join();
        if (failure != null) {
            throw failure;
        }
        long machine = machineBusyTicks() - machineAtStart;
        return new Split(machine / TICKS_PER_SECOND, ownTicks(Kind.JVM) / TICKS_PER_SECOND,
                ownTicks(Kind.WORKER) / TICKS_PER_SECOND, postgresTicks() / TICKS_PER_SECOND);
    }

    @Override
    public void close() {
        running = false;
    }

    /** The JVMs' own CPU, their threads' together, at their last samples; what they waited for (initdb) is counted apart. */
    private long ownTicks(Kind kind) {
        return seen.values().stream().filter(process -> process.kind == kind).mapToLong(Seen::own).sum();
    }

    /**
     * A server's backends live for a page, often less than a sample's interval, so most are never seen: their CPU is
     * counted through the process that waited for them (the postmaster, initdb), whose own parent is no PostgreSQL
     * process, with the children still alive at that process's last sample.
     */
    private long postgresTicks() {
        long ticks = 0;
        for (Map.Entry<Integer, Seen> entry : seen.entrySet()) {
            Seen process = entry.getValue();
            Seen parent = seen.get(process.parent);
            if (process.kind != Kind.POSTGRES || parent != null && parent.kind == Kind.POSTGRES) {
                continue;
            }
            Seen start = before.get(entry.getKey());
            ticks += process.own + process.reaped - (start == null ? 0 : start.own + start.reaped);
            for (Map.Entry<Integer, Seen> other : seen.entrySet()) {
                Seen child = other.getValue();
                if (child.kind == Kind.POSTGRES && child != process && child.sample == process.sample
                        && descendsFrom(child, process)) {
                    Seen childAtStart = before.get(other.getKey());
                    ticks += child.own - (childAtStart == null ? 0 : childAtStart.own);
                }
            }
        }
        return ticks;
    }

    private boolean descendsFrom(Seen child, Seen ancestor) {
        for (Seen up = seen.get(child.parent); up != null && up.kind == Kind.POSTGRES; up = seen.get(up.parent)) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void sampleUntilClosed() {
        while (running) {
            sample++;
            try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path dir : proc) {
                    int pid = Integer.parseInt(dir.getFileName().toString());
                    Kind kind = kinds.get(pid);
                    if (kind == null) {
                        kind = kindOf(dir);
                        if (kind == Kind.POSTGRES || kind == Kind.WORKER) {
                            kinds.put(pid, kind);
                        }
                    }
                    if (kind != Kind.OTHER) {
                        read(pid, kind, dir);
                    }
                }
                Thread.sleep(INTERVAL_MILLIS);
            } catch (IOException e) {
                failure = e;
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Kind kindOf(Path dir) {
        try {
            // a server process rewrites its command line ("postgres: user db ..."), not its name
            String name = Files.readString(dir.resolve("comm")).trim();
            if (name.equals("postgres") || name.equals("initdb") || name.equals("pg_ctl")) {
                return Kind.POSTGRES;
            }
            if (!name.equals("java")) {
                return Kind.OTHER;
            }
            String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
            return command.contains(WORKER_MAIN) ? Kind.WORKER : Kind.JVM;
        } catch (IOException e) {
            return Kind.OTHER; // gone already
        }
    }

    private void read(int pid, Kind kind, Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // the command name, in parentheses, may hold spaces: the fields after it are counted from its end
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int parent = Integer.parseInt(fields[1]);
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long reaped = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            seen.put(pid, new Seen(kind, parent, own, reaped, sample));
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading: its last sample stands
        }
    }

    /** User, nice, system, irq and softirq time of all cores: what the machine's processes used, without steal. */
    private static long machineBusyTicks() throws IOException {
        long[] ticks = machineTicks();
        return ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
    }

    /**
     * All cores' times from the first line of /proc/stat, in its order (user, nice, system, idle, iowait, irq, softirq,
     * steal, ...), in ticks of 10 ms.
     */
    static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] ticks = new long[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            ticks[i - 1] = Long.parseLong(fields[i]);
        }
        return ticks;
    }
}
