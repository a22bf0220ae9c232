package dev.roster.cli;

import dev.roster.Capabilities;
import dev.roster.MemberCapabilities;
import dev.roster.ProviderInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/** {@code roster vendors}: the providers here, what they can do, and whether they are configured. */
@Command(mixinStandardHelpOptions = true, name = "vendors",
        description = {"What each vendor can do, and whether its credentials are set.",
            "Shows the vendors on the class path, their capabilities and whether their credentials are set "
                    + "(never the values). Sends no request."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster vendors", "  roster vendors -o json | jq '.[] | select(.credentials == \"set\") | .vendor'"})
final class VendorsCommand extends VendorCommand {

    static final List<String> COLUMNS = List.of("vendor", "name", "credentials", "roles", "default_role",
            "project_roles", "attributes", "members", "max_page_size", "base_uri");
    static final List<String> TABLE = List.of("vendor", "name", "credentials", "roles", "default_role",
            "project_roles", "attributes", "members", "max_page_size");

    @Override
    int run(Terminal terminal) {
        try (Output output = output(terminal, Output.Shape.DOCUMENT, COLUMNS, TABLE)) {
            for (String id : vendors.available()) {
                output.add(record(id));
            }
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> record(String id) {
        ProviderInfo info = vendors.info(id);
        Capabilities capabilities = info.capabilities();
        List<String> missing = vendors.missingCredentials(id);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vendor", id);
        record.put("name", info.displayName());
        record.put("credentials", missing.isEmpty() ? "set" : "missing " + String.join(", ", missing));
        record.put("roles", List.copyOf(new TreeSet<>(capabilities.roles())));
        record.put("default_role", capabilities.defaultRole().orElse(null));
        record.put("project_roles", List.copyOf(new TreeSet<>(capabilities.projectRoles())));
        Map<String, Object> attributes = new TreeMap<>();
        capabilities.vendorAttributes().forEach((name, values) -> attributes.put(name, List.copyOf(new TreeSet<>(values))));
        record.put("attributes", attributes);
        record.put("members", memberCalls(capabilities.members()));
        record.put("max_page_size", capabilities.maxPageSize());
        record.put("base_uri", vendors.describeBaseUri(id));
        return record;
    }

    /** What {@code roster members} and {@code roster offboard} can do there: list, find_by_email, remove. */
    private static List<String> memberCalls(MemberCapabilities members) {
        List<String> calls = new ArrayList<>();
        if (members.list()) {
            calls.add("list");
        }
        if (members.findByEmail()) {
            calls.add("find_by_email");
        }
        if (members.remove()) {
            calls.add("remove");
        }
        return List.copyOf(calls);
    }
}
