package dev.roster.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.roster.spi.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;

/**
 * Writes a command's records in the chosen format. A record is an ordered map from the documented
 * column names to values (strings, numbers, lists, maps; null for "none"). Records are written as
 * they come: JSON lines and CSV at once, a table in batches ({@link #flush()}), its column widths
 * fixed by the first batch so that a long {@code list} starts printing after its first page.
 */
abstract class Output implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** How the output is shaped: one document, or one JSON object per line. */
    enum Shape {
        /** A single result: one JSON object. */
        SINGLE,
        /** Several results in one JSON array. */
        DOCUMENT,
        /** A stream: one JSON object per line. */
        LINES
    }

    /**
     * An output.
     *
     * @param format the format
     * @param shape for JSON, how records are grouped
     * @param columns the record's column names, in order (CSV header, table columns)
     * @param tableColumns the columns a table shows (a subset, for width)
     * @param out where to write
     * @param colour whether a table may colour its status column
     * @return the output
     */
    static Output of(Format format, Shape shape, List<String> columns, List<String> tableColumns, PrintWriter out,
            boolean colour, Redactor redactor) {
        Output output = switch (format) {
            case json -> shape == Shape.LINES ? new JsonLines(out) : new JsonDocument(out, shape);
            case csv -> new Csv(out, columns);
            case table -> new Table(out, tableColumns, colour);
        };
        output.redactor = redactor;
        return output;
    }

    private Redactor redactor = Redactor.of(List.of());

    /**
     * Writes one record, every text in it passed through the run's redactor first.
     *
     * @param record the record
     */
    final void add(Map<String, Object> record) {
        write(clean(record));
    }

    private Map<String, Object> clean(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((key, value) -> out.put(key, cleanValue(value)));
        return out;
    }

    private Object cleanValue(Object value) {
        if (value instanceof String text) {
            return redactor.redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), cleanValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::cleanValue).toList();
        }
        return value;
    }

    /**
     * Writes one record as it is.
     *
     * @param record the record
     */
    abstract void write(Map<String, Object> record);

    /** Shows what was added so far (a table prints its pending rows). */
    void flush() {
    }

    /**
     * Lets a table make room for a record it will print later (the first page of another vendor),
     * so that its columns stay aligned; the other formats ignore it.
     *
     * @param record the record to make room for
     */
    void measure(Map<String, Object> record) {
    }

    @Override
    public abstract void close();

    /** A value as one cell of text: lists joined with ",", maps as key=value;..., none as "". */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Output::text).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(";"));
        }
        return value.toString();
    }

    private static final class JsonLines extends Output {
        private final PrintWriter out;
        private final ObjectMapper compact = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        void write(Map<String, Object> record) {
            try {
                out.println(compact.writeValueAsString(record));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class JsonDocument extends Output {
        private final PrintWriter out;
        private final Shape shape;
        private final List<Map<String, Object>> records = new ArrayList<>();

        JsonDocument(PrintWriter out, Shape shape) {
            this.out = out;
            this.shape = shape;
        }

        @Override
        void write(Map<String, Object> record) {
            records.add(record);
        }

        @Override
        public void close() {
            try {
                Object document = shape == Shape.SINGLE && records.size() == 1 ? records.get(0) : records;
                out.println(JSON.writeValueAsString(document));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Csv extends Output {
        private final PrintWriter out;
        private final List<String> columns;
        private final SequenceWriter writer;

        Csv(PrintWriter out, List<String> columns) {
            this.out = out;
            this.columns = columns;
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(schema::addColumn);
            // Quote only what RFC 4180 needs quoted (separators, quotes, line breaks), not every id with a dash.
            CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
            mapper.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            try {
                this.writer = mapper.writerFor(Map.class).with(schema.build().withLineSeparator("\r\n")).writeValues(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(Map<String, Object> record) {
            Map<String, String> row = new LinkedHashMap<>();
            columns.forEach(column -> row.put(column, text(record.get(column))));
            try {
                writer.write(row);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                // With no record, Jackson still writes the header on close, so a script reading it sees the columns.
                writer.close();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void flush() {
            out.flush();
        }
    }

    private static final class Table extends Output {
        private static final String GAP = "  ";
        private final PrintWriter out;
        private final List<String> columns;
        private final boolean colour;
        private final List<List<String>> pending = new ArrayList<>();
        private int[] widths;
        private final int[] room;
        private int printed;

        Table(PrintWriter out, List<String> columns, boolean colour) {
            this.out = out;
            this.columns = columns;
            this.colour = colour;
            this.room = new int[columns.size()];
        }

        @Override
        void write(Map<String, Object> record) {
            pending.add(cells(record));
        }

        @Override
        void measure(Map<String, Object> record) {
            List<String> cells = cells(record);
            for (int i = 0; i < cells.size(); i++) {
                room[i] = Math.max(room[i], cells.get(i).length());
            }
        }

        private List<String> cells(Map<String, Object> record) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                String cell = text(record.get(column));
                cells.add(cell.isEmpty() ? "-" : cell);
            }
            return cells;
        }

        @Override
        void flush() {
            if (widths == null) {
                if (pending.isEmpty()) {
                    return;
                }
                widths = new int[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    widths[i] = Math.max(room[i], header(columns.get(i)).length());
                }
                for (List<String> row : pending) {
                    for (int i = 0; i < row.size(); i++) {
                        widths[i] = Math.max(widths[i], row.get(i).length());
                    }
                }
                List<String> head = new ArrayList<>();
                columns.forEach(c -> head.add(header(c)));
                print(head, true);
            }
            for (List<String> row : pending) {
                print(row, false);
            }
            pending.clear();
            out.flush();
        }

        private void print(List<String> cells, boolean head) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                boolean last = i == cells.size() - 1;
                String padded = last ? cell : pad(cell, widths[i]);
                if (colour && !head) {
                    padded = paint(columns.get(i), cell, padded);
                } else if (colour) {
                    padded = Ansi.ON.string("@|bold " + escape(padded) + "|@");
                }
                line.append(padded);
                if (!last) {
                    line.append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
            printed++;
        }

        private static String paint(String column, String cell, String padded) {
            if (!column.equals("status") && !column.equals("outcome")) {
                return padded;
            }
            String style = column.equals("outcome")
                    ? switch (cell) {
                        case "invited", "revoked", "already a member", "member removed" -> "green";
                        case "already pending", "not checked" -> "yellow";
                        case "not found", "nothing found" -> "faint";
                        case "failed" -> "red,bold";
                        default -> null;
                    }
                    : switch (cell) {
                        case "accepted" -> "green";
                        case "pending" -> "yellow";
                        case "expired", "revoked", "unknown" -> "faint";
                        default -> null;
                    };
            return style == null ? padded : Ansi.ON.string("@|" + style + " " + escape(padded) + "|@");
        }

        private static String escape(String text) {
            return text.replace("|@", "| @");
        }

        private static String pad(String cell, int width) {
            return cell.length() >= width ? cell : cell + " ".repeat(width - cell.length());
        }

        static String header(String column) {
            return column.toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        @Override
        public void close() {
            flush();
            if (printed == 0) {
                out.println("(none)");
            }
            out.flush();
        }
    }
}
