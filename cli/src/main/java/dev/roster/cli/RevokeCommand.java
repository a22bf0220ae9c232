package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.NotFoundException;
import dev.roster.spi.InputRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roster revoke}: withdraws invitations by id at one vendor, or every pending invitation of
 * one person. More than one asks for confirmation on a terminal; without one, {@code --yes} is needed.
 */
@Command(mixinStandardHelpOptions = true, name = "revoke",
        description = {"Withdraw invitations, by id or by person.",
            "By id at one vendor, or every pending invitation of one person (--email) at every chosen vendor.",
            "More than one asks for confirmation on a terminal; --yes skips it. Without a terminal, more than one "
                    + "needs --yes: roster does not guess."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster revoke --vendor openai invite-abc123",
            "  roster revoke --email ada@example.com",
            "  roster revoke --email ada@example.com --vendor confluent --yes"})
final class RevokeCommand extends VendorCommand {

    @Option(names = "--vendor", split = ",", paramLabel = "ID",
            description = "The vendor (exactly one with ids; with --email, default every vendor whose credentials are set).")
    List<String> vendorIds = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "The invitations' ids.")
        List<String> ids;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Every pending invitation of this address.")
        String email;
    }

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    /** One invitation to withdraw. */
    private record Planned(String vendor, String id, String email) {}

    @Override
    int run(Terminal terminal) {
        int code = ExitCodes.OK;
        List<Planned> plan = new ArrayList<>();
        if (target.ids != null) {
            if (vendorIds.size() != 1) {
                throw new UsageException("Revoking by id needs exactly one --vendor: ids belong to one vendor.");
            }
            List<String> checked = target.ids.stream().map(InputRules::invitationId).distinct().toList();
            String vendor = vendors.choose(vendorIds).get(0);
            checked.forEach(id -> plan.add(new Planned(vendor, id, null)));
        } else {
            String address = InputRules.email(target.email);
            for (String vendor : vendors.choose(vendorIds)) {
                try {
                    Optional<Invitation> found = vendors.provider(vendor).findByEmail(address).filter(Invitation::isPending);
                    found.ifPresent(invitation -> plan.add(new Planned(vendor, invitation.id(), invitation.email())));
                } catch (RuntimeException e) {
                    reporter.failure(vendor, "find " + address, e);
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
            if (plan.isEmpty()) {
                reporter.note("No pending invitation for " + address + "; nothing to revoke.");
            }
        }
        if (plan.size() > 1 && !yes && !confirmed(terminal, plan)) {
            return ExitCodes.worst(code, ExitCodes.FAILED);
        }
        try (Output output = output(terminal, Output.Shape.DOCUMENT, Records.OUTCOME, Records.OUTCOME_TABLE)) {
            for (Planned planned : plan) {
                try {
                    boolean revoked = vendors.provider(planned.vendor()).revoke(planned.id());
                    if (revoked) {
                        output.add(Records.outcome(planned.vendor(), planned.email(), "revoked", planned.id(), null));
                    } else {
                        NotFoundException missing = new NotFoundException("The vendor has no invitation with this id; "
                                + "list them with roster list --vendor " + planned.vendor() + ".");
                        reporter.failure(planned.vendor(), "revoke " + planned.id(), missing);
                        output.add(Records.outcome(planned.vendor(), planned.email(), "not found", planned.id(), missing));
                        code = ExitCodes.worst(code, ExitCodes.FAILED);
                    }
                } catch (RuntimeException e) {
                    reporter.failure(planned.vendor(), "revoke " + planned.id(), e);
                    Map<String, Object> row = Records.outcome(planned.vendor(), planned.email(), "failed", planned.id(), e);
                    output.add(row);
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
        }
        return code;
    }

    private boolean confirmed(Terminal terminal, List<Planned> plan) {
        if (!terminal.interactive()) {
            throw new UsageException("This would revoke " + plan.size() + " invitations and there is no terminal to "
                    + "confirm it: add --yes to go ahead.");
        }
        terminal.err().println("About to revoke " + plan.size() + " invitations:");
        plan.forEach(p -> terminal.err().println("  " + p.vendor() + "  " + p.id() + (p.email() == null ? "" : "  " + p.email())));
        terminal.err().print("Revoke them? [y/N] ");
        terminal.err().flush();
        try {
            String answer = terminal.in().readLine();
            if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        } catch (IOException e) {
            // No answer is a no.
        }
        terminal.err().println("Nothing revoked.");
        terminal.err().flush();
        return false;
    }
}
