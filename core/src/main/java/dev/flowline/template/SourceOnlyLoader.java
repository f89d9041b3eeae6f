package dev.flowline.template;

import io.pebbletemplates.pebble.loader.Loader;
import java.io.Reader;
import java.io.StringReader;

/**
 * A Pebble loader whose template "name" is the template source itself.
 *
 * <p>It never touches files or the classpath, and it resolves no relative paths. Together with the
 * removal of {@code include}, {@code import}, {@code extends}, {@code embed} and {@code from}, this
 * means a template can only ever read its own source. Stateless, so thread-safe.
 */
final class SourceOnlyLoader implements Loader<String> {

    @Override
    public Reader getReader(String source) {
        return new StringReader(source);
    }

    @Override
    public String createCacheKey(String source) {
        return source;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return null;
    }

    @Override
    public boolean resourceExists(String name) {
        return false;
    }

    @Override
    public void setCharset(String charset) {
        // sources are already strings
    }

    @Override
    public void setPrefix(String prefix) {
        // there is no directory to prefix
    }

    @Override
    public void setSuffix(String suffix) {
        // there is no file to suffix
    }
}
