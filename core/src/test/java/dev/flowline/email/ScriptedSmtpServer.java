package dev.flowline.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on a loopback port whose replies to RCPT and to the end of DATA are set by the test, for the
 * refusals a well-behaved test server does not give (550 for a mailbox, 451 for a full disk). Thread-safe.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile String rcptReply = "250 2.1.5 ok";
    private volatile String dataReply = "250 2.0.0 queued";
    private final java.util.concurrent.atomic.AtomicBoolean hangUpAtNextMail = new java.util.concurrent.atomic.AtomicBoolean();

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    ScriptedSmtpServer rcptReply(String reply) {
        this.rcptReply = reply;
        return this;
    }

    ScriptedSmtpServer dataReply(String reply) {
        this.dataReply = reply;
        return this;
    }

    /** Closes the connection, without a reply, when the next MAIL command comes (as a server dropping an idle one). */
    ScriptedSmtpServer hangUpAtNextMail() {
        hangUpAtNextMail.set(true);
        return this;
    }

    /** Messages whose DATA got a 250. */
    int accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL" -> {
                        if (hangUpAtNextMail.compareAndSet(true, false)) {
                            return;
                        }
                        reply(out, "250 2.0.0 ok");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "RCPT" -> reply(out, rcptReply);
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        String r = dataReply;
                        if (r.startsWith("250")) {
                            accepted.incrementAndGet();
                        }
                        reply(out, r);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
