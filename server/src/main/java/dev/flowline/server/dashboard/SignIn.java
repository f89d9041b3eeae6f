package dev.flowline.server.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the dashboard with the admin token, and the checks every page and form goes through.
 *
 * <ul>
 *   <li>{@code GET /login} shows a form; {@code POST /login} with the right token starts a {@link Session} and sets
 *       the cookie {@value #COOKIE} to its opaque id (HttpOnly, SameSite=Strict, Secure when the request came over
 *       HTTPS, including behind a proxy that says so with {@code X-Forwarded-Proto}). The token itself is never
 *       stored in the browser.</li>
 *   <li>Any page URL with {@code ?token=...} signs in the same way and redirects to the same URL without the token,
 *       so the service can print a ready link at start-up.</li>
 *   <li>A page requested without a session redirects to the sign-in form (htmx requests get 401 and an
 *       {@code HX-Redirect}), which returns to the page afterwards.</li>
 *   <li>State-changing forms send the session's CSRF token in the field {@value #CSRF_FIELD} (or the header
 *       {@value #CSRF_HEADER}); {@link #csrfValid} checks it.</li>
 * </ul>
 * Thread-safe.
 */
final class SignIn {

    static final String COOKIE = "flowline_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "flowline.session";

    private final Sessions sessions;
    private final byte[] token;
    private final PageRenderer pages;

    SignIn(Sessions sessions, String adminToken, PageRenderer pages) {
        this.sessions = sessions;
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.pages = pages;
    }

    /** Registers the sign-in and sign-out routes and the session check on {@code pagePaths}. */
    void register(RoutesConfig routes, List<String> pagePaths) {
        routes.get("/login", ctx -> loginForm(ctx, 200, null, safeNext(ctx.queryParam("next"))));
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        for (String path : pagePaths) {
            routes.before(path, this::requireSession);
        }
    }

    /** The session of a request that passed {@link #requireSession}, or null. */
    static Session current(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** Whether the request carries the admin token as a bearer token, or a live session cookie. */
    boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        if (header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return tokenMatches(header.substring(prefix.length()).trim());
        }
        return sessions.find(ctx.cookie(COOKIE)).isPresent();
    }

    /** Whether a form or htmx request carries the session's anti-forgery token. */
    static boolean csrfValid(Context ctx) {
        Session s = current(ctx);
        if (s == null) {
            return false;
        }
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return s.csrfMatches(sent);
    }

    boolean tokenMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token);
    }

    private void requireSession(Context ctx) {
        String linkToken = ctx.queryParam("token");
        if (linkToken != null) {
            String target = withoutToken(ctx.path(), ctx.queryString());
            if (tokenMatches(linkToken)) {
                start(ctx);
                redirect(ctx, target);
            } else {
                loginForm(ctx, 401, "The token in that link is not this service's admin token.", target);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isPresent()) {
            ctx.attribute(SESSION_ATTRIBUTE, session.get());
            return;
        }
        String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String login = "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (ctx.header("HX-Request") != null) {
            // htmx would swap a redirected sign-in page into a fragment; let it navigate the whole page instead
            ctx.header("HX-Redirect", login).status(401);
            ctx.skipRemainingHandlers();
        } else {
            redirect(ctx, login);
        }
    }

    private void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (!tokenMatches(ctx.formParam("token"))) {
            loginForm(ctx, 401, "That is not the admin token. It is in the data directory's admin-token file, "
                    + "or in FLOWLINE_ADMIN_TOKEN.", next);
            return;
        }
        start(ctx);
        redirect(ctx, next);
    }

    private void logout(Context ctx) {
        Optional<Session> s = sessions.find(ctx.cookie(COOKIE));
        if (s.isEmpty() || !s.get().csrfMatches(ctx.formParam(CSRF_FIELD))) {
            PageRenderer.headers(ctx);
            ctx.status(403).contentType("text/plain; charset=utf-8")
                    .result("Sign-out refused: the form did not come from this dashboard. Reload the page and try again.");
            return;
        }
        sessions.end(s.get().id());
        ctx.cookie(cookie(ctx, "", 0));
        redirect(ctx, "/login");
    }

    private void start(Context ctx) {
        // a fresh id at every sign-in: an id planted in the browser before sign-in is worthless (session fixation)
        sessions.end(ctx.cookie(COOKIE));
        Session s = sessions.create();
        ctx.cookie(cookie(ctx, s.id(), -1));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(COOKIE, value, "/", maxAge, https, true, null, SameSite.STRICT);
    }

    private void loginForm(Context ctx, int status, String error, String next) {
        pages.render(ctx, status, "login", Map.of("error", error == null ? "" : error, "next", next));
    }

    private static void redirect(Context ctx, String location) {
        PageRenderer.headers(ctx);
        ctx.redirect(location, HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** Only a path on this site: never redirect to another one after sign-in (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    /** The URL without its {@code token} query parameters (other parameters kept, in order). */
    static String withoutToken(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            if (!part.isEmpty() && !URLDecoder.decode(name, StandardCharsets.UTF_8).equals("token")) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
    }
}
