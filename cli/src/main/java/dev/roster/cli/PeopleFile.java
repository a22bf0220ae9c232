package dev.roster.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.roster.RosterException;
import dev.roster.spi.InputRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The people of {@code roster invite --from-file}: a CSV file, one person per line, an optional
 * header row naming the columns {@code email} and {@code role}; without a header the first column
 * is the email and the second, if any, the role. Blank lines and lines starting with {@code #} are
 * skipped. Each line is read on its own (so a bad line is reported with its number and the others
 * still count); quoting follows RFC 4180, read by Jackson's CSV parser.
 */
final class PeopleFile {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES);

    /**
     * A person to invite.
     *
     * @param email the address, checked
     * @param role the role from the file, if any
     * @param source where it came from, such as {@code "people.csv line 3"}
     */
    record Person(String email, Optional<String> role, String source) {}

    /**
     * A line that could not be read.
     *
     * @param source such as {@code "people.csv line 3"}
     * @param failure why
     */
    record BadLine(String source, RosterException failure) {}

    /**
     * What a file held.
     *
     * @param people the good lines
     * @param bad the bad ones
     */
    record Contents(List<Person> people, List<BadLine> bad) {}

    private PeopleFile() {}

    static Contents read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read --from-file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + ".");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Person> people = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        int emailColumn = 0;
        int roleColumn = 1;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String source = name + " line " + (i + 1);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = cells(line);
            } catch (IOException e) {
                bad.add(new BadLine(source, new dev.roster.InvalidRequestException(
                        "This line is not valid CSV (an unclosed quote?); fix it or remove it.")));
                continue;
            }
            if (first) {
                first = false;
                List<String> lower = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                if (lower.contains("email")) {
                    emailColumn = lower.indexOf("email");
                    roleColumn = lower.indexOf("role");
                    continue;
                }
            }
            try {
                String email = InputRules.email(emailColumn < cells.size() ? cells.get(emailColumn) : null);
                Optional<String> role = roleColumn >= 0 && roleColumn < cells.size() && !cells.get(roleColumn).isBlank()
                        ? Optional.of(cells.get(roleColumn)) : Optional.empty();
                people.add(new Person(email, role, source));
            } catch (RosterException e) {
                bad.add(new BadLine(source, e));
            }
        }
        return new Contents(people, bad);
    }

    private static List<String> cells(String line) throws IOException {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(line)) {
            return rows.hasNextValue() ? List.of(rows.nextValue()) : List.of();
        }
    }

}
