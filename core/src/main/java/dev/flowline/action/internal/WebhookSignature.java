package dev.flowline.action.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook requests so receivers can verify Flowline sent them: {@code X-Flowline-Timestamp} carries the Unix
 * time in seconds and {@code X-Flowline-Signature} is {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * secret, of {@code "<timestamp>.<body>"}. Receivers should recompute it and reject old timestamps (replay).
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Flowline-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Flowline-Signature";

    private WebhookSignature() {
    }

    static void sign(HttpRequest.Builder req, String secret, long epochSeconds, String body) {
        req.header(TIMESTAMP_HEADER, Long.toString(epochSeconds));
        req.header(SIGNATURE_HEADER, "sha256=" + hmac(secret, epochSeconds + "." + body));
    }

    /** The hex HMAC-SHA256 of {@code message} keyed with {@code secret}. */
    public static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
