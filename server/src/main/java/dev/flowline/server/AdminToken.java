package dev.flowline.server;

import dev.flowline.FlowlineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin token: {@code FLOWLINE_ADMIN_TOKEN} when set (for deployments with several nodes), else the content of
 * {@code DATA/admin-token}, created on first start with 256 random bits and readable by the owner only.
 *
 * @param value  the token
 * @param source where it came from, for the start-up message
 */
public record AdminToken(String value, String source) {

    public static final String ENV = "FLOWLINE_ADMIN_TOKEN";

    /** Resolves the token from the environment value (may be null) or the data directory. */
    public static AdminToken resolve(String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            if (fromEnvironment.strip().length() < 16) {
                throw new FlowlineException(ENV + " must be at least 16 characters long");
            }
            return new AdminToken(fromEnvironment.strip(), "the environment variable " + ENV);
        }
        Path file = dataDir.resolve("admin-token");
        try {
            if (Files.exists(file)) {
                return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return new AdminToken(token, file.toString());
        } catch (IOException e) {
            throw new FlowlineException("cannot read or create the admin token file " + file + ": " + e.getMessage(), e);
        }
    }
}
