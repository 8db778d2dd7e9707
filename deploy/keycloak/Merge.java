import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges realm overlays into a Keycloak realm export, with nothing but a JDK:
 * {@code java deploy/keycloak/Merge.java realm.json overlay.json [more.json…] > merged.json}
 * (or {@code -o merged.json} as the first two arguments).
 *
 * <p>Rules: objects merge key by key, recursively; arrays concatenate, except that an overlay
 * element which is an object with the same identity ({@code clientId}, {@code username},
 * {@code alias} or {@code name}) as a base element replaces it; anything else in the overlay
 * replaces the base value. {@code ${ENV}} placeholders are left untouched for Keycloak's import.
 */
public final class Merge {

    private static final String[] IDENTITY_KEYS = {"clientId", "username", "alias", "name"};

    public static void main(String[] args) throws IOException {
        Path out = null;
        int first = 0;
        if (args.length >= 2 && args[0].equals("-o")) {
            out = Path.of(args[1]);
            first = 2;
        }
        if (args.length - first < 1) {
            System.err.println("usage: java Merge.java [-o out.json] realm.json [overlay.json ...]");
            System.exit(2);
        }
        Object merged = null;
        for (int i = first; i < args.length; i++) {
            Object doc;
            try {
                doc = new Parser(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8)).parseDocument();
            } catch (IllegalArgumentException e) {
                System.err.println(args[i] + ": " + e.getMessage());
                System.exit(1);
                return;
            }
            merged = merged == null ? doc : merge(merged, doc);
        }
        StringBuilder sb = new StringBuilder();
        write(merged, sb, 0);
        sb.append('\n');
        if (out == null) {
            Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            w.write(sb.toString());
            w.flush();
        } else {
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @SuppressWarnings("unchecked")
    static Object merge(Object base, Object overlay) {
        if (base instanceof Map && overlay instanceof Map) {
            Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) base);
            for (Map.Entry<String, Object> e : ((Map<String, Object>) overlay).entrySet()) {
                Object before = result.get(e.getKey());
                result.put(e.getKey(), before == null || e.getValue() == null ? e.getValue() : merge(before, e.getValue()));
            }
            return result;
        }
        if (base instanceof List && overlay instanceof List) {
            List<Object> result = new ArrayList<>((List<Object>) base);
            for (Object item : (List<Object>) overlay) {
                int same = indexOfSameIdentity(result, item);
                if (same >= 0) {
                    result.set(same, item);
                } else {
                    result.add(item);
                }
            }
            return result;
        }
        return overlay;
    }

    @SuppressWarnings("unchecked")
    private static int indexOfSameIdentity(List<Object> items, Object candidate) {
        if (!(candidate instanceof Map)) {
            return -1;
        }
        Map<String, Object> c = (Map<String, Object>) candidate;
        for (String key : IDENTITY_KEYS) {
            Object id = c.get(key);
            if (id == null) {
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map && id.equals(((Map<String, Object>) items.get(i)).get(key))) {
                    return i;
                }
            }
            return -1;
        }
        return -1;
    }

    // ---- output ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static void write(Object v, StringBuilder sb, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof Boolean || v instanceof BigDecimal) {
            sb.append(v);
        } else if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int n = 0;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                pad(sb, indent + 2);
                quote(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 2);
                sb.append(++n < m.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List) {
            List<Object> l = (List<Object>) v;
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(sb, indent + 2);
                write(l.get(i), sb, indent + 2);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append(']');
        } else {
            throw new IllegalStateException("unexpected " + v.getClass());
        }
    }

    private static void pad(StringBuilder sb, int n) {
        sb.append(" ".repeat(n));
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---- input: a strict RFC 8259 parser ---------------------------------------------------

    static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object parseDocument() {
            skipWs();
            if (pos < s.length() && s.charAt(pos) == '\uFEFF') {
                pos++;
                skipWs();
            }
            Object v = value();
            skipWs();
            if (pos != s.length()) {
                throw error("trailing content");
            }
            return v;
        }

        private Object value() {
            skipWs();
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipWs();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipWs();
                expect(':');
                Object v = value();
                if (m.containsKey(key)) {
                    throw error("duplicate member \"" + key + "\"");
                }
                m.put(key, v);
                skipWs();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skipWs();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipWs();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            return s.charAt(pos++);
        }

        private void skipWs() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new IllegalArgumentException(what + " at line " + line + ", column " + col);
        }
    }
}
