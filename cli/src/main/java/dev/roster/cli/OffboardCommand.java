package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Offboarding;
import dev.roster.spi.InputRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roster offboard EMAIL}: ends one person's access at every chosen vendor, whatever state it is
 * in: pending invitations revoked, membership removed. It looks first and shows what it will do, asks on
 * a terminal ({@code --yes} skips it; without a terminal {@code --yes} is required), then offboards at
 * each vendor and reports each step. A vendor that fails does not stop the others; running it again is
 * safe: what was done is found done.
 *
 * <p>{@code --member VENDOR=ID} (repeatable) also removes that member id at that vendor, after the
 * address's invitations there: for a vendor that cannot find members by email (it does not reveal
 * their addresses), where offboarding by address leaves the membership unchecked.
 */
@Command(mixinStandardHelpOptions = true, name = "offboard",
        description = {"End one person's access at every chosen vendor: pending invitations revoked, membership removed.",
            "Looks first and shows what it will do at each vendor (default: every vendor whose credentials are set), "
                + "asks for confirmation on a terminal (--yes skips it; without a terminal --yes is required), then "
                + "reports each step: invitation revoked, member removed, nothing found.",
            "Some vendors do not reveal members' addresses (roster vendors shows which cannot find members by email): "
                + "there the membership is not checked by address; name the member with --member VENDOR=ID (the id "
                + "roster members shows, such as a login) to remove it too.",
            "A failure at one vendor does not stop the others (exit 1). Running it again is safe: a second run finds "
                + "nothing to do. A removed member cannot be restored by Roster: invite them again."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster offboard ada@example.com",
            "  roster offboard ada@example.com --vendor openai --yes",
            "  roster offboard ada@example.com --member <vendor>=<member id> --yes",
            "  roster offboard ada@example.com --yes -o json"})
final class OffboardCommand extends VendorCommand {

    @Parameters(paramLabel = "EMAIL", description = "The person's address.")
    String email;

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Option(names = "--member", paramLabel = "VENDOR=ID", description = {"Also remove this member at this vendor, by "
            + "the id roster members shows (repeatable): for a vendor that cannot find members by email, such as one that "
            + "knows members by login."})
    List<String> members = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    /** What offboarding will do at one vendor, as looked up first: by address, and the members named by id. */
    private record Preview(Optional<Invitation> pending, Optional<Member> member, boolean membersChecked, List<Member> byId) {
        boolean anything() {
            return pending.isPresent() || member.isPresent() || !byId.isEmpty();
        }
    }

    @Override
    int run(Terminal terminal) {
        String address = InputRules.email(email);
        List<String> chosen = vendors.choose(vendorIds);
        Map<String, List<String>> byId = memberIds(chosen);
        int code = ExitCodes.OK;
        Map<String, Preview> previews = new LinkedHashMap<>();
        List<Map<String, Object>> failedLookups = new ArrayList<>();
        for (String vendor : chosen) {
            try {
                previews.put(vendor, preview(vendors.provider(vendor), address, byId.getOrDefault(vendor, List.of())));
            } catch (RuntimeException e) {
                reporter.failure(vendor, "find " + address, e);
                failedLookups.add(Records.outcome(vendor, address, "failed", null, e));
                code = ExitCodes.worst(code, ExitCodes.of(e));
            }
        }
        boolean anything = previews.values().stream().anyMatch(Preview::anything);
        if (anything && !yes && !confirmed(terminal, address, previews)) {
            return ExitCodes.worst(code, ExitCodes.FAILED);
        }
        try (Output output = output(terminal, Output.Shape.DOCUMENT, Records.OFFBOARDING, Records.OFFBOARDING_TABLE)) {
            failedLookups.forEach(output::add);
            for (String vendor : previews.keySet()) {
                Offboarding done;
                try {
                    done = vendors.provider(vendor).offboard(address);
                    rows(vendor, address, done, byId.containsKey(vendor)).forEach(output::add);
                    if (done.membership() == Offboarding.Membership.NOT_CHECKED && !byId.containsKey(vendor)) {
                        reporter.note("note: " + vendor + ": membership not checked. " + done.note().orElse("")
                                + " With roster: add --member " + vendor + "=ID (the id roster members shows).");
                    }
                } catch (RuntimeException e) {
                    reporter.failure(vendor, "offboard " + address, e);
                    output.add(Records.outcome(vendor, address, "failed", null, e));
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                    continue;
                }
                for (String id : byId.getOrDefault(vendor, List.of())) {
                    if (done.removedMembers().stream().anyMatch(m -> m.id().equals(id))) {
                        continue; // removed by address already, and reported
                    }
                    try {
                        boolean removed = vendors.provider(vendor).members().remove(id);
                        output.add(Records.outcome(vendor, address, removed ? "member removed" : "not a member", id, null));
                    } catch (RuntimeException e) {
                        reporter.failure(vendor, "remove member " + id, e);
                        output.add(Records.outcome(vendor, address, "failed", id, e));
                        code = ExitCodes.worst(code, ExitCodes.of(e));
                    }
                }
            }
        }
        if (code != ExitCodes.OK) {
            reporter.note("Some vendors failed (see above); running roster offboard again is safe: what was done is "
                    + "found done.");
        }
        return code;
    }

