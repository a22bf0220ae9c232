package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.ProviderConfig;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The vendor simulators on 127.0.0.1 that the command tests run against, and helpers to read what roster printed. */
abstract class SimulatorTest {

    @RegisterExtension
    static final OpenAiSimulator openai = Cli.openai();

    @RegisterExtension
    static final ConfluentSimulator confluent = Cli.confluent();

    static final ObjectMapper JSON = new ObjectMapper();

    static Cli cli() {
        return Cli.against(openai, confluent);
    }

    static int requests() {
        return openai.requestsReceived() + confluent.requestsReceived();
    }

    static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    static List<Map<String, String>> csv(String out) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out)) {
            return rows.readAll();
        }
    }

    static Invitation at(String vendor, String email) {
        ProviderConfig config = vendor.equals("openai") ? openai.config() : confluent.config();
        try (InvitationProvider provider = InvitationProviders.load(vendor, config)) {
            return provider.findByEmail(email).orElseThrow();
        }
    }

}
