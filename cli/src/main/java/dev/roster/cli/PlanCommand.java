package dev.roster.cli;

import dev.roster.sync.Plan;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roster plan}: what it would take to bring every vendor in step with {@code roster.yaml},
 * read with one listing per vendor and changed nowhere.
 */
@Command(mixinStandardHelpOptions = true, name = "plan",
        description = {"Show what it takes to bring the vendors in step with roster.yaml; changes nothing.",
            "Reads each vendor's invitations (and members, where it can list them) once, and decides per person and "
                    + "vendor: + invite (none, or revoked), + re-invite (expired), ~ replace (pending with another role "
                    + "or projects), - revoke (pending, at a vendor with prune: pending or members, for someone not in "
                    + "the file), x remove-member (a member not in the file, only at a vendor with prune: members; never "
                    + "a service account). A member in the file is unchanged.",
            "Exit codes: 0 done (with --detailed-exitcode: 0 no changes, 2 changes, 1 any error); 2 a problem in the "
                    + "file (all listed, with line:column); 3 configuration."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster plan                          # reads ./roster.yaml",
            "  roster plan -f examples/roster.yaml",
            "  roster plan --out plan.json          # save it, review it, then: roster apply plan.json",
            "  roster plan -o json | jq '.steps[] | select(.action != \"UNCHANGED\")'",
            "  roster plan --detailed-exitcode || echo 'changes (2) or an error (1)'"})
final class PlanCommand extends SyncCommand {

    @Option(names = "--out", paramLabel = "PLAN.json", description = "Also save the plan, for roster apply PLAN.json.")
    Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there is nothing to change, 2 when there is, 1 on any error.")
    boolean detailedExitcode;

    @Override
    int work(Terminal terminal) {
        if (common.output == Format.csv) {
            throw new UsageException("A plan is printed as a table (default) or as json (-o json); not as csv.");
        }
        Plan plan;
        dev.roster.spi.Redactor redactor;
        try (Loaded loaded = load(terminal)) {
            plan = loaded.sync.plan(loaded.state);
            redactor = loaded.redactor;
        }
        if (common.output == Format.json) {
            terminal.out().println(redactor.redact(PlanView.json(plan)));
            terminal.out().flush();
        } else {
            PlanView.print(plan, terminal.out(), terminal.colour(), redactor);
        }
        if (out != null) {
            PlanView.save(plan, out);
            reporter.note("Saved the plan to " + out + "; apply exactly it with: roster apply " + out
                    + (file.toString().equals("roster.yaml") ? "" : " -f " + file));
        }
        if (detailedExitcode) {
            return plan.summary().changes() == 0 ? ExitCodes.OK : 2;
        }
        return ExitCodes.OK;
    }

    @Override
    int failed(RuntimeException failure) {
        return detailedExitcode ? ExitCodes.FAILED : super.failed(failure);
    }
}
