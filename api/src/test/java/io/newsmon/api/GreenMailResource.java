package io.newsmon.api;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real SMTP server (GreenMail) on a free loopback port for the alert tests; the tests stop and restart
 * it to play an SMTP outage, and make it refuse chosen addresses at RCPT TO (as a server does for an unknown
 * mailbox) through GreenMail's own recipient check.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static ServerSetup setup;
    private static volatile GreenMail server;
    private static final Map<String, String> refusals = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startSmtp();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        stopSmtp();
    }

    public static GreenMail smtp() {
        return server;
    }

    /** From now on RCPT TO:{@code address} is answered with {@code reply} (e.g. "550 5.1.1 no such user"). */
    public static void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    /** Every address is accepted again. */
    public static void acceptAll() {
        refusals.clear();
    }

    /** Starts an empty server on the same port. */
    public static synchronized void startSmtp() {
        GreenMail next = new RefusingGreenMail(setup);
        next.start();
        server = next;
    }

    public static synchronized void stopSmtp() {
        if (server != null) {
            server.stop();
        }
    }

    /** GreenMail whose SMTP sessions ask {@link #refusals} about each recipient. */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
            SmtpManager refusing = new SmtpManager(mgr.getImapHostManager(), mgr.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress rcpt) {
                    String reply = refusals.get(rcpt.getEmail().toLowerCase(Locale.ROOT));
                    return reply != null ? reply : super.checkRecipient(state, rcpt);
                }
            };
            return super.createServices(config, new Managers() {
                @Override
                public SmtpManager getSmtpManager() {
                    return refusing;
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return mgr.getImapHostManager();
                }

                @Override
                public UserManager getUserManager() {
                    return mgr.getUserManager();
                }
            });
        }
    }
}
