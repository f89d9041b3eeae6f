package dev.flowline.template;

import dev.flowline.FlowlineException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Named secrets that templates read with {@code {{ secret('CRM_TOKEN') }}}, and the masking that keeps their values
 * out of execution records, logs and API responses.
 *
 * <p>Secrets come from environment variables prefixed {@value #ENV_PREFIX} ({@code FLOWLINE_SECRET_CRM_TOKEN}
 * is the secret {@code CRM_TOKEN}: the prefix keeps definitions from reading arbitrary variables of the process)
 * and from a properties file ({@code CRM_TOKEN=...}). Immutable and thread-safe.
 */
public final class Secrets {

    public static final String ENV_PREFIX = "FLOWLINE_SECRET_";
    private static final String MASK = "***";
    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> values;
    /** Longest first, so a secret that contains another is masked whole. */
    private final List<String> byLength;

    private Secrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
        List<String> list = new ArrayList<>(new java.util.HashSet<>(values.values()));
        list.removeIf(String::isEmpty);
        list.sort(Comparator.comparingInt(String::length).reversed());
        this.byLength = List.copyOf(list);
    }

    public static Secrets none() {
        return NONE;
    }

    public static Secrets of(Map<String, String> values) {
        return new Secrets(values);
    }

    /** Secrets from {@code FLOWLINE_SECRET_*} variables of the given environment. */
    public static Secrets fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
                out.put(k.substring(ENV_PREFIX.length()), v);
            }
        });
        return new Secrets(out);
    }

    /** Secrets from a properties file ({@code NAME=value} per line). */
    public static Secrets fromFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new FlowlineException("cannot read secrets file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(n -> out.put(n, p.getProperty(n)));
        return new Secrets(out);
    }

    /** The {@code FLOWLINE_SECRET_*} variables of {@code env}, overridden by the file's secrets when a file is given. */
    public static Secrets load(Map<String, String> env, Path fileOrNull) {
        Secrets fromEnv = fromEnvironment(env);
        return fileOrNull == null ? fromEnv : fromEnv.and(fromFile(fileOrNull));
    }

    /** These secrets, overridden by {@code other}'s where both name one. */
    public Secrets and(Secrets other) {
        Map<String, String> out = new HashMap<>(values);
        out.putAll(other.values);
        return new Secrets(out);
    }

    /** The value of a secret, or null when it is not defined. */
    public String get(String name) {
        return values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The text with every secret value replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null || byLength.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : byLength) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }

    /** A copy of a JSON-like value with every string masked (the value itself when there are no secrets). */
    @SuppressWarnings("unchecked")
    public Object mask(Object value) {
        if (byLength.isEmpty()) {
            return value;
        }
        return switch (value) {
            case String s -> mask(s);
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((k, v) -> out.put(mask(k), mask(v)));
                yield out;
            }
            case Collection<?> c -> c.stream().map(this::mask).toList();
            case null, default -> value;
        };
    }
}
