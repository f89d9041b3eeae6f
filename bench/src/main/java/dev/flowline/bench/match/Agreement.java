package dev.flowline.bench.match;

import java.util.Set;
import java.util.function.IntFunction;

/**
 * Whether the three matchers select the same workflows for the same events. Immutable.
 *
 * @param checked     events compared
 * @param naiveDiffer events on which the naive matcher selected other workflows than Flowline
 * @param rulerDiffer events on which Event Ruler selected other workflows than Flowline
 * @param meanMatches workflows matched per event, on average
 */
record Agreement(int checked, int naiveDiffer, int rulerDiffer, double meanMatches) {

    static Agreement check(int events, IntFunction<Set<String>> flowline, IntFunction<Set<String>> naive,
                           IntFunction<Set<String>> ruler) {
        int naiveDiffer = 0;
        int rulerDiffer = 0;
        long matches = 0;
        for (int i = 0; i < events; i++) {
            Set<String> f = flowline.apply(i);
            matches += f.size();
            if (!f.equals(naive.apply(i))) {
                naiveDiffer++;
            }
            if (!f.equals(ruler.apply(i))) {
                rulerDiffer++;
            }
        }
        return new Agreement(events, naiveDiffer, rulerDiffer, events == 0 ? 0 : (double) matches / events);
    }

    boolean agree() {
        return naiveDiffer == 0 && rulerDiffer == 0;
    }

    String summary() {
        return agree() ? "all three select the same workflows on " + checked + " events"
                : "DISAGREE on " + checked + " events: naive differs on " + naiveDiffer + ", Event Ruler on " + rulerDiffer;
    }
}
