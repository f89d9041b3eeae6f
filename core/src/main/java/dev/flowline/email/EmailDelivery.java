package dev.flowline.email;

import java.util.Map;

/**
 * Sends e-mail for {@code email} actions. Implementations must be thread-safe.
 */
public interface EmailDelivery {

    /**
     * Sends the message at once ({@code high} priority) or queues it ({@code normal}, or outside its delivery window).
     *
     * @return the action's output, e.g. {@code {"status": "sent"}} or {@code {"status": "queued", "deliver_after": ...}}
     * @throws Exception when the message cannot be sent or queued; a {@code dev.flowline.action.ActionFailedException}
     *                   says whether a retry may help
     */
    Map<String, Object> deliver(EmailMessage message) throws Exception;
}
