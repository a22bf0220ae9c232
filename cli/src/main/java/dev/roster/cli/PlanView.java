package dev.roster.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.roster.ProjectGrant;
import dev.roster.sync.Access;
import dev.roster.sync.Action;
import dev.roster.sync.Plan;
import dev.roster.sync.PlanStep;
import dev.roster.sync.PlannedConnection;
import dev.roster.sync.ProjectAccess;
import dev.roster.sync.SeenInvitation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;

/**
 * A plan as people read it (grouped by vendor, Terraform's {@code +} / {@code ~} / {@code -} marks and
 * {@code x} for a member removed,
 * the summary line) and as machines keep it: the engine's {@link Plan} record as JSON, the same
 * document for {@code -o json} and {@code --out plan.json}, read back exactly.
 */
final class PlanView {

    /** The plan's JSON: the records as they are, Optionals as values or null, unknown fields refused. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PlanView() {}

    /**
     * The plan as JSON.
     *
     * @param plan the plan
     * @return the document
     */
    static String json(Plan plan) {
        try {
            return JSON.writeValueAsString(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a plan.
     *
     * @param plan the plan
     * @param file where
     */
    static void save(Plan plan, Path file) {
        try {
            Files.writeString(file, json(plan) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot write the plan to " + file + ": " + e.getMessage());
        }
    }

    /**
     * Reads a saved plan.
     *
     * @param file the file {@code roster plan --out} wrote
     * @return the plan
     * @throws UsageException if it cannot be read, or is not such a plan
     */
    static Plan read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read the plan " + file + ": " + e.getMessage());
        }
        try {
            return JSON.readValue(text, Plan.class);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                    : e.getMessage();
            throw new UsageException(file + " is not a plan saved by roster plan --out (" + why + "). Nothing was applied; "
                    + "plan again with roster plan --out " + file + ".");
        }
    }

    /**
     * Writes the plan for people: each vendor with its changes (and the notes of unchanged steps),
     * then the summary line.
     *
     * @param plan the plan
     * @param out where
     * @param colour whether to colour the marks
     * @param redactor masks any credential, should one ever be in what a vendor said
     */
    static void print(Plan plan, PrintWriter out, boolean colour, dev.roster.spi.Redactor redactor) {
        java.io.StringWriter text = new java.io.StringWriter();
        print(plan, new PrintWriter(text), colour);
        out.print(redactor.redact(text.toString()));
        out.flush();
    }

    private static void print(Plan plan, PrintWriter out, boolean colour) {
        int width = plan.steps().stream().mapToInt(s -> s.email().length()).max().orElse(0);
        // As wide as "unchanged" and "re-invite", or "remove-member" when the plan has one.
        int labels = plan.steps().stream().mapToInt(s -> s.action().label().length()).max().orElse(0);
        int labelWidth = Math.max("unchanged".length(), labels);
        for (PlannedConnection connection : plan.connections()) {
            List<PlanStep> steps = plan.steps().stream().filter(s -> s.connection().equals(connection.name())).toList();
            long unchanged = steps.stream().filter(s -> !s.action().changes()).count();
            out.println(connection.name() + " (" + connection.providerId() + switch (connection.prune()) {
                case OFF -> "";
                case PENDING -> ", prune: pending";
                case MEMBERS -> ", prune: members";
            } + ")");
            List<String> lines = new ArrayList<>();
            for (PlanStep step : steps) {
                if (step.action().changes()) {
                    lines.add("  " + mark(step.action(), colour) + " " + pad(step.email(), width) + "  "
                            + pad(step.action().label(), labelWidth) + "  " + detail(step));
                } else if (step.note().isPresent()) {
                    lines.add("    " + pad(step.email(), width) + "  " + pad("unchanged", labelWidth) + "  # " + step.note().get());
                }
            }
            lines.forEach(line -> out.println(line.stripTrailing()));
            out.println("    (" + (steps.size() - unchanged) + " to change, " + unchanged + " unchanged)");
            out.println();
        }
        out.println(plan.summary().describe());
        out.flush();
    }

    private static String mark(Action action, boolean colour) {
        if (!colour) {
            return action.mark();
        }
        String style = switch (action) {
            case INVITE, REINVITE -> "green";
            case REPLACE -> "yellow";
            case REVOKE -> "red";
            case REMOVE_MEMBER -> "red,bold";
            case UNCHANGED -> null;
        };
        return style == null ? action.mark() : Ansi.ON.string("@|" + style + " " + action.mark() + "|@");
    }

    /** What the step will do and why, in a few words. */
    private static String detail(PlanStep step) {
        List<String> parts = new ArrayList<>();
        step.wanted().ifPresent(wanted -> parts.add(describe(wanted)));
        if (step.action() == Action.REMOVE_MEMBER) {
            step.member().ifPresent(member -> parts.add("member " + member.id() + ", not in the file"
                    + member.role().map(r -> ", role " + r).orElse("")));
            step.seen().filter(seen -> seen.status() == dev.roster.InvitationStatus.PENDING)
                    .ifPresent(seen -> parts.add("pending " + seen.id() + " revoked first"));
            step.note().ifPresent(parts::add);
            return String.join("; ", parts);
        }
        step.seen().ifPresent(seen -> parts.add(switch (step.action()) {
            case REPLACE -> "pending " + seen.id() + " has " + describe(seen);
            case REVOKE -> "pending " + seen.id() + ", not in the file" + (seen.role().map(r -> ", role " + r).orElse(""));
            default -> status(seen) + " " + seen.id();
        }));
        step.note().ifPresent(parts::add);
        return parts.stream().filter(p -> !p.isBlank()).collect(Collectors.joining("; "));
    }

    private static String status(SeenInvitation seen) {
        return "was " + seen.status().name().toLowerCase(Locale.ROOT);
    }

    private static String describe(Access access) {
        List<String> parts = new ArrayList<>();
        access.role().ifPresent(role -> parts.add("role " + role));
        access.projects().ifPresent(projects -> parts.add("projects [" + projects.stream()
                .map(PlanView::project).collect(Collectors.joining(", ")) + "]"));
        access.attributes().forEach((key, value) -> parts.add(key + "=" + value));
        return parts.isEmpty() ? "the vendor's defaults" : String.join(", ", parts);
    }

    private static String describe(SeenInvitation seen) {
        return seen.role().map(r -> "role " + r).orElse("no role") + (seen.projects().isEmpty() ? ""
                : ", projects [" + seen.projects().stream().map(PlanView::grant).collect(Collectors.joining(", ")) + "]");
    }

    private static String project(ProjectAccess project) {
        return project.id() + ":" + project.role();
    }

    private static String grant(ProjectGrant grant) {
        return grant.projectId() + ":" + grant.role();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
