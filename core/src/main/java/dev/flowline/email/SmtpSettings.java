package dev.flowline.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the SMTP server that sends Flowline's e-mail; build with {@link #builder(String, String)}. Immutable;
 * {@link #toString()} never shows the password.
 *
 * @param host           server host name or address
 * @param port           server port; default 25
 * @param username       user for SMTP AUTH, or null to send without logging in
 * @param password       password for SMTP AUTH, or null
 * @param from           the sender address, e.g. {@code Flowline <flowline@example.com>}
 * @param security       plain, STARTTLS or SSL/TLS from the first byte; default {@link Security#NONE}
 * @param connectTimeout longest wait for a connection; default 10 s
 * @param readTimeout    longest wait for a server reply; default 30 s
 * @param writeTimeout   longest wait while writing a message; default 30 s
 */
public record SmtpSettings(String host, int port, String username, String password, String from, Security security,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    /** Transport security. */
    public enum Security {
        /** No encryption (a local relay). */
        NONE,
        /** Plain connection upgraded with STARTTLS; fails when the server does not offer it (usually port 587). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SSL
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, was " + port);
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("password needs a username");
        }
        Objects.requireNonNull(security, "security");
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("writeTimeout", writeTimeout);
        senderAddress(from);
    }

    /** Starts settings for {@code host} sending as {@code from}; every other setting has its default. */
    public static Builder builder(String host, String from) {
        return new Builder(host, from);
    }

    /** The parsed sender address. */
    public InternetAddress fromAddress() {
        return senderAddress(from);
    }

    private static InternetAddress senderAddress(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from must be given (the sender address)");
        }
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException("no domain", from);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("from must be an e-mail address such as flowline@example.com, was '"
                    + from + "'");
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from " + from + ", security " + security
                + (username == null ? "" : ", user " + username + (password == null ? "" : ", password ****")) + "]";
    }

    /** Builds {@link SmtpSettings}; starts at the documented defaults. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final String from;
        private int port = 25;
        private String username;
        private String password;
        private Security security = Security.NONE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);

        private Builder(String host, String from) {
            this.host = host;
            this.from = from;
        }

        /** Server port (default 25). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Logs in with SMTP AUTH (default: no login); a null password logs in without one. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** Transport security (default {@link Security#NONE}). */
        public Builder security(Security security) {
            this.security = security;
            return this;
        }

        /** Longest wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Longest wait for a reply (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Longest wait while writing (default 30 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /** The settings; throws {@link IllegalArgumentException} naming the first setting that is wrong. */
        public SmtpSettings build() {
            return new SmtpSettings(host, port, username, password, from, security, connectTimeout, readTimeout,
                    writeTimeout);
        }
    }
}
