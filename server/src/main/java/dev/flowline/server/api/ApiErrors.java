package dev.flowline.server.api;

import dev.flowline.definition.DefinitionInvalidException;
import dev.flowline.event.EventInvalidException;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.server.intake.OverloadedException;
import dev.flowline.server.workflow.WorkflowNotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that maps exceptions to HTTP statuses and JSON error bodies ({@code {"error": ...}}). */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private static final Pattern INDEXED = Pattern.compile("^\\[(\\d+)]\\.?(.*)$");

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(DefinitionInvalidException.class, (e, ctx) -> {
            Map<String, Object> body = error("the workflow definition is invalid; nothing was saved");
            body.put("errors", errors(e.errors(), false));
            send(ctx, 400, body);
        });
        routes.exception(EventInvalidException.class, (e, ctx) -> {
            Map<String, Object> body = error("the request was rejected with " + e.errors().size()
                    + " problem(s); nothing was accepted");
            body.put("errors", errors(e.errors(), true));
            send(ctx, 400, body);
        });
        routes.exception(WorkflowNotFoundException.class, (e, ctx) -> send(ctx, 404, error(e.getMessage())));
        routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, error(e.getMessage())));
        routes.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, error(e.getMessage())));
        routes.exception(BadRequestException.class, (e, ctx) -> send(ctx, 400, error(e.getMessage())));
        routes.exception(OverloadedException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            Map<String, Object> body = error(e.getMessage());
            body.put("retry_after_seconds", e.retryAfterSeconds());
            send(ctx, 429, body);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String message = switch (e.getStatus()) {
                case 401 -> "missing or wrong token: send Authorization: Bearer <token>";
                case 413 -> "request body too large (" + e.getMessage() + ")";
                default -> e.getMessage();
            };
            if (e.getStatus() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            send(ctx, e.getStatus(), error(message));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, error("internal error: " + e.getMessage()));
        });
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** Errors as JSON; for event arrays the leading {@code [i]} of a path becomes an {@code index} field. */
    private static List<Map<String, Object>> errors(List<InputError> errors, boolean indexed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (InputError e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            Matcher matcher = INDEXED.matcher(e.path());
            if (indexed && matcher.matches()) {
                m.put("index", Integer.parseInt(matcher.group(1)));
                m.put("path", matcher.group(2));
            } else {
                m.put("path", e.path());
            }
            m.put("message", e.message());
            out.add(m);
        }
        return out;
    }
}
