package dev.snipcheck.report;

import dev.snipcheck.result.RunResult;

import java.io.PrintWriter;

/** One way of writing a run: for people, for tools, for a CI server. */
public interface Report {

    void write(RunResult result, PrintWriter out);
}
