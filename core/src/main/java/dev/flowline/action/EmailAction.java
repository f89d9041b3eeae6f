package dev.flowline.action;

import dev.flowline.template.CompiledTemplate;
import dev.flowline.template.TemplateValue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

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
     * A window whose end is before its start spans midnight ({@code "22:00-06:00"}); start and end differ. Immutable.
     *
     * @param start first minute of delivery
     * @param end   end of delivery (exclusive)
     * @param zone  the time zone the times are in
     */
    public record DeliveryWindow(LocalTime start, LocalTime end, ZoneId zone) {

        public DeliveryWindow {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(zone, "zone");
            if (start.equals(end)) {
                throw new IllegalArgumentException("a delivery window needs different start and end, was " + start);
            }
        }

        /** Whether mail may be delivered at this local time. */
        public boolean contains(LocalTime t) {
            return start.isBefore(end)
                    ? !t.isBefore(start) && t.isBefore(end)
                    : !t.isBefore(start) || t.isBefore(end);
        }

        /** Whether mail may be delivered at this instant, read as a local time in the window's zone. */
        public boolean contains(Instant t) {
            return contains(LocalTime.ofInstant(t, zone));
        }

        /**
         * The first instant at or after {@code t} inside the window: {@code t} itself when it is inside, else the
         * next start. A start that a daylight-saving change skips moves forward by the length of the gap.
         */
        public Instant nextOpening(Instant t) {
            if (contains(t)) {
                return t;
            }
            ZonedDateTime local = t.atZone(zone);
            ZonedDateTime open = ZonedDateTime.of(local.toLocalDate(), start, zone);
            if (!open.toInstant().isAfter(t)) {
                open = ZonedDateTime.of(local.toLocalDate().plusDays(1), start, zone);
            }
            return open.toInstant();
        }

        /** As written in a definition, e.g. {@code 08:00-20:00 Europe/Berlin}. */
        @Override
        public String toString() {
            return start + "-" + end + " " + zone.getId();
        }
    }
}
