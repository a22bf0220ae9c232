package dev.roster.cli;

import dev.roster.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code roster schema}: the JSON Schema of {@code roster.yaml}, for editors to validate and complete it. */
@Command(mixinStandardHelpOptions = true, name = "schema",
        description = {"Print the JSON Schema (draft 2020-12) of roster.yaml.",
            "Point your editor's YAML support at it to validate and complete the file as you type."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster schema > roster.schema.json",
            "  # then, first line of roster.yaml (VS Code / IntelliJ YAML support):",
            "  # yaml-language-server: $schema=./roster.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    /** Where the schema ships, next to this class. */
    static final String RESOURCE = "roster-file.schema.json";

    @ParentCommand
    RosterCommand root;

    @Override
    public Integer call() {
        root.terminal().out().print(text());
        root.terminal().out().flush();
        return ExitCodes.OK;
    }

    /** Where the resource lists the credential names: filled from core, so that no vendor is named here. */
    private static final String CREDENTIALS = "[\"${ProviderConfig.KNOWN_CREDENTIALS}\"]";

    /** The schema's text, its credential names those {@link ProviderConfig#KNOWN_CREDENTIALS} lists. */
    static String text() {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + RESOURCE + "; rebuild it");
            }
            String names = ProviderConfig.KNOWN_CREDENTIALS.stream().map(name -> "\"" + name + "\"")
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(CREDENTIALS, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
