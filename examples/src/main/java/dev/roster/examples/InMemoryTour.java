package dev.roster.examples;

import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.testkit.InMemoryInvitationProvider;
import java.io.PrintStream;
import java.util.List;

/**
 * The library's main job end to end against the in-memory provider: invite, invite again
 * (idempotent), list page by page, act as an invitee, revoke, and handle the errors a caller meets.
 * It prints each step. Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:java}.
 */
public final class InMemoryTour {

    private InMemoryTour() {}

    /**
     * Runs the tour.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        InMemoryInvitationProvider backend = new InMemoryInvitationProvider();
        try (InvitationProvider invitations = InvitationProviders.withPolicy(backend, ProviderConfig.defaults())) {
            out.println("Provider: " + invitations.info().displayName() + " (id " + invitations.info().id() + ")");

            Invitation ada = invitations.invite(InvitationRequest.builder("ada@example.com").role("admin").build());
            out.println("Invited  " + describe(ada));
            for (String email : List.of("grace@example.com", "linus@example.com", "margaret@example.com")) {
                out.println("Invited  " + describe(invitations.invite(InvitationRequest.of(email))));
            }

            Invitation again = invitations.invite(InvitationRequest.of("ADA@example.com"));
            out.println("Invited ADA@example.com again: got the same invitation back (" + again.id() + "), none sent twice");

            out.println("Listing in pages of 2:");
            PageRequest request = PageRequest.first(2);
            for (int number = 1; ; number++) {
                Page<Invitation> page = invitations.list(request);
                out.println("  page " + number + ": " + page.items().stream().map(Invitation::email).toList());
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                request = PageRequest.after(2, page.nextCursor().get());
            }

            backend.accept(ada.id());
            out.println("Ada accepted: " + invitations.find(ada.id()).map(InMemoryTour::describe).orElseThrow());

            Invitation grace = invitations.findByEmail("Grace@Example.com").orElseThrow();
            out.println("Revoked  " + grace.email() + ": " + invitations.revoke(grace.id()));
            out.println("Revoked an unknown id: " + invitations.revoke("inv-does-not-exist"));

            try {
                invitations.revoke(ada.id());
            } catch (ConflictException e) {
                out.println("Revoking Ada's accepted invitation failed as it should: " + e.reason() + " - " + e.getMessage());
            }
            try {
                invitations.find("../admin");
            } catch (InvalidRequestException e) {
                out.println("A hostile id never leaves the process: " + e.getMessage());
            }
            try {
                invitations.invite(InvitationRequest.builder("kim@example.com").role("superuser").build());
            } catch (UnsupportedCapabilityException e) {
                out.println("An unknown role is refused before any I/O: " + e.getMessage());
            }

            long pending = invitations.stream().filter(Invitation::isPending).count();
            out.println("Done: " + backend.snapshot().size() + " invitations, " + pending + " still pending.");
        }
    }

    private static String describe(Invitation invitation) {
        return invitation.email() + " as " + invitation.role().orElse("(no role)") + " -> " + invitation.id()
                + " [" + invitation.status() + "]";
    }
}
