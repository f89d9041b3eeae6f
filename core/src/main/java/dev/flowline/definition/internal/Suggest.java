package dev.flowline.definition.internal;

import java.util.Collection;

/**
 * Suggests the closest known name for a misspelt one: at most 2 edits away, and only 1 for short names, so that
 * {@code zz} does not become {@code a}.
 */
public final class Suggest {

    private Suggest() {
    }

    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name, k);
            int allowed = Math.max(name.length(), k.length()) >= 5 ? 2 : 1;
            if (d <= allowed && d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
