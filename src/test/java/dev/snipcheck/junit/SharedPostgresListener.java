package dev.snipcheck.junit;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives snipcheck engines run by the test launcher (the {@link DocsDogfoodTest} suite) the test run's one PostgreSQL,
 * through the system property that configuration parameters fall back to, instead of an embedded server each; and
 * the tests' Python with psycopg ({@link TestPython}), so that python blocks run rather than skip.
 * Registered in {@code META-INF/services}, so Surefire and IDEs load it.
 */
public final class SharedPostgresListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean runsSnipcheck = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(test -> test.isTest() && test.getUniqueId().contains("[engine:snipcheck]"));
        if (runsSnipcheck && System.getProperty(EngineSettings.POSTGRES_URL) == null) {
            System.setProperty(EngineSettings.POSTGRES_URL, TestPostgres.url());
        }
        if (runsSnipcheck && System.getProperty(EngineSettings.PYTHON) == null) {
            System.setProperty(EngineSettings.PYTHON, TestPython.interpreter().command());
        }
    }
}
