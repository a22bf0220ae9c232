package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roster list}: every invitation at the chosen vendors, fetched page by page and printed as
 * each page arrives.
 */
@Command(mixinStandardHelpOptions = true, name = "list",
        description = {"List the invitations at every chosen vendor.",
            "Every invitation at the chosen vendors (default: every vendor whose credentials are set), "
                + "fetched page by page and printed as each page arrives.",
            "-o json writes one JSON object per line, so a pipe can stream it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  roster list",
            "  roster list --vendor openai --status pending",
            "  roster list --email @example.com --limit 20 -o csv",
            "  roster list -o json | jq -r 'select(.status == \"expired\") | .email'"})
final class ListCommand extends VendorCommand {

    /** The statuses --status takes. */
    enum Status {
        pending, accepted, expired, revoked, unknown;

        InvitationStatus value() {
            return InvitationStatus.valueOf(name().toUpperCase(Locale.ROOT));
        }
    }

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", description = "Only invitations in this state: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--email", paramLabel = "TEXT", description = "Only addresses containing this text (case-insensitive).")
    String email;

    @Option(names = "--limit", paramLabel = "N", description = "At most N invitations in all.")
    Integer limit;

    private String wanted;

    @Override
    int run(Terminal terminal) {
        if (limit != null && limit < 1) {
            throw new UsageException("--limit must be at least 1; got " + limit + ".");
        }
        List<String> chosen = vendors.choose(vendorIds);
        wanted = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        Map<String, PagedListing.Source> sources = new LinkedHashMap<>();
        Map<String, Integer> pageSizes = new LinkedHashMap<>();
        for (String id : chosen) {
            sources.put(id, request -> PagedListing.Fetched.of(vendors.provider(id).list(request), this::matches,
                    Records::invitation));
            pageSizes.put(id, vendors.info(id).capabilities().maxPageSize());
        }
        try (Output output = output(terminal, Output.Shape.LINES, Records.INVITATION, Records.INVITATION_TABLE);
                Progress progress = Progress.of(terminal, "read")) {
            return PagedListing.print(sources, pageSizes, output, progress, limit, reporter, "list");
        }
    }

    private boolean matches(Invitation invitation) {
        return (status == null || invitation.status() == status.value())
                && (wanted == null || invitation.email().toLowerCase(Locale.ROOT).contains(wanted));
    }
}
