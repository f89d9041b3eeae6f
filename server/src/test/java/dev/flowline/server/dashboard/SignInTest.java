package dev.flowline.server.dashboard;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the dashboard over HTTP: redirects, the session cookie's flags, token links and CSRF checks. */
class SignInTest {

    private static final String TOKEN = "signin-token-0123456789abcdef";

    private static FlowlineService service;
    private static TestClient api;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("flowline-signin-");
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN).build()).start();
        api = new TestClient(service.url(), TOKEN);
        api.put("/api/workflows/w", """
                {"entity_type": "order", "operations": ["create"], "actions": [{"id": "a", "type": "set", "values": {"x": 1}}]}""");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static DashboardClient client() {
        return new DashboardClient(service.url());
    }

    private static DashboardClient signedIn() {
        DashboardClient c = client();
        assertThat(c.signIn(TOKEN).statusCode()).isEqualTo(303);
        return c;
    }

    @Test
    void every_page_without_a_session_redirects_to_the_sign_in_form_which_returns_to_it() {
        DashboardClient c = client();
        for (String page : List.of("/", "/workflows", "/executions?status=failed", "/executions/x", "/health",
                "/health/series")) {
            HttpResponse<String> r = c.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(page)
                    .contains("/login?next=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> login = c.post("/login", c.form("token", TOKEN, "next", "/executions?status=failed"));
        assertThat(login.headers().firstValue("Location")).contains("/executions?status=failed");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_strict_and_holds_no_token() {
        HttpResponse<String> r = client().signIn(TOKEN);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(SignIn.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure").doesNotContain(TOKEN);
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https() {
        HttpResponse<String> r = client().post("/login", Map.of("token", TOKEN, "next", "/"), "X-Forwarded-Proto", "https");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly");
    }

    @Test
    void a_wrong_token_shows_the_form_again_and_starts_no_session() {
        HttpResponse<String> r = client().signIn("wrong-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("not the admin token", "id=\"signin\"");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_token_link_signs_in_and_redirects_to_the_same_address_without_the_token() {
        DashboardClient c = client();
        HttpResponse<String> r = c.get("/executions?status=failed&token=" + TOKEN + "&entity_type=order");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/executions?status=failed&entity_type=order");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(c.get("/executions?status=failed&entity_type=order").statusCode()).isEqualTo(200);
        assertThat(c.sessionCookie()).isNotNull().isNotEqualTo(TOKEN);
    }

    @Test
    void a_wrong_token_link_signs_nobody_in() {
        DashboardClient c = client();
        HttpResponse<String> r = c.get("/health?token=nope");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("The token in that link is not this service");
        assertThat(c.get("/health").statusCode()).isEqualTo(303);
    }

    @Test
    void an_htmx_request_without_a_session_gets_401_and_a_full_page_redirect() {
        HttpResponse<String> r = client().get("/executions", "HX-Request", "true");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("HX-Redirect")).contains("/login?next=%2Fexecutions");
    }

    @Test
    void forms_that_change_state_need_the_sessions_anti_forgery_token() {
        DashboardClient c = signedIn();
        assertThat(c.post("/workflows/w/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.post("/workflows/w/disable", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(c.post("/workflows/w/disable", Map.of(), SignIn.CSRF_HEADER, "forged").statusCode()).isEqualTo(403);
        String otherSessionsToken = signedIn().csrf("/workflows");
        assertThat(c.post("/workflows/w/disable", Map.of("_csrf", otherSessionsToken)).statusCode()).isEqualTo(403);
        assertThat(c.post("/executions/x/retry", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(c.post("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/workflows/w").map()).containsEntry("enabled", true);

        HttpResponse<String> ok = c.post("/workflows/w/disable", Map.of("_csrf", c.csrf("/workflows")));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(api.get("/api/workflows/w").map()).containsEntry("enabled", false);
        assertThat(c.post("/workflows/w/enable", Map.of(), SignIn.CSRF_HEADER, c.csrf("/workflows")).statusCode())
                .isEqualTo(303);
        assertThat(api.get("/api/workflows/w").map()).containsEntry("enabled", true);
    }

    @Test
    void a_form_post_without_a_session_is_sent_to_sign_in_and_changes_nothing() {
        assertThat(client().post("/workflows/w/disable", Map.of("_csrf", "x")).statusCode()).isEqualTo(303);
        assertThat(api.get("/api/workflows/w").map()).containsEntry("enabled", true);
    }

    @Test
    void signing_out_ends_the_session() {
        DashboardClient c = signedIn();
        String session = c.sessionCookie();
        assertThat(c.post("/logout", Map.of("_csrf", c.csrf("/"))).headers().firstValue("Location")).contains("/login");
        DashboardClient replay = client();
        assertThat(replay.get("/", "Cookie", SignIn.COOKIE + "=" + session).statusCode()).isEqualTo(303);
    }

    @Test
    void signing_in_again_replaces_the_session_id() {
        DashboardClient c = signedIn();
        String first = c.sessionCookie();
        c.signIn(TOKEN);
        assertThat(c.sessionCookie()).isNotEqualTo(first);
        assertThat(client().get("/", "Cookie", SignIn.COOKIE + "=" + first).statusCode()).isEqualTo(303);
    }

    @Test
    void after_signing_in_only_paths_of_this_site_are_followed() {
        assertThat(SignIn.safeNext("/executions?status=failed")).isEqualTo("/executions?status=failed");
        assertThat(SignIn.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(SignIn.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(SignIn.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(SignIn.safeNext("/a\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(SignIn.safeNext(null)).isEqualTo("/");
        HttpResponse<String> r = client().post("/login", Map.of("token", TOKEN, "next", "//evil.example"));
        assertThat(r.headers().firstValue("Location")).contains("/");
    }

    @Test
    void the_token_is_removed_from_a_link_and_every_other_parameter_is_kept() {
        assertThat(SignIn.withoutToken("/health", "token=abc")).isEqualTo("/health");
        assertThat(SignIn.withoutToken("/x", "a=1&token=abc&b=2&token=def")).isEqualTo("/x?a=1&b=2");
        assertThat(SignIn.withoutToken("/x", "to%6Ben=abc&tokens=1")).isEqualTo("/x?tokens=1");
        assertThat(SignIn.withoutToken("/x", null)).isEqualTo("/x");
    }
}
