package fr.passerelle.directory.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the French open-data CSV flavour: fields separated by ';', optionally quoted with '"' (a quote inside a
 * quoted field is doubled), lines ended by LF or CRLF, an optional UTF-8 byte order mark. A quoted field may span
 * lines; each record keeps the number of the line it starts on, as a spreadsheet shows it (the header is line 1).
 */
public final class SemicolonCsv {

    /** One record: its first line's number and its fields, unquoted, not trimmed. */
    public record Row(int line, List<String> fields) {
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** Thrown for text that is not CSV at all (a quote left open). */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private SemicolonCsv() {
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int line = 1;
        int rowStart = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int quoteLine = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                // CRLF: the LF ends the record on the next turn.
            } else if (c == '\n') {
                fields.add(field.toString());
                rows.add(new Row(rowStart, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(quoteLine, "a quoted field opened on line " + quoteLine + " is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }
}
