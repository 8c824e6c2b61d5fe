package studio.input;

import java.util.Collection;

/** "Did you mean" suggestions: the closest known word within two edits (insert, delete, replace, swap). */
public final class Spelling {

    public static final int MAX_EDITS = 2;

    private Spelling() {}

    /** The closest candidate within {@value #MAX_EDITS} edits of {@code word} but not equal to it, else null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d > 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** " (did you mean 'x'?)" when a candidate is close, else "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        String close = closest(word, candidates);
        return close == null ? "" : " (did you mean '" + close + "'?)";
    }

    /** Optimal-string-alignment distance, or {@value #MAX_EDITS}+1 for anything farther. */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS) return MAX_EDITS + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], MAX_EDITS + 1);
    }
}
