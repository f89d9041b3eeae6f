package dev.flowline.store;

import dev.flowline.action.EmailAction.DeliveryWindow;
import dev.flowline.email.EmailMessage;
import dev.flowline.json.Json;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of an e-mail in the outbox's {@code message} column. Stateless, thread-safe. */
final class OutboxJson {

    private OutboxJson() {
    }

    static String write(EmailMessage m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("to", m.to());
        j.put("cc", m.cc());
        j.put("subject", m.subject());
        j.put("text", m.text());
        j.put("html", m.html());
        j.put("priority", m.priority());
        if (m.window() != null) {
            DeliveryWindow w = m.window();
            j.put("window", Map.of("start", w.start().toString(), "end", w.end().toString(), "zone", w.zone().getId()));
        }
        return Json.write(j);
    }

    @SuppressWarnings("unchecked")
    static EmailMessage read(String id, String executionId, String workflowId, String json) {
        Map<String, Object> j = (Map<String, Object>) Json.parse(json);
        Map<String, Object> w = (Map<String, Object>) j.get("window");
        DeliveryWindow window = w == null ? null : new DeliveryWindow(LocalTime.parse((String) w.get("start")),
                LocalTime.parse((String) w.get("end")), ZoneId.of((String) w.get("zone")));
        return new EmailMessage(id, executionId, workflowId, (List<String>) j.get("to"), (List<String>) j.get("cc"),
                (String) j.get("subject"), (String) j.get("text"), (String) j.get("html"), (String) j.get("priority"),
                window);
    }
}
