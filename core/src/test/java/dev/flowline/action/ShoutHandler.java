package dev.flowline.action;

import java.util.Map;

/** A custom action type registered through META-INF/services, for the SPI test. */
public final class ShoutHandler implements ActionHandler {

    @Override
    public String type() {
        return "shout";
    }

    @Override
    public Object execute(ActionInvocation invocation) {
        return Map.of("text", String.valueOf(invocation.config().get("text")).toUpperCase(java.util.Locale.ROOT),
                "key", invocation.idempotencyKey());
    }
}
