package dev.roster.cli;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.ProviderInfo;
import dev.roster.RosterException;
import dev.roster.StandingInvitation;
import dev.roster.spi.InputRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roster invite}: invites every address at every chosen vendor, concurrently per vendor
 * through one provider per vendor, and reports one row per (vendor, email). Running it again
 * changes nothing: a pending invitation is reported, not sent again.
 */
@Command(mixinStandardHelpOptions = true, name = "invite",
        description = {"Invite people at every chosen vendor.",
            "Invites every address at every chosen vendor (default: every vendor whose credentials are set).",
            "One row per vendor and address: invited, already pending (with the existing invitation's id), "
                    + "already a member, or failed with the reason. Running it twice changes nothing the second time."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  roster invite ada@example.com grace@example.com",
            "  roster invite --vendor openai --role owner --project proj_a ada@acme.io",
            "  roster invite --vendor confluent --attr auth_type=AUTH_TYPE_SSO ada@acme.io",
            "  roster invite --from-file people.csv -o csv > invited.csv",
            "",
            "people.csv: one person per line, an optional header 'email,role';",
            "# starts a comment. A bad line is reported with its line number on stderr;",
            "the others are still invited (exit 1)."})
final class InviteCommand extends VendorCommand {

    /** Up to this many people, each is looked up on its own (a filtered request where the vendor has one). */
    private static final int LOOKUP_EACH_UP_TO = 10;
    /** The exit code a failed row stands for, carried with the row until it is printed (never printed). */
    private static final String EXIT = "\u0000exit";

