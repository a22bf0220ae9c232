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
 */
@Command(mixinStandardHelpOptions = true, name = "offboard",
        description = {"End one person's access at every chosen vendor: pending invitations revoked, membership removed.",
            "Looks first and shows what it will do at each vendor (default: every vendor whose credentials are set), "
                + "asks for confirmation on a terminal (--yes skips it; without a terminal --yes is required), then "
                + "reports each step: invitation revoked, member removed, nothing found.",
            "A failure at one vendor does not stop the others (exit 1). Running it again is safe: a second run finds "
                + "nothing to do. A removed member cannot be restored by Roster: invite them again."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster offboard ada@example.com",
            "  roster offboard ada@example.com --vendor openai --yes",
            "  roster offboard ada@example.com --yes -o json"})
final class OffboardCommand extends VendorCommand {

    @Parameters(paramLabel = "EMAIL", description = "The person's address.")
    String email;

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    /** What offboarding will do at one vendor, as looked up first. */
    private record Preview(Optional<Invitation> pending, Optional<Member> member, boolean membersChecked) {
        boolean anything() {
            return pending.isPresent() || member.isPresent();
        }
    }

    @Override
    int run(Terminal terminal) {
        String address = InputRules.email(email);
        List<String> chosen = vendors.choose(vendorIds);
        int code = ExitCodes.OK;
        Map<String, Preview> previews = new LinkedHashMap<>();
        List<Map<String, Object>> failedLookups = new ArrayList<>();
        for (String vendor : chosen) {
            try {
                previews.put(vendor, preview(vendors.provider(vendor), address));
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
                try {
                    rows(vendor, address, vendors.provider(vendor).offboard(address)).forEach(output::add);
                } catch (RuntimeException e) {
                    reporter.failure(vendor, "offboard " + address, e);
                    output.add(Records.outcome(vendor, address, "failed", null, e));
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
        }
        if (code != ExitCodes.OK) {
            reporter.note("Some vendors failed (see above); running roster offboard again is safe: what was done is "
                    + "found done.");
        }
        return code;
    }

    private static Preview preview(InvitationProvider provider, String address) {
        Optional<Invitation> pending = provider.findByEmail(address).filter(Invitation::isPending);
        MemberCapabilities can = provider.info().capabilities().members();
        boolean checked = can.findByEmail() && can.remove();
        Optional<Member> member = checked ? provider.members().findByEmail(address) : Optional.empty();
        return new Preview(pending, member, checked);
    }

    /** One row per step done at a vendor, or one saying there was nothing. */
    private static List<Map<String, Object>> rows(String vendor, String address, Offboarding done) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Invitation revoked : done.revokedInvitations()) {
            rows.add(Records.outcome(vendor, address, "revoked", revoked.id(), null));
        }
        switch (done.membership()) {
            case REMOVED -> done.removedMembers().forEach(member ->
                    rows.add(Records.outcome(vendor, address, "member removed", member.id(), null)));
            case NOT_CHECKED -> {
                Map<String, Object> row = Records.outcome(vendor, address, "not checked", null, null);
                row.put("message", "this vendor cannot look members up by email or remove them through Roster: any "
                        + "membership is untouched; remove it in the vendor's console");
                rows.add(row);
            }
            case NOT_A_MEMBER -> {
                if (rows.isEmpty()) {
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
            if (!preview.membersChecked()) {
                steps.add(vendor + ": membership not checked (this vendor cannot look members up by email)");
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
