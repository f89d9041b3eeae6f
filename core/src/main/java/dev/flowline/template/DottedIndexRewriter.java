package dev.flowline.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites {@code items.0} into {@code items[0]} inside template code, since Pebble's parser only
 * accepts a name after a dot.
 *
 * <p>The scan knows just enough of the syntax to be safe: text outside {@code {{ }}} and
 * {@code {% %}}, comments, {@code verbatim} blocks and string literals are left alone, and a dot
 * after a number ({@code 1.5}) or another dot ({@code 1..3}) is not an index. Line breaks are never
 * touched, so Pebble's line numbers stay right. Stateless, so thread-safe.
 */
final class DottedIndexRewriter {

    private static final Pattern DOT_DIGIT = Pattern.compile("\\.\\d");
    private static final Pattern VERBATIM_START = Pattern.compile("\\{%-?\\s*verbatim\\s*-?%}");
    private static final Pattern VERBATIM_END = Pattern.compile("\\{%-?\\s*endverbatim\\s*-?%}");

    private DottedIndexRewriter() {
    }

    static String rewrite(String source) {
        if (!DOT_DIGIT.matcher(source).find()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + 8);
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("{#", i)) {
                i = copyThrough(source, i, "#}", out);
            } else if (source.startsWith("{%", i) && lookingAt(VERBATIM_START, source, i)) {
                i = copyVerbatim(source, i, out);
            } else if (source.startsWith("{{", i) || source.startsWith("{%", i)) {
                i = rewriteCode(source, i, source.startsWith("{{", i) ? "}}" : "%}", out);
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Copies one tag, from its opening delimiter to its closing one, rewriting dotted indexes. */
    private static int rewriteCode(String source, int start, String close, StringBuilder out) {
        out.append(source, start, start + 2);
        int i = start + 2;
        int depth = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (depth == 0 && source.startsWith(close, i)) {
                out.append(close);
                return i + 2;
            } else if (c == '\'' || c == '"') {
                i = copyString(source, i, out);
            } else if (c == '.' && isIndexAfter(source, i)) {
                int end = i + 1;
                while (end < source.length() && Character.isDigit(source.charAt(end))) {
                    end++;
                }
                out.append('[').append(source, i + 1, end).append(']');
                i = end;
            } else {
                depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
                out.append(c);
                i++;
            }
        }
        return i;
    }

    /** True when the dot at {@code dot} is followed by a digit and preceded by a name, ] or ). */
    private static boolean isIndexAfter(String source, int dot) {
        if (dot == 0 || dot + 1 >= source.length() || !Character.isDigit(source.charAt(dot + 1))) {
            return false;
        }
        char before = source.charAt(dot - 1);
        if (before == ']' || before == ')') {
            return true;
        }
        int start = dot;
        while (start > 0 && isNameChar(source.charAt(start - 1))) {
            start--;
        }
        return start < dot && !Character.isDigit(source.charAt(start));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int copyString(String source, int start, StringBuilder out) {
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i + 1, source.length());
        out.append(source, start, end);
        return end;
    }

    private static int copyVerbatim(String source, int start, StringBuilder out) {
        Matcher end = VERBATIM_END.matcher(source);
        int stop = end.find(start) ? end.end() : source.length();
        out.append(source, start, stop);
        return stop;
    }

    private static int copyThrough(String source, int start, String close, StringBuilder out) {
        int found = source.indexOf(close, start + 2);
        int stop = found < 0 ? source.length() : found + close.length();
        out.append(source, start, stop);
        return stop;
    }

    private static boolean lookingAt(Pattern pattern, String source, int at) {
        return pattern.matcher(source).region(at, source.length()).lookingAt();
    }
}
