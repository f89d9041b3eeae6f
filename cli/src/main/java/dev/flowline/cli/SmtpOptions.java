package dev.flowline.cli;

import dev.flowline.email.SmtpSettings;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;

/**
 * The SMTP options of {@code serve} and {@code run}. The password is never an option (it would show in the process
 * list): it is read from {@value #PASSWORD_ENV}.
 */
final class SmtpOptions {

    static final String PASSWORD_ENV = "FLOWLINE_SMTP_PASSWORD";

    @Option(names = "--smtp-host", paramLabel = "HOST",
            description = "SMTP server for email actions (default: none, and email actions fail saying so)")
    String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default 25)")
    Integer port;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS",
            description = "sender address of e-mail, e.g. 'Flowline <flowline@example.com>' (required with --smtp-host)")
    String from;

    @Option(names = "--smtp-user", paramLabel = "USER",
            description = "log in to the SMTP server as USER; the password is read from " + PASSWORD_ENV)
    String user;

    @Option(names = "--smtp-security", paramLabel = "none|starttls|ssl",
            description = "transport security (default none; starttls for port 587, ssl for port 465)")
    String security;

    /**
     * The settings, or null without {@code --smtp-host}.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    SmtpSettings settings(Map<String, String> env) {
        if (host == null) {
            if (port != null || from != null || user != null || security != null) {
                throw new IllegalArgumentException("--smtp-port, --smtp-from, --smtp-user and --smtp-security need "
                        + "--smtp-host");
            }
            return null;
        }
        if (from == null) {
            throw new IllegalArgumentException("--smtp-from is required with --smtp-host: the sender address, e.g. "
                    + "flowline@example.com");
        }
        SmtpSettings.Builder b = SmtpSettings.builder(host, from);
        if (port != null) {
            b.port(port);
        }
        if (user != null) {
            b.credentials(user, env.get(PASSWORD_ENV));
        }
        if (security != null) {
            try {
                b.security(SmtpSettings.Security.valueOf(security.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--smtp-security must be none, starttls or ssl, not '" + security
                        + "'");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SMTP settings: " + e.getMessage());
        }
    }
}
