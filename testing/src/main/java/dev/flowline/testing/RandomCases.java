package dev.flowline.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a randomized test body over many cases, each drawing from its own seed, and names the seed of a failing case.
 *
 * <p>The base seed is the system property {@value #SEED_PROPERTY} when set, else random. Case 1 uses the base seed
 * and each later case a seed drawn from it, so rerunning with the seed a failure names repeats that case first.
 * An instance is one case's source of values ({@link #oneOf}, {@link #frequency}, {@link #subset},
 * {@link #listOf}); sizes and choices are uniform unless weighted. Not thread-safe.
 */
public final class RandomCases {

    /** The system property that fixes the base seed, e.g. {@code -Dflowline.seed=42}. */
    public static final String SEED_PROPERTY = "flowline.seed";

    private final SplittableRandom random;

    private RandomCases(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs {@code body} {@code cases} times, stopping at the first failure with an {@link AssertionError} whose
     * message starts with {@code case K failed with seed S; rerun with -Dflowline.seed=S} and whose cause is the
     * failure.
     */
    public static void run(int cases, Consumer<RandomCases> body) {
        if (cases < 1) {
            throw new IllegalArgumentException("cases must be at least 1, was " + cases);
        }
        long seed = baseSeed();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int k = 1; k <= cases; k++) {
            try {
                body.accept(new RandomCases(seed));
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + k + " failed with seed " + seed
                        + "; rerun with -D" + SEED_PROPERTY + "=" + seed, e);
            }
            seed = seeds.nextLong();
        }
    }

    private static long baseSeed() {
        String property = System.getProperty(SEED_PROPERTY);
        if (property == null || property.isBlank()) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(property.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, was '" + property + "'", e);
        }
    }

    /** A uniform int from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** True or false, evenly. */
    /** The case's generator, for draws the helpers below do not cover. */
    public SplittableRandom random() {
        return random;
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** One of {@code values}, uniformly. */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of a weight, drawn in proportion to it: {@code frequency(9, 1)} is 0 nine times in ten. */
    public int frequency(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; ; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
    }

    /** Distinct {@code values}, in random order, as many as a uniform draw from {@code minSize} to all of them. */
    public <T> Set<T> subset(Collection<T> values, int minSize) {
        List<T> pool = new ArrayList<>(new LinkedHashSet<>(values));
        int size = between(minSize, pool.size());
        for (int i = 0; i < size; i++) { // a partial Fisher-Yates shuffle: the first `size` are a uniform pick
            int j = between(i, pool.size() - 1);
            pool.set(j, pool.set(i, pool.get(j)));
        }
        return new LinkedHashSet<>(pool.subList(0, size));
    }

    /** A list of {@code min} to {@code max} (uniform) values from {@code element}, duplicates allowed. */
    public <T> List<T> listOf(int min, int max, Supplier<? extends T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }
}
