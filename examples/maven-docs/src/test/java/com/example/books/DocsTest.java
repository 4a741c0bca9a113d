package com.example.books;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every java and sql block of the pages that {@code snipcheck.paths} names (see junit-platform.properties) as a
 * test. Surefire runs only test classes; this one hands the docs to the snipcheck engine.
 */
@Suite
@IncludeEngines("snipcheck")
class DocsTest {
}