    /**
     * The {@code --member} ids by vendor, checked before anything is read: each names one of the chosen
     * vendors, one that can remove members, and an id of a member id's shape.
     */
    private Map<String, List<String>> memberIds(List<String> chosen) {
        Map<String, List<String>> byVendor = new LinkedHashMap<>();
        for (String given : members) {
            int equals = given.indexOf('=');
            if (equals < 1 || equals == given.length() - 1) {
                throw new UsageException("--member takes VENDOR=ID: a vendor's id as roster vendors lists it, '=', and the "
                        + "member's id as roster members shows it; got "
                        + InputRules.quote(given) + ".");
            }
            String vendor = given.substring(0, equals).strip();
            String id = InputRules.memberId(given.substring(equals + 1).strip());
            if (!chosen.contains(vendor)) {
                throw new UsageException("--member " + InputRules.quote(given) + " names the vendor " + InputRules.quote(vendor)
                        + ", which is not among the vendors this offboards at (" + String.join(", ", chosen) + ").");
            }
            dev.roster.ProviderInfo info = vendors.info(vendor);
            if (!info.capabilities().members().remove()) {
                throw new UsageException("--member " + InputRules.quote(given) + ": " + info.displayName() + " cannot remove "
                        + "members through Roster (roster vendors shows what each vendor can do).");
            }
            List<String> ids = byVendor.computeIfAbsent(vendor, v -> new ArrayList<>());
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return byVendor;
    }

    private static Preview preview(InvitationProvider provider, String address, List<String> ids) {
        Optional<Invitation> pending = provider.findByEmail(address).filter(Invitation::isPending);
        MemberCapabilities can = provider.info().capabilities().members();
        boolean checked = can.findByEmail() && can.remove();
        Optional<Member> member = checked ? provider.members().findByEmail(address) : Optional.empty();
        List<Member> byId = new ArrayList<>();
        for (String id : ids) {
            if (can.list()) {
                provider.members().find(id).filter(m -> member.map(same -> !same.id().equals(m.id())).orElse(true))
                        .ifPresent(byId::add);
            } else {
                byId.add(Member.builder().id(id).provider(provider.info().id()).build()); // cannot look it up: shown as named
            }
        }
        return new Preview(pending, member, checked, byId);
    }

    /** One row per step done at a vendor, or one saying there was nothing. */
    private static List<Map<String, Object>> rows(String vendor, String address, Offboarding done, boolean namedMembers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Invitation revoked : done.revokedInvitations()) {
            rows.add(Records.outcome(vendor, address, "revoked", revoked.id(), null));
        }
        switch (done.membership()) {
            case REMOVED -> done.removedMembers().forEach(member ->
                    rows.add(Records.outcome(vendor, address, "member removed", member.id(), null)));
            case NOT_CHECKED -> {
                Map<String, Object> row = Records.outcome(vendor, address, "not checked", null, null);
                row.put("message", done.note().orElse("this vendor cannot look members up by email or remove them "
                        + "through Roster: any membership is untouched; remove it in the vendor's console")
                        + (namedMembers ? " The members named with --member follow." : " With roster: add --member "
                        + vendor + "=ID (the id roster members shows)."));
                rows.add(row);
            }
            case NOT_A_MEMBER -> {
                if (rows.isEmpty() && !namedMembers) {
                    rows.add(Records.outcome(vendor, address, "nothing found", null, null));
                }
            }
        }
        return rows;
    }

    private boolean confirmed(Terminal terminal, String address, Map<String, Preview> previews) {
        List<String> steps = new ArrayList<>();
        previews.forEach((vendor, preview) -> {
            preview.pending().ifPresent(i -> steps.add(vendor + ": revoke pending invitation " + i.id()));
            preview.member().ifPresent(m -> steps.add(vendor + ": remove member " + m.id()
                    + m.role().map(r -> " (role " + r + ")").orElse("")));
            preview.byId().forEach(m -> steps.add(vendor + ": remove member " + m.id()
                    + m.role().map(r -> " (role " + r + ")").orElse("") + ", named with --member"));
            if (!preview.membersChecked()) {
                steps.add(vendor + ": membership not checked by address (this vendor cannot look members up by email"
                        + (preview.byId().isEmpty() ? "; name the member with --member " + vendor + "=ID to remove it" : "")
                        + ")");
            }
        });
        if (!terminal.interactive()) {
            throw new UsageException("This would offboard " + address + " (" + String.join("; ", steps) + ") and there is "
                    + "no terminal to confirm it: add --yes to go ahead.");
        }
        terminal.err().println("About to offboard " + address + ":");
        steps.forEach(step -> terminal.err().println("  " + step));
        terminal.err().println("A removed member cannot be restored by Roster: they would need a new invitation.");
        return terminal.confirm("Offboard " + address + "?", "Nothing changed.");
    }
}
