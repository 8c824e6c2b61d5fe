package studio.audit;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: fields, quoted fields with doubled quotes, CRLF record ends. */
final class CsvReader {

    private CsvReader() {}

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i = quoted(text, i + 1, field);
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') throw new IllegalArgumentException("bare CR at " + i);
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("bare LF at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!record.isEmpty() || field.length() > 0) throw new IllegalArgumentException("last record not ended by CRLF");
        return records;
    }

    private static int quoted(String text, int i, StringBuilder field) {
        while (true) {
            if (i >= text.length()) throw new IllegalArgumentException("unterminated quoted field");
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                } else {
                    char after = i + 1 < text.length() ? text.charAt(i + 1) : '\r';
                    if (after != ',' && after != '\r') throw new IllegalArgumentException("text after a closing quote at " + i);
                    return i + 1;
                }
            } else {
                field.append(c);
                i++;
            }
        }
    }
}
