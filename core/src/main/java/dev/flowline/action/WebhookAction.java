package dev.flowline.action;

import dev.flowline.json.Ordered;
import dev.flowline.template.TemplateValue;

import java.util.Map;

/**
 * An outbound HTTP call.
 *
 * @param common  common action fields
 * @param url     URL template
 * @param method  HTTP method (upper case)
 * @param headers header templates
 * @param body    the body: an object or list is sent as JSON, a string as text; null for no body
 * @param signingSecret template of the HMAC-SHA256 signing secret (usually {@code {{ secret('NAME') }}}), or null
 *                for the workflow's or the service's
 */
public record WebhookAction(ActionCommon common, TemplateValue url, String method, Map<String, TemplateValue> headers,
                            TemplateValue body, TemplateValue signingSecret) implements ActionDefinition {

    public WebhookAction {
        headers = Ordered.copy(headers);
    }
}
