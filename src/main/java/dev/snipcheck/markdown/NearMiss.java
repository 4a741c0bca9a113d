package dev.snipcheck.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a misspelt one was probably meant to be, for "did you mean" hints. */
public final class NearMiss {

    private NearMiss() {
    }

    /**
     * The known word closest to {@code word}, ignoring case and treating {@code -}, {@code _} and
     * their absence alike; none when every known word is too far away.
     */
    public static Optional<String> suggest(String word, List<String> known) {
        String normal = word.toLowerCase(Locale.ROOT).replace('-', '_');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = Math.min(
                    bounded(normal, candidate),
                    bounded(normal.replace("_", ""), candidate.replace("_", "")));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edit distance when within tolerance, else {@code MAX_VALUE}. One typo per three letters, at
     * most two: short words of other tools (`run`, `sink`) must not read as typos of ours.
     */
    private static int bounded(String a, String b) {
        int tolerance = Math.min(2, (Math.min(a.length(), b.length()) - 1) / 3);
        int distance = distance(a, b);
        return distance <= tolerance ? distance : Integer.MAX_VALUE;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
