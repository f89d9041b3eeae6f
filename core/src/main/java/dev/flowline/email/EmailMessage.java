package dev.flowline.email;

import dev.flowline.action.EmailAction;

import java.util.List;

/**
 * A rendered e-mail, ready to send.
 *
 * @param id          unique id ({@code execution_id:action_id}), the same across retries: a delivery may use it to
 *                    send each message only once
 * @param executionId the execution that sent it
 * @param workflowId  the workflow that sent it
 * @param to          recipients
 * @param cc          copy recipients (may be empty)
 * @param subject     subject
 * @param text        plain-text body, or null
 * @param html        HTML body (values already escaped), or null
 * @param priority    {@code high} or {@code normal}
 * @param window      delivery window for non-urgent mail, or null
 */
public record EmailMessage(String id, String executionId, String workflowId, List<String> to, List<String> cc,
                           String subject, String text, String html, String priority,
                           EmailAction.DeliveryWindow window) {

    public EmailMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
