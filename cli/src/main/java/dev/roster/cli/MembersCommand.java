package dev.roster.cli;

import dev.roster.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roster members}: the members of every chosen vendor's organisation (the people who accepted),
 * fetched page by page and printed as each page arrives. A vendor that cannot list members is named in a
 * note and skipped; the others are still listed.
 */
@Command(mixinStandardHelpOptions = true, name = "members",
        description = {"List the members (people who accepted) at every chosen vendor.",
            "Every member at the chosen vendors (default: every vendor whose credentials are set), fetched page by "
                + "page and printed as each page arrives. A vendor that cannot list members is named on stderr and "
                + "skipped.",
            "-o json writes one JSON object per line, so a pipe can stream it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  roster members",
            "  roster members --vendor confluent -o csv",
            "  roster members --email @example.com --no-service-accounts",
            "  roster members -o json | jq -r .email"})
final class MembersCommand extends VendorCommand {

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Option(names = "--email", paramLabel = "TEXT", description = "Only addresses containing this text (case-insensitive).")
    String email;

    @Option(names = "--no-service-accounts", description = "Leave out the members the vendor says are service accounts.")
    boolean noServiceAccounts;

    @Option(names = "--limit", paramLabel = "N", description = "At most N members in all.")
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
            dev.roster.ProviderInfo info = vendors.info(id);
            if (!info.capabilities().members().list()) {
                reporter.note("note: " + id + " skipped: " + info.displayName() + " cannot list members through Roster "
                        + "(roster vendors shows what each vendor can do).");
                continue;
            }
            sources.put(id, request -> PagedListing.Fetched.of(vendors.provider(id).members().list(request), this::matches,
                    Records::member));
            pageSizes.put(id, info.capabilities().maxPageSize());
        }
        if (sources.isEmpty()) {
            throw new UsageException("None of the chosen vendors (" + String.join(", ", chosen) + ") can list members.");
        }
        try (Output output = output(terminal, Output.Shape.LINES, Records.MEMBER, Records.MEMBER_TABLE);
                Progress progress = Progress.of(terminal, "read")) {
            return PagedListing.print(sources, pageSizes, output, progress, limit, reporter, "members");
        }
    }

    private boolean matches(Member member) {
        return !(noServiceAccounts && member.serviceAccount())
                && (wanted == null || member.email().map(e -> e.toLowerCase(Locale.ROOT).contains(wanted)).orElse(false));
    }
}
