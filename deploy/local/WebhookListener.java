import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalTime;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the local stack (dev only): listens on 127.0.0.1:PORT, checks each delivery's Standard
 * Webhooks signature with the subscription's secret, prints it, answers 204.
 *
 *   java deploy/local/WebhookListener.java PORT whsec_...
 */
public class WebhookListener {

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].startsWith("whsec_")) {
            System.err.println("usage: java deploy/local/WebhookListener.java PORT whsec_<secret from the subscription>");
            System.exit(2);
        }
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean signed = false;
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = hmac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
                for (String part : signature == null ? new String[0] : signature.split(" ")) {
                    signed |= part.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)));
                }
            } catch (Exception e) {
                signed = false;
            }
            System.out.printf("%s  %s  signature %s  %s%n", LocalTime.now().withNano(0), id, signed ? "valid" : "INVALID",
                    new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + args[0] + "/ (Ctrl-C to stop)");
    }
}