    @Parameters(paramLabel = "EMAIL", arity = "0..*", description = "The addresses to invite.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "The organisation role (default: each vendor's default role).")
    String role;

    @Option(names = "--project", paramLabel = "ID[=ROLE]",
            description = "Grant this project (repeatable); ROLE defaults to member.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--no-projects", description = "Grant no project at all, not even the vendor's default one.")
    boolean noProjects;

    @Option(names = "--attr", paramLabel = "KEY=VALUE", description = "A vendor attribute (repeatable), see roster vendors.")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = "--from-file", paramLabel = "FILE", description = "Also invite the people listed in this CSV file.")
    Path file;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
            description = "Invitations sent at once per vendor (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    int run(Terminal terminal) {
        if (concurrency < 1 || concurrency > 32) {
            throw new UsageException("--concurrency must be between 1 and 32; got " + concurrency + ".");
        }
        if (noProjects && !projects.isEmpty()) {
            throw new UsageException("--no-projects and --project contradict each other: give one of them.");
        }
        List<PeopleFile.Person> people = new ArrayList<>();
        for (String email : emails) {
            people.add(new PeopleFile.Person(InputRules.email(email), Optional.empty(), "argument"));
        }
        int code = ExitCodes.OK;
        if (file != null) {
            PeopleFile.Contents contents = PeopleFile.read(file);
            for (PeopleFile.BadLine bad : contents.bad()) {
                reporter.failure(null, bad.source(), bad.failure());
                code = ExitCodes.worst(code, ExitCodes.FAILED);
            }
            people.addAll(contents.people());
        }
        if (people.isEmpty()) {
            throw new UsageException(file == null ? "Name at least one address to invite, or --from-file FILE."
                    : "No one to invite: " + file + " holds no valid address.");
        }
        List<PeopleFile.Person> everyone = dedupe(people);
        List<String> chosen = vendors.choose(vendorIds);
        Map<String, InvitationProvider> providers = new LinkedHashMap<>();
        for (String id : chosen) {
            providers.put(id, vendors.provider(id));
        }
        // Everything that can be refused is refused here, before a single request to any vendor.
        Map<String, List<InvitationRequest>> requests = new LinkedHashMap<>();
        providers.forEach((id, provider) -> requests.put(id, requests(provider.info(), everyone)));

        List<Map<String, Object>> rows = new ArrayList<>();
        try (Progress progress = Progress.of(terminal, "invited")) {
            Map<String, List<Future<Map<String, Object>>>> running = new LinkedHashMap<>();
            List<ExecutorService> pools = new ArrayList<>();
            try {
                for (Map.Entry<String, InvitationProvider> vendor : providers.entrySet()) {
                    progress.total(vendor.getKey(), everyone.size());
                    ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemon("roster-invite-" + vendor.getKey()));
                    pools.add(pool);
                    running.put(vendor.getKey(), submit(pool, vendor.getKey(), vendor.getValue(),
                            requests.get(vendor.getKey()), progress));
                }
                for (List<Future<Map<String, Object>>> futures : running.values()) {
                    for (Future<Map<String, Object>> future : futures) {
                        rows.add(get(future));
                    }
                }
            } finally {
                pools.forEach(ExecutorService::shutdownNow);
            }
        }
        try (Output output = output(terminal, Output.Shape.DOCUMENT, Records.OUTCOME, Records.OUTCOME_TABLE)) {
            for (Map<String, Object> row : rows) {
                Object exit = row.remove(EXIT);
                if (exit instanceof Integer failedWith) {
                    code = ExitCodes.worst(code, failedWith);
                }
                output.add(row);
            }
        }
        return code;
    }

    private List<Future<Map<String, Object>>> submit(ExecutorService pool, String vendor, InvitationProvider provider,
            List<InvitationRequest> requests, Progress progress) {
        Map<String, Invitation> pending = new HashMap<>();
        boolean snapshot = requests.size() > LOOKUP_EACH_UP_TO;
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        if (snapshot) {
            // Many people: read the vendor's invitations once instead of once per person.
            Future<Map<String, Invitation>> all = pool.submit(() -> {
                Map<String, Invitation> found = new HashMap<>();
                try (Stream<Invitation> invitations = provider.stream()) {
                    // Only pending ones matter here, and of two for one address the same rule as findByEmail picks.
                    invitations.filter(Invitation::isPending).forEach(i -> found.merge(key(i.email()), i, StandingInvitation::of));
                }
                return found;
            });
            try {
                pending.putAll(get(all));
            } catch (RosterException e) {
                reporter.failure(vendor, "read the pending invitations", e);
                for (InvitationRequest request : requests) {
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(failed(vendor, request.email(), e)));
                }
                progress.done(vendor, requests.size());
                return futures;
            }
        }
        for (InvitationRequest request : requests) {
            futures.add(pool.submit(() -> {
                try {
                    return invite(vendor, provider, request, snapshot ? Optional.ofNullable(pending.get(key(request.email())))
                            : null);
                } finally {
                    progress.done(vendor, 1);
                }
            }));
        }
        return futures;
    }

    /** Invites one person at one vendor, unless a pending invitation is there already. */
    private Map<String, Object> invite(String vendor, InvitationProvider provider, InvitationRequest request,
            Optional<Invitation> knownPending) {
        try {
            Optional<Invitation> existing = knownPending != null ? knownPending
                    : provider.findByEmail(request.email()).filter(Invitation::isPending);
            if (existing.isPresent()) {
                return Records.outcome(vendor, request.email(), "already pending", existing.get().id(), null);
            }
            Invitation sent = provider.invite(request);
            return Records.outcome(vendor, request.email(), "invited", sent.id(), null);
        } catch (ConflictException e) {
            if (e.reason() == ConflictException.Reason.ALREADY_MEMBER) {
                return Records.outcome(vendor, request.email(), "already a member", null, null);
            }
            return failed(vendor, request.email(), e);
        } catch (RuntimeException e) {
            return failed(vendor, request.email(), e);
        }
    }

    private Map<String, Object> failed(String vendor, String email, RuntimeException e) {
        reporter.failure(vendor, "invite " + email, e);
        Map<String, Object> row = Records.outcome(vendor, email, "failed", null, e);
        row.put(EXIT, ExitCodes.of(e));
        return row;
    }

    /** The requests for one vendor, checked against what it declares: a refusal here sends nothing anywhere. */
    private List<InvitationRequest> requests(ProviderInfo info, List<PeopleFile.Person> people) {
        Capabilities capabilities = info.capabilities();
        List<InvitationRequest> out = new ArrayList<>();
        for (PeopleFile.Person person : people) {
            InvitationRequest.Builder builder = InvitationRequest.builder(person.email());
            String wantedRole = person.role().orElse(role);
            if (wantedRole != null) {
                if (!capabilities.roles().contains(wantedRole)) {
                    throw new UsageException(info.id(), info.id() + " has no role '" + wantedRole + "'"
                            + (person.source().equals("argument") ? "" : " (" + person.source() + ")") + "; "
                            + (capabilities.roles().isEmpty() ? "it takes no role at all: leave --role out, or choose other vendors with --vendor."
                                    : "its roles are " + String.join(", ", new TreeSet<>(capabilities.roles())) + ".")
                            + " Nothing was sent.");
                }
                builder.role(wantedRole);
            }
            if (noProjects || !projects.isEmpty()) {
                if (!capabilities.projectGrants()) {
                    throw new UsageException(info.id(), info.id() + " has no projects: leave --project/--no-projects out, or choose "
                            + "other vendors with --vendor. Nothing was sent.");
                }
                if (noProjects) {
                    builder.noProjects();
                }
                for (String project : projects) {
                    int eq = project.indexOf('=');
                    String projectRole = eq < 0 ? "member" : project.substring(eq + 1);
                    if (!capabilities.projectRoles().contains(projectRole)) {
                        throw new UsageException(info.id(), info.id() + " has no project role '" + projectRole + "'; its project roles are "
                                + String.join(", ", new TreeSet<>(capabilities.projectRoles())) + " (--project ID=ROLE). Nothing was sent.");
                    }
                    builder.project(eq < 0 ? project : project.substring(0, eq), projectRole);
                }
            }
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                java.util.Set<String> allowed = capabilities.vendorAttributes().get(attribute.getKey());
                if (allowed == null || (!allowed.isEmpty() && !allowed.contains(attribute.getValue()))) {
                    throw new UsageException(info.id(), info.id() + " does not take --attr " + attribute.getKey() + "="
                            + attribute.getValue() + "; it takes " + (capabilities.vendorAttributes().isEmpty() ? "no attributes"
                                    : capabilities.vendorAttributes()) + " (see roster vendors). Nothing was sent.");
                }
                builder.attribute(attribute.getKey(), attribute.getValue());
            }
            out.add(builder.build());
        }
        return out;
    }

    private static List<PeopleFile.Person> dedupe(List<PeopleFile.Person> people) {
        Map<String, PeopleFile.Person> unique = new LinkedHashMap<>();
        people.forEach(person -> unique.putIfAbsent(key(person.email()), person));
        return List.copyOf(unique.values());
    }

    private static String key(String email) {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("Interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
