import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Prints what the local SMTP sink (GreenMail standalone) received: from, to, date, subject and body, oldest first.
 * Run by deploy/local/mails with the GreenMail jar on the class path (it brings Jackson and Jakarta Mail):
 * {@code java -cp greenmail-standalone.jar Mails.java API_URL [ADDRESS]}.
 */
public class Mails {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Printed(Date date, String id, String text) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -cp greenmail-standalone.jar Mails.java API_URL [ADDRESS]");
            System.exit(2);
        }
        String api = args[0].replaceAll("/+$", "");
        List<String> mailboxes = new ArrayList<>();
        if (args.length == 2) {
            mailboxes.add(args[1]);
        } else {
            for (JsonNode user : get(api + "/api/user")) {
                mailboxes.add(user.path("email").asText(user.path("login").asText()));
            }
        }
        Session session = Session.getInstance(new Properties());
        // A message to several recipients sits in each mailbox: print it once.
        Map<String, Printed> messages = new LinkedHashMap<>();
        for (String mailbox : mailboxes) {
            JsonNode list = get(api + "/api/user/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8) + "/messages/");
            if (list == null) {
                continue;
            }
            for (JsonNode m : list) {
                // The API hands the raw message over one char per byte.
                MimeMessage mime = new MimeMessage(session,
                        new ByteArrayInputStream(m.path("mimeMessage").asText().getBytes(StandardCharsets.ISO_8859_1)));
                String text = describe(mime);
                String id = mime.getMessageID() != null ? mime.getMessageID() : text;
                messages.putIfAbsent(id, new Printed(mime.getSentDate(), id, text));
            }
        }
        List<Printed> sorted = new ArrayList<>(messages.values());
        sorted.sort(Comparator.comparing(Printed::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Printed p : sorted) {
            System.out.println("=".repeat(100));
            System.out.println(p.text());
        }
        System.out.println(sorted.isEmpty() ? "(no message" + (args.length == 2 ? " to " + args[1] : "") + ")"
                : "=".repeat(100) + "\n" + sorted.size() + " message(s)" + (args.length == 2 ? " to " + args[1] : ""));
    }

    private static String describe(MimeMessage m) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("From:    ").append(join(m.getFrom())).append('\n');
        sb.append("To:      ").append(join(m.getAllRecipients())).append('\n');
        sb.append("Date:    ").append(m.getSentDate()).append('\n');
        sb.append("Subject: ").append(m.getSubject()).append("\n\n");
        sb.append(text(m).strip());
        return sb.toString();
    }

    private static String join(Object[] values) {
        if (values == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v.toString());
        }
        return String.join(", ", out);
    }

    private static String text(Part p) throws Exception {
        Object content = p.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).isMimeType("text/plain")) {
                    return text(mp.getBodyPart(i));
                }
            }
            return mp.getCount() > 0 ? text(mp.getBodyPart(0)) : "";
        }
        return String.valueOf(content);
    }

    /** The JSON answer, or null for 404 (a mailbox that received nothing). */
    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            System.err.println("ERROR: the SMTP sink's API does not answer on " + url + " (is the stack started? deploy/local/start)");
            System.exit(1);
            return null;
        }
        if (r.statusCode() == 404 || r.statusCode() == 400) {
            return null;
        }
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("GreenMail API answered " + r.statusCode() + " for " + url);
        }
        return JSON.readTree(r.body());
    }
}
