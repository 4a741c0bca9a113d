package dev.snipcheck.run;

import dev.snipcheck.result.BlockResult;

/**
 * A block's verdict while its page runs, which the session goes on from. The final verdict comes only when the page
 * ends ({@link BlockJudges#atPageEnd}), once the leaks and open transactions the page left are known.
 *
 * @param ran   what running the block gave, judged on what it printed and what it did to its database
 * @param soFar {@code ran} judged by the misuse rules on what is known so far
 */
record ProvisionalVerdict(BlockResult ran, BlockResult soFar) {
}
