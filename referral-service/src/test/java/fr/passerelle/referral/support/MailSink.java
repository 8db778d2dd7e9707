package fr.passerelle.referral.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1; the service sends to it with its real mailer and worker.
 * Tests get a {@link Sink} through a field {@code Function<String, Object> smtpSink} (JDK types only: the test and this
 * resource may not share a class loader): {@code "messages"} lists what arrived, {@code "stop"}/{@code "start"} take
 * the server down and up again on the same port.
 */
public class MailSink implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;
    private ServerSetup setup;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "referral.mail.enabled", "true",
                "referral.web.base-url", "https://passerelle.example.fr/");
    }

    @Override
    public void inject(TestInjector injector) {
        Function<String, Object> control = this::command;
        injector.injectIntoFields(control, f -> f.getName().equals("smtpSink") && f.getType() == Function.class);
    }

    private synchronized Object command(String what) {
        switch (what) {
            case "messages":
                return Arrays.stream(greenMail.getReceivedMessages()).map(MailSink::describe).collect(Collectors.toList());
            case "stop":
                greenMail.stop();
                return null;
            case "start":
                greenMail.start();
                return null;
            default:
                throw new IllegalArgumentException(what);
        }
    }

    /** from, to, subject, body and every header line, as plain strings. */
    private static Map<String, String> describe(MimeMessage m) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("from", Arrays.stream(m.getFrom()).map(Object::toString).collect(Collectors.joining(", ")));
            out.put("to", m.getAllRecipients() == null ? "" : Arrays.stream(m.getAllRecipients()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
            out.put("subject", m.getSubject());
            out.put("body", text(m));
            List<String> headers = new ArrayList<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                headers.add(h.getName() + ": " + h.getValue());
            }
            out.put("headers", String.join("\n", headers));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part p) throws Exception {
        Object content = p.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart mp) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i))).append('\n');
            }
            return sb.toString();
        }
        return String.valueOf(content);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
