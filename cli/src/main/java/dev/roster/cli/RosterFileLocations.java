package dev.roster.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a {@code roster.yaml} is, by its path in the engine's terms
 * ({@code vendors.openai.provider}, {@code people[3].vendors.openai.projects[0].role}): one pass over
 * the YAML parser's tokens, which know their line and column. The i-th key of a mapping is also
 * found as {@code parent[i]} (the engine names a connection it cannot call by name that way), and a
 * key given twice is remembered, since the tree keeps only the last.
 */
final class RosterFileLocations {

    /**
     * A place in the file.
     *
     * @param line 1-based line
     * @param column 1-based column
     */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }

        static Position of(JsonLocation location) {
            return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }
    }

    /** A key given twice in one mapping: where the second one is. */
    record Duplicate(String path, Position position) {}

    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();

    private RosterFileLocations() {}

    /** One level of nesting while reading: a mapping or a sequence. */
    private static final class Frame {
        final String path;
        final boolean sequence;
        int index;
        String field;

        Frame(String path, boolean sequence) {
            this.path = path;
            this.sequence = sequence;
        }

        String child() {
            if (sequence) {
                return path + "[" + index++ + "]";
            }
            return path.isEmpty() ? field : path + "." + field;
        }
    }

    /**
     * Reads the positions of everything in a document.
     *
     * @param parser a parser at the start of the document
     * @return the positions
     * @throws IOException if the YAML cannot be read (its location says where)
     */
    static RosterFileLocations read(JsonParser parser) throws IOException {
        RosterFileLocations locations = new RosterFileLocations();
        Deque<Frame> stack = new ArrayDeque<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            Position here = Position.of(parser.currentTokenLocation());
            if (token == JsonToken.FIELD_NAME) {
                Frame frame = stack.peek();
                frame.field = parser.currentName();
                String path = frame.path.isEmpty() ? frame.field : frame.path + "." + frame.field;
                if (locations.keys.containsKey(path)) {
                    locations.duplicates.add(new Duplicate(path, here));
                }
                locations.keys.put(path, here);
                locations.keys.putIfAbsent(frame.path + "[" + frame.index++ + "]", here);
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            String path = stack.isEmpty() ? "" : stack.peek().child();
            if (token.isScalarValue() || path.endsWith("]")) {
                locations.values.put(path, here);
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                stack.push(new Frame(path, token == JsonToken.START_ARRAY));
            }
        }
        return locations;
    }

    /** Keys given twice, in file order. */
    List<Duplicate> duplicates() {
        return duplicates;
    }

    /**
     * Lets another path stand for an existing one (a vendor named in a person's list of vendors is
     * {@code people[i].vendors.<name>} to the engine).
     */
    void alias(String path, String existing) {
        Position position = find(existing);
        if (position != null) {
            values.putIfAbsent(path, position);
        }
    }

    /**
     * Where a key is: the key itself when the path names one, else its nearest enclosing part.
     *
     * @param path the path
     * @return the position, or 1:1 when nothing matches
     */
    Position key(String path) {
        Position position = keys.get(path);
        return position != null ? position : at(path);
    }

    /**
     * Where a value is: a scalar's own position, else its key's, else the nearest enclosing part's.
     *
     * @param path the path
     * @return the position, or 1:1 when nothing matches
     */
    Position at(String path) {
        for (String p = path; ; p = parent(p)) {
            Position position = find(p);
            if (position != null) {
                return position;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
        }
    }

    private Position find(String path) {
        Position value = values.get(path);
        return value != null ? value : keys.get(path);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
