package dev.flowline.action;

import dev.flowline.template.CompiledTemplate;
import dev.flowline.template.TemplateValue;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * An e-mail over SMTP.
 *
 * @param common   common action fields
 * @param to       recipients (a list or one address)
 * @param cc       copy recipients, or null
 * @param subject  subject template
 * @param body     plain-text body template, or null
 * @param htmlBody HTML body template whose printed values are HTML-escaped, or null
 * @param priority {@code high} (sent at once) or {@code normal} (queued, drained by priority)
 * @param window   when non-urgent mail may be delivered, or null for any time
 */
public record EmailAction(ActionCommon common, TemplateValue to, TemplateValue cc, TemplateValue subject,
                          TemplateValue body, CompiledTemplate htmlBody, String priority, DeliveryWindow window)
        implements ActionDefinition {

    /**
     * A daily delivery window, e.g. {@code deliver_between: "08:00-20:00"} in {@code time_zone: "Europe/Berlin"}.
     * A window whose end is before its start spans midnight.
     *
     * @param start first minute of delivery
     * @param end   end of delivery (exclusive)
     * @param zone  the time zone the times are in
     */
    public record DeliveryWindow(LocalTime start, LocalTime end, ZoneId zone) {

        /** Whether mail may be delivered at this local time. */
        public boolean contains(LocalTime t) {
            return start.isBefore(end) || start.equals(end)
                    ? !t.isBefore(start) && t.isBefore(end)
                    : !t.isBefore(start) || t.isBefore(end);
        }
    }
}
