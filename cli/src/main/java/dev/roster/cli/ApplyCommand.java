package dev.roster.cli;

import dev.roster.sync.ApplyListener;
import dev.roster.sync.ApplyOptions;
import dev.roster.sync.ApplyReport;
import dev.roster.sync.Outcome;
import dev.roster.sync.Plan;
import dev.roster.sync.StepResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roster apply}: plans, shows the plan, asks, and carries it out; or carries out exactly a
 * plan saved by {@code roster plan --out}, each step checked against the vendor first.
 */
@Command(mixinStandardHelpOptions = true, name = "apply",
        description = {"Bring the vendors in step with roster.yaml: plan, show, confirm, apply.",
            "Asks for confirmation on a terminal (--yes skips it; without a terminal --yes is required). With a saved "
                    + "PLAN.json, applies exactly that plan: a step whose invitation changed since is skipped as stale, "
                    + "and a plan made for another file or other vendors is refused.",
            "Steps run a few at a time per vendor, through one provider each (429s are waited out). A failed step "
                    + "does not stop the others; running again is safe and converges.",
            "Exit codes: 0 every step done or skipped as stale; 1 a step failed; 2 bad usage, a problem in the file, "
                    + "a refused plan, or no confirmation; 3 configuration."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster apply                             # plan ./roster.yaml, show it, ask",
            "  roster apply -f examples/roster.yaml --yes",
            "  roster plan --out plan.json && roster apply plan.json",
            "  roster apply --yes --journal roster-journal.jsonl"})
final class ApplyCommand extends SyncCommand {

    @Parameters(paramLabel = "PLAN.json", arity = "0..1", description = "A plan saved by roster plan --out, to apply exactly.")
    Path saved;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Append one JSON line per step (time, vendor, email, action, outcome, ids); never a credential.")
    Path journal;

    /** The columns of a step's outcome. */
    static final List<String> COLUMNS = List.of("vendor", "email", "action", "outcome", "invitation_id", "request_id", "message");
    private static final List<String> TABLE = List.of("vendor", "email", "action", "outcome", "invitation_id", "message");

    @Override
    int work(Terminal terminal) {
        if (common.output == Format.csv) {
            throw new UsageException("apply prints a table (default) or json (-o json); not csv.");
        }
        try (Loaded loaded = load(terminal)) {
            Plan plan;
            ApplyOptions options = ApplyOptions.defaults();
            if (saved != null) {
                plan = PlanView.read(saved);
            } else {
                plan = loaded.sync.plan(loaded.state);
                if (common.output == Format.table) {
                    PlanView.print(plan, terminal.out(), terminal.colour(), loaded.redactor);
                } else {
                    reporter.note(plan.summary().describe());
                }
                if (plan.changes().isEmpty()) {
                    return ExitCodes.OK;
                }
                if (!yes && !confirmed(terminal, plan)) {
                    return ExitCodes.FAILED;
                }
                // Planned just now without a pause: the listing is fresh, and core's invite is idempotent anyway.
                // After a confirmation (which may have waited), each step is checked against the vendor again.
                options = options.withCheckPreconditions(!yes);
            }
            ApplyReport report;
            try (Journal lines = Journal.open(journal, loaded.redactor); Progress progress = Progress.of(terminal, "steps")) {
                plan.connections().forEach(c -> progress.total(c.name(), (int) plan.changes().stream()
                        .filter(s -> s.connection().equals(c.name())).count()));
                report = loaded.sync.apply(plan, loaded.state, options, new ApplyListener() {
                    @Override
                    public void finished(StepResult result) {
                        progress.done(result.connection(), 1);
                        lines.write(result);
                    }
                });
            }
            try (Output output = Output.of(common.output, Output.Shape.DOCUMENT, COLUMNS, TABLE, terminal.out(),
                    terminal.colour(), loaded.redactor)) {
                report.results().forEach(result -> output.add(record(result)));
            }
            if (common.output == Format.table) {
                terminal.out().println();
                terminal.out().println(report.describe());
                terminal.out().flush();
            } else {
                reporter.note(report.describe());
            }
            if (report.anyFailed()) {
                reporter.note("Some steps failed (see above); running roster apply again is safe: what was done is not "
                        + "done twice.");
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /** A step's outcome as a record: the table's row, the JSON's object. */
    static Map<String, Object> record(StepResult result) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vendor", result.connection());
        record.put("email", result.email());
        record.put("action", result.action().label());
        record.put("outcome", outcome(result.outcome()));
        record.put("invitation_id", result.invitationId().orElse(null));
        record.put("request_id", result.requestId().orElse(null));
        record.put("message", result.message().orElse(null));
        return record;
    }

    static String outcome(Outcome outcome) {
        return switch (outcome) {
            case DONE -> "done";
            case SKIPPED_STALE -> "stale";
            case FAILED -> "failed";
        };
    }

    private boolean confirmed(Terminal terminal, Plan plan) {
        int changes = plan.changes().size();
        if (!terminal.interactive()) {
            throw new UsageException("This would make " + changes + (changes == 1 ? " change" : " changes")
                    + " and there is no terminal to confirm it: add --yes to go ahead, or save the plan with "
                    + "roster plan --out plan.json, review it, and apply exactly it with roster apply plan.json.");
        }
        return terminal.confirm("Apply these " + changes + (changes == 1 ? " change" : " changes") + "?", "Nothing applied.");
    }
}
