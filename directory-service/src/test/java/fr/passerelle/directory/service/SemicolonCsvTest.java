package fr.passerelle.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemicolonCsvTest {

    @Test
    void readsSemicolonsQuotesBomAndCrlf() {
        String text = "\uFEFFa;b;c\r\n1;\"deux; et \"\"trois\"\"\";\r\n\"x\";y;z";
        List<SemicolonCsv.Row> rows = SemicolonCsv.parse(text);
        assertEquals(3, rows.size());
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields(), "the byte order mark is not part of the first column");
        assertEquals(List.of("1", "deux; et \"trois\"", ""), rows.get(1).fields());
        assertEquals(List.of("x", "y", "z"), rows.get(2).fields(), "no line end after the last record");
        assertEquals(List.of(1, 2, 3), rows.stream().map(SemicolonCsv.Row::line).toList());
    }

    @Test
    void aQuotedLineBreakKeepsTheLineNumbersOfWhatFollows() {
        List<SemicolonCsv.Row> rows = SemicolonCsv.parse("h1;h2\n\"a\nb\";c\n\nd;e\n");
        assertEquals(4, rows.size());
        assertEquals(List.of("a\nb", "c"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(true, rows.get(2).blank());
        assertEquals(4, rows.get(2).line());
        assertEquals(5, rows.get(3).line());
    }

    @Test
    void anUnclosedQuoteIsNotCsv() {
        var e = assertThrows(SemicolonCsv.MalformedCsvException.class, () -> SemicolonCsv.parse("a;b\n1;\"open\n2;3\n"));
        assertEquals(2, e.line());
    }

    @Test
    void emptyTextHasNoRows() {
        assertEquals(List.of(), SemicolonCsv.parse(""));
        assertEquals(List.of(), SemicolonCsv.parse("\uFEFF"));
    }
}
