package dev.roster.github;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.RetryPolicy;
import dev.roster.testkit.security.HostileInputContract;
import dev.roster.testkit.security.HostileInputs;
import dev.roster.testkit.simulator.GitHubSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GitHub: the hostile-input corpus")
class GitHubHostileInputTest extends HostileInputContract {

    @RegisterExtension
    static final GitHubSimulator github = new GitHubSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("github", github.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
    }

    @Override
    protected VendorSimulator simulator() {
        return github;
    }

    /** Pages are numbered; findByEmail and find page through both lists: GitHub filters nothing by email. */
    @Override
    protected Endpoints endpoints() {
        String org = "/orgs/" + github.org();
        return new Endpoints(org + "/invitations", "per_page", "page", Optional.empty())
                .alsoListing(org + "/failed_invitations");
    }

    /** Members live at their membership, by login: the member-id cases run against members().find and remove too. */
    @Override
    protected Optional<String> membersPath() {
        return Optional.of("/orgs/" + github.org() + "/memberships");
    }

    /**
     * Member ids are logins, which GitHub judges itself (a user's, an Enterprise Managed User's
     * {@code ada_acme}): every id core accepts is sent, and an unknown one answered 404.
     */
    @Override
    protected boolean memberIdFormatHolds(String value) {
        return true;
    }

    /** A team of the simulated organization: GitHub's project grants are teams, by numeric id. */
    @Override
    protected String sampleProjectId() {
        return "12";
    }

    /** A team invitation names teams only: Roster's project role has no place on GitHub's wire. */
    @Override
    protected boolean vendorCarries(HostileInputs.Target target) {
        return target != HostileInputs.Target.PROJECT_ROLE;
    }

    /** GitHub's invitation and team ids are positive numbers; its cursors are the adapter's own. */
    @Override
    protected boolean vendorFormatHolds(HostileInputs.Target target, String value) {
        switch (target) {
            case INVITATION_ID:
            case PROJECT_ID:
                return value.matches("[1-9][0-9]{0,17}");
            case CURSOR:
                return false;
            default:
                return true;
        }
    }
}
