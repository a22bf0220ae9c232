package dev.roster.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that talks to vendors takes. */
final class CommonOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output = Format.table;

    @Option(names = "--base-uri", paramLabel = "ID=URI",
            description = "Send a vendor's requests to this base URI (a proxy, a sandbox). "
                    + "Wins over the variable ROSTER_<ID>_BASE_URI.")
    Map<String, String> baseUris = new LinkedHashMap<>();

    @Option(names = "--debug", description = "Show stack traces and the HTTP wire log on stderr (credentials masked).")
    boolean debug;
}
