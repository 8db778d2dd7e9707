package fr.passerelle.e2e.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request goes out byte for byte as built
 * (two Authorization headers, dot segments, invalid UTF-8, no Content-Type…), which java.net.http and
 * rest-assured would normalise or refuse to send.
 */
final class RawHttp {

    private static final int READ_TIMEOUT_MS = 15_000;

    private RawHttp() {
    }

    /** A request to send: the target is sent as is (path and query, not re-encoded). */
    record Request(String method, String base, String target, List<String[]> headers, byte[] body) {

        static Request of(String method, String base, String target) {
            return new Request(method, base, target, new ArrayList<>(), null);
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request json(String json) {
            return json(json.getBytes(StandardCharsets.UTF_8));
        }

        Request json(byte[] bytes) {
            return header("Content-Type", "application/json").body(bytes);
        }

        Request body(byte[] bytes) {
            return new Request(method, base, target, headers, bytes);
        }

        boolean hasHeader(String name) {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
        }

        /** What a failure report shows: method, base, target (cut), headers without credentials, body (cut). */
        String describe() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(base).append(cut(target, 160));
            for (String[] h : headers) {
                String value = h[0].equalsIgnoreCase("Authorization") || h[0].equalsIgnoreCase("Cookie")
                        ? h[1].split(" ", 2)[0] + " <credential, " + h[1].length() + " chars>" : cut(h[1], 80);
                sb.append(" | ").append(h[0]).append(": ").append(value);
            }
            if (body != null) {
                sb.append(" | body ").append(body.length).append(" bytes: ")
                        .append(cut(new String(body, StandardCharsets.UTF_8), 160));
            }
            return Tally.withoutTokens(sb.toString());
        }
    }

    /** The answer: status (-1 if the connection failed), headers with lower-case names, body, time taken. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, long millis, String error) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            String ct = header("content-type");
            return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
        }

        String describe() {
            if (status < 0) {
                return "no answer (" + error + ") after " + millis + " ms";
            }
            return "HTTP " + status + " [" + contentType() + "] in " + millis + " ms: " + cut(text(), 300);
        }
    }

    static Answer send(Request request) {
        URI base = URI.create(request.base());
        int port = base.getPort() > 0 ? base.getPort() : 80;
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
            if (!request.hasHeader("Host")) {
                write(head, "Host: " + base.getHost() + ":" + port + "\r\n");
            }
            for (String[] h : request.headers()) {
                write(head, h[0] + ": " + h[1] + "\r\n");
            }
            if (request.body() != null && !request.hasHeader("Content-Length") && !request.hasHeader("Transfer-Encoding")) {
                write(head, "Content-Length: " + request.body().length + "\r\n");
            }
            write(head, "Connection: close\r\n\r\n");
            out.write(head.toByteArray());
            if (request.body() != null) {
                try {
                    out.write(request.body());
                } catch (IOException e) {
                    // The server may answer (413) and close before reading a large body: read what it said.
                }
            }
            out.flush();
            return read(socket.getInputStream(), t0);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], elapsed(t0), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer read(InputStream in, long t0) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int headerEnd = -1;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
                if (headerEnd < 0) {
                    headerEnd = indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (headerEnd >= 0 && complete(all.toByteArray(), headerEnd)) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (headerEnd < 0) {
                return new Answer(-1, Map.of(), new byte[0], elapsed(t0), "read timed out");
            }
        } catch (IOException e) {
            // A reset after a complete answer (the server closing on an unread body) is still an answer.
            if (headerEnd < 0) {
                throw e;
            }
        }
        long millis = elapsed(t0);
        byte[] bytes = all.toByteArray();
        if (headerEnd < 0) {
            return new Answer(-1, Map.of(), bytes, millis, "connection closed without an HTTP answer (" + bytes.length + " bytes)");
        }
        String[] lines = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 4, bytes.length);
        List<String> te = headers.getOrDefault("transfer-encoding", List.of());
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, millis, null);
    }

    /** Whether the bytes hold the whole answer (by Content-Length or the last chunk); else read to EOF. */
    private static boolean complete(byte[] bytes, int headerEnd) {
        String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int bodyLength = bytes.length - headerEnd - 4;
        java.util.regex.Matcher cl = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        if (cl.find()) {
            return bodyLength >= Integer.parseInt(cl.group(1));
        }
        if (head.contains("transfer-encoding: chunked")) {
            return bodyLength >= 5 && new String(bytes, bytes.length - 5, 5, StandardCharsets.ISO_8859_1).equals("0\r\n\r\n");
        }
        return head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (eol < 0) {
                break;
            }
            String size = new String(body, at, eol, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            at += eol + 2;
            if (length == 0) {
                break;
            }
            out.write(body, at, Math.min(length, body.length - at));
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String cut(String s, int max) {
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "\uFFFD");
        return oneLine.length() > max ? oneLine.substring(0, max) + "…(" + s.length() + " chars)" : oneLine;
    }
}
