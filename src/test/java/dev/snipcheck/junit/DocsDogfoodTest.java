package dev.snipcheck.junit;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;

/**
 * snipcheck verifies its own README and docs through its JUnit engine, as a consumer's build would: every java
 * block there is a test, and a failing one fails {@code mvn verify}. {@link SharedPostgresListener} points it at the
 * test run's one PostgreSQL.
 */
@Suite
@IncludeEngines("snipcheck")
@SelectFile("README.md")
@SelectDirectories("docs")
class DocsDogfoodTest {
}
