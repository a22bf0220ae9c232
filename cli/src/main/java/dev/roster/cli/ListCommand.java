package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        int code = ExitCodes.OK;
        int shown = 0;
        try (Output output = output(terminal, Output.Shape.LINES, Records.INVITATION, Records.INVITATION_TABLE);
                Progress progress = Progress.of(terminal, "read")) {
            // Every vendor's first page first, so that a table's columns fit them all; then each
            // vendor in turn, its rows printed page by page as they arrive.
            Map<String, Listing> listings = new LinkedHashMap<>();
            for (String id : chosen) {
                Listing listing = new Listing(id, progress);
                try {
                    listing.next();
                    listing.page.forEach(output::measure);
                    listings.put(id, listing);
                } catch (RuntimeException e) {
                    reporter.failure(id, "list", e);
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
            for (Listing listing : listings.values()) {
                try {
                    while (true) {
                        for (Map<String, Object> record : listing.page) {
                            if (limit != null && shown >= limit) {
                                break;
                            }
                            output.add(record);
                            shown++;
                        }
                        progress.clear();
                        output.flush();
                        if (listing.done() || (limit != null && shown >= limit)) {
                            break;
                        }
                        listing.next();
                    }
                } catch (RuntimeException e) {
                    output.flush();
                    reporter.failure(listing.vendor, "list", e);
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
        }
        return code;
    }

    /** One vendor's invitations, page by page. */
    private final class Listing {
        final String vendor;
        final Progress progress;
        final Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        boolean started;
        List<Map<String, Object>> page = List.of();

        Listing(String vendor, Progress progress) {
            this.vendor = vendor;
            this.progress = progress;
        }

        boolean done() {
            return started && cursor.isEmpty();
        }

        /** Fetches the next page and keeps the invitations that match. */
        void next() {
            InvitationProvider provider = vendors.provider(vendor);
            int pageSize = provider.info().capabilities().maxPageSize();
            Page<Invitation> fetched = provider.list(cursor.isEmpty() ? PageRequest.first(pageSize)
                    : PageRequest.after(pageSize, cursor.get()));
            started = true;
            progress.done(vendor, fetched.items().size());
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Invitation invitation : fetched.items()) {
                if (matches(invitation)) {
                    kept.add(Records.invitation(invitation));
                }
            }
            page = kept;
            cursor = fetched.nextCursor();
            if (cursor.isPresent() && !seen.add(cursor.get())) {
                throw new ProviderUnavailableException("The vendor returned the same page cursor twice; stopped listing "
                        + "to avoid a loop.");
            }
        }
    }

    private boolean matches(Invitation invitation) {
        return (status == null || invitation.status() == status.value())
                && (wanted == null || invitation.email().toLowerCase(Locale.ROOT).contains(wanted));
    }
}
