package dev.flowline.server.dashboard;

import dev.flowline.FlowlineException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders dashboard pages from the Pebble templates under {@code dev/flowline/server/dashboard/templates} with HTML
 * autoescaping on: every value a template prints is escaped unless a template says otherwise (none does). This is
 * a separate engine from the sandboxed one that renders workflow templates. Also sets the pages' security headers.
 * Thread-safe (templates are compiled once and cached).
 */
final class PageRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderer.class);

    /** Only our own scripts, styles and forms; no framing (the enable and retry buttons must not be clickjacked). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final PebbleEngine engine;
    private final WebJars webJars;

    PageRenderer(WebJars webJars) {
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader());
        loader.setPrefix("dev/flowline/server/dashboard/templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                .newLineTrimming(true).build();
        this.webJars = webJars;
    }

    /** Renders {@code template} with {@code model} plus the common values (assets, the session's CSRF token). */
    void render(Context ctx, int status, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("assets", webJars);
        Session session = SignIn.current(ctx);
        all.put("csrf", session == null ? "" : session.csrfToken());
        all.put("signedIn", session != null);
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, all));
    }

    /** A page handler that shows an error page, instead of the API's JSON, when it fails. */
    Handler guard(Handler page) {
        return ctx -> {
            try {
                page.handle(ctx);
            } catch (Exception e) {
                LOG.error("dashboard page {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "Something went wrong", "The page could not be built: " + e.getMessage()
                        + ". The service log has the details.");
            }
        };
    }

    /** An error page (not found, refused, failed) with a title and a message for the operator. */
    void error(Context ctx, int status, String title, String message) {
        render(ctx, status, "error", Map.of("title", title, "message", message));
    }

    String render(String template, Map<String, Object> model) {
        PebbleTemplate t = engine.getTemplate(template);
        StringWriter out = new StringWriter();
        try {
            t.evaluate(out, model);
        } catch (IOException e) {
            throw new FlowlineException("cannot render " + template + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // the sign-in link carries the token in its query: never leak a URL to another site
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", "HX-Request, Cookie");
    }
}
