package dev.flowline.server.dashboard;

import dev.flowline.FlowlineException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * URLs of the front-end libraries the dashboard serves from WebJars on its classpath (under {@code /webjars}), so
 * pages work offline and no Node build is needed. Versions are read from the jars, so upgrading is a pom change.
 * Immutable.
 *
 * @param htmx      htmx (partial page updates)
 * @param uplot     uPlot's script (charts)
 * @param uplotCss  uPlot's style sheet
 */
public record WebJars(String htmx, String uplot, String uplotCss) {

    /** Finds the libraries on the classpath; fails at start-up, not on a page view, when one is missing. */
    public static WebJars load() {
        String htmxVersion = version("htmx.org");
        String uplotVersion = version("uplot");
        return new WebJars("/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js",
                "/webjars/uplot/" + uplotVersion + "/dist/uPlot.iife.min.js",
                "/webjars/uplot/" + uplotVersion + "/dist/uPlot.min.css");
    }

    private static String version(String artifact) {
        String path = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = WebJars.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new FlowlineException("the dashboard's WebJar " + artifact + " is not on the classpath (" + path + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new FlowlineException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
