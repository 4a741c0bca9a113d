package dev.snipcheck.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@link DocsDogfoodTest} really checks the docs: a page that silently stops being checked is noticed here. */
class DocsCoverageTest {

    /**
     * The checked blocks of README.md and docs/ (90 when last raised: the guide, the sql page, the rule pages and the adopting guide).
     * Raise it when adding examples, so that a broken fence or a misspelt language is noticed.
     */
    private static final int BLOCKS_AT_LEAST = 90;

    @Test
    void theDogfoodSuiteHoldsEveryJavaBlockOfTheReadmeAndTheDocs() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DocsDogfoodTest.class))
                .build());

        long blocks = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .filter(test -> test.getUniqueId().contains("[engine:snipcheck]"))
                .count();
        assertTrue(blocks >= BLOCKS_AT_LEAST, "expected at least " + BLOCKS_AT_LEAST + " blocks, found " + blocks);
    }
}
