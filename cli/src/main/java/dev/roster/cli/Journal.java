package dev.roster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.spi.Redactor;
import dev.roster.sync.StepResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code roster apply --journal FILE}: one JSON line per step, appended and flushed as each step ends
 * (time, vendor, email, action, outcome, invitation id, vendor request id, message), every text
 * passed through the run's redactor. Without a file it writes nothing.
 */
final class Journal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter writer;
    private final Redactor redactor;

    private Journal(BufferedWriter writer, Redactor redactor) {
        this.writer = writer;
        this.redactor = redactor;
    }

    static Journal open(Path file, Redactor redactor) {
        if (file == null) {
            return new Journal(null, redactor);
        }
        try {
            return new Journal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), redactor);
        } catch (IOException e) {
            throw new UsageException("Cannot open the journal " + file + ": " + e.getMessage());
        }
    }

    void write(StepResult result) {
        if (writer == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", result.time().toString());
        ApplyCommand.record(result).forEach(line::put);
        line.replaceAll((key, value) -> value instanceof String text ? redactor.redact(text) : value);
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
