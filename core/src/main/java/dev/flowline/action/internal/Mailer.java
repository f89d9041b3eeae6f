package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.EmailAction;
import dev.flowline.email.EmailDelivery;
import dev.flowline.email.EmailMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs {@code email} actions: renders them and hands them to the configured {@link EmailDelivery}. Thread-safe. */
public final class Mailer {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");

    private final EmailDelivery delivery;

    /** @param delivery how mail is sent, or null when e-mail is not configured */
    public Mailer(EmailDelivery delivery) {
        this.delivery = delivery;
    }

    public Object send(EmailAction a, Attempt attempt) throws Exception {
        if (delivery == null) {
            throw new ActionFailedException("e-mail is not configured: give the service an SMTP server", false);
        }
        Map<String, Object> ctx = attempt.context();
        List<String> to = addresses(a.to().render(ctx), "to");
        if (to.isEmpty()) {
            throw new ActionFailedException("to rendered to no address", false);
        }
        List<String> cc = a.cc() == null ? List.of() : addresses(a.cc().render(ctx), "cc");
        String subject = String.valueOf(a.subject().render(ctx));
        String text = a.body() == null ? null : String.valueOf(a.body().render(ctx));
        String html = a.htmlBody() == null ? null : a.htmlBody().renderText(ctx);
        return delivery.deliver(new EmailMessage(attempt.idempotencyKey(a.id()), attempt.executionId(),
                attempt.workflow().id(), to, cc, subject, text, html, a.priority(), a.window()));
    }

    private static List<String> addresses(Object v, String field) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                out.addAll(addresses(o, field));
            }
        } else if (v != null && !String.valueOf(v).isBlank()) {
            for (String part : String.valueOf(v).split(",")) {
                String address = part.strip();
                if (!ADDRESS.matcher(address).matches()) {
                    throw new ActionFailedException(field + " has an invalid address '" + address + "'", false);
                }
                out.add(address);
            }
        }
        return out;
    }
}
