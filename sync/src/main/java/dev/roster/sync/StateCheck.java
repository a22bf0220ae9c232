package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.ProviderInfo;
import dev.roster.spi.InputRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds every problem of a desired state against the connected providers' capabilities, without any
 * I/O, each with its path in the file's terms.
 */
final class StateCheck {

    static final Pattern CONNECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final DesiredState state;
    private final Map<String, InvitationProvider> providers;
    private final List<Problem> problems = new ArrayList<>();

    private StateCheck(DesiredState state, Map<String, InvitationProvider> providers) {
        this.state = state;
        this.providers = providers;
    }

    static List<Problem> problems(DesiredState state, Map<String, InvitationProvider> providers) {
        StateCheck check = new StateCheck(state, providers);
        Map<String, ProviderInfo> known = check.connections();
        check.people(known);
        return List.copyOf(check.problems);
    }

    /** Checks the connections; answers the info of each usable one, by name. */
    private Map<String, ProviderInfo> connections() {
        Map<String, ProviderInfo> usable = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < state.connections().size(); i++) {
            ConnectionSpec connection = state.connections().get(i);
            String name = connection.name();
            if (!CONNECTION_NAME.matcher(name).matches()) {
                report("vendors[" + i + "]", "the vendor name " + InputRules.quote(name) + " is not usable: use 1 to 64 "
                        + "letters, digits, '.', '_' and '-', starting with a letter or digit, such as openai-research");
                continue;
            }
            String path = "vendors." + name;
            if (!seen.add(name)) {
                report(path, "the vendor " + InputRules.quote(name) + " is declared twice; give each connection its own name");
                continue;
            }
            if (connection.providerId().isBlank()) {
                report(path + ".provider", "a provider id is required, such as openai or confluent");
                continue;
            }
            InvitationProvider provider = providers.get(name);
            if (provider == null) {
                report(path, "no provider was connected for vendor " + InputRules.quote(name) + "; connect one under "
                        + "this name (RosterSync.of(Map.of(\"" + name + "\", provider)))");
                continue;
            }
            ProviderInfo info = provider.info();
            if (!info.id().equals(connection.providerId())) {
                report(path + ".provider", "is " + InputRules.quote(connection.providerId()) + ", but the provider connected "
                        + "for " + InputRules.quote(name) + " is " + InputRules.quote(info.id())
                        + "; name the provider it uses, or connect the right one");
                continue;
            }
            access("defaults." + name, connection.defaults(), info);
            if (connection.prune() == Prune.MEMBERS && !MemberIndex.prunable(info.capabilities())) {
                dev.roster.MemberCapabilities can = info.capabilities().members();
                report(path + ".prune", can.list() && can.remove() && !can.findByEmail()
                        ? "prune: members needs to match members to the addresses in this file, and " + info.displayName()
                                + " does not reveal members' addresses, so Roster could never tell who is not listed; use "
                                + "prune: pending to revoke pending invitations only, and remove members by id "
                                + "(members().remove(id); roster offboard EMAIL --member " + info.id() + "=ID)"
                        : "prune: members needs a vendor that can list and remove members, and " + info.displayName()
                                + " cannot (roster vendors shows what each can do); use prune: pending to revoke pending "
                                + "invitations only");
            }
            usable.put(name, info);
        }
        return usable;
    }

    private void people(Map<String, ProviderInfo> known) {
        Map<String, Integer> firstByEmail = new HashMap<>();
        Set<String> declared = new TreeSet<>();
        state.connections().forEach(c -> declared.add(c.name()));
        for (int i = 0; i < state.people().size(); i++) {
            Person person = state.people().get(i);
            String path = "people[" + i + "]";
            email(path + ".email", person.email(), i, firstByEmail);
            person.connections().forEach((name, overrides) -> {
                String at = path + ".vendors." + name;
                if (!declared.contains(name)) {
                    report(at, "unknown vendor " + InputRules.quote(name) + "; the declared vendors are "
                            + (declared.isEmpty() ? "none" : String.join(", ", declared)));
                } else if (known.containsKey(name)) {
                    access(at, overrides, known.get(name));
                }
            });
        }
    }

    private void email(String path, String email, int index, Map<String, Integer> firstByEmail) {
        try {
            String valid = InputRules.email(email);
            Integer first = firstByEmail.putIfAbsent(Checks.emailKey(valid), index);
            if (first != null) {
                report(path, InputRules.quote(valid) + " is listed twice (people[" + first + "] has it; addresses are "
                        + "compared ignoring case); keep one entry and list all its vendors there");
            }
        } catch (InvalidRequestException e) {
            report(path, e.getMessage());
        }
    }

    private void access(String path, Access access, ProviderInfo info) {
        Capabilities capabilities = info.capabilities();
        access.role().ifPresent(role -> role(path + ".role", role, info));
        access.projects().ifPresent(projects -> {
            if (!capabilities.projectGrants() && !projects.isEmpty()) {
                report(path + ".projects", info.displayName() + " invitations cannot grant projects; leave projects out");
                return;
            }
            Set<String> ids = new HashSet<>();
            for (int j = 0; j < projects.size(); j++) {
                project(path + ".projects[" + j + "]", projects.get(j), info, ids);
            }
        });
        access.attributes().forEach((key, value) -> attribute(path + ".attributes." + key, key, value, info));
    }

    private void role(String path, String role, ProviderInfo info) {
        Capabilities capabilities = info.capabilities();
        if (!capabilities.supportsRoles()) {
            report(path, info.displayName() + " invitations carry no role; leave role out");
        } else if (!capabilities.roles().contains(role)) {
            report(path, InputRules.quote(role) + " is not a role " + info.displayName() + " has; use one of "
                    + new TreeSet<>(capabilities.roles()));
        }
    }

    private void project(String path, ProjectAccess project, ProviderInfo info, Set<String> ids) {
        try {
            InputRules.projectId(project.id());
            if (!ids.add(project.id())) {
                report(path + ".id", "the project " + InputRules.quote(project.id()) + " is listed twice; list it once");
            }
        } catch (InvalidRequestException e) {
            report(path + ".id", e.getMessage());
        }
        Set<String> roles = info.capabilities().projectRoles();
        if (project.role() == null || !roles.contains(project.role())) {
            report(path + ".role", Optional.ofNullable(project.role()).map(InputRules::quote).map(r -> r + " is not")
                    .orElse("a project role is required: give") + " a project role " + info.displayName() + " has; use one of "
                    + new TreeSet<>(roles));
        }
    }

    private void attribute(String path, String key, String value, ProviderInfo info) {
        Map<String, Set<String>> accepted = info.capabilities().vendorAttributes();
        if (!accepted.containsKey(key)) {
            report(path, info.displayName() + " takes no attribute " + InputRules.quote(key) + "; "
                    + (accepted.isEmpty() ? "it takes none" : "use one of " + new TreeSet<>(accepted.keySet())));
        } else if (value.isBlank()) {
            report(path, "a value is required");
        } else if (!accepted.get(key).isEmpty() && !accepted.get(key).contains(value)) {
            report(path, InputRules.quote(value) + " is not a value " + info.displayName() + " accepts for " + key
                    + "; use one of " + new TreeSet<>(accepted.get(key)));
        }
    }

    private void report(String path, String message) {
        problems.add(new Problem(path, message));
    }
}
