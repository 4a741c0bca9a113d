package dev.snipcheck;

import dev.snipcheck.python.PythonInterpreter;

/**
 * The Python the tests run python blocks with: {@code /usr/bin/python3} (Debian's, where CI installs
 * python3-psycopg and python3-psycopg-pool), or {@code -Dsnipcheck.test.python=PATH}. The tests fail, never skip,
 * when it cannot import psycopg: a python test that skips itself would pass without checking anything.
 */
public final class TestPython {

    private static PythonInterpreter interpreter;

    private TestPython() {
    }

    public static synchronized PythonInterpreter interpreter() {
        if (interpreter == null) {
            interpreter = PythonInterpreter.find(command());
            if (interpreter.missing().isPresent()) {
                throw new IllegalStateException("the tests need Python with psycopg: " + interpreter.missing().get());
            }
        }
        return interpreter;
    }

    public static String command() {
        return System.getProperty("snipcheck.test.python", "/usr/bin/python3");
    }
}
