package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.NotFoundException;
import dev.roster.spi.InputRules;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roster get --vendor V ID}: one invitation by its id. */
@Command(mixinStandardHelpOptions = true, name = "get",
        description = {"Show one invitation by its id.", "Exit 1 if the vendor has no such invitation."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster get --vendor openai invite-abc123", "  roster get --vendor confluent i-x7y8z9 -o json"})
final class GetCommand extends VendorCommand {

    @Option(names = "--vendor", paramLabel = "ID", required = true, description = "The vendor.")
    String vendor;

    @Parameters(paramLabel = "ID", description = "The invitation's id.")
    String id;

    @Override
    int run(Terminal terminal) {
        String invitationId = InputRules.invitationId(id);
        String chosen = vendors.choose(List.of(vendor)).get(0);
        Optional<Invitation> found = vendors.provider(chosen).find(invitationId);
        if (found.isEmpty()) {
            reporter.failure(chosen, "get " + invitationId, new NotFoundException(
                    "No invitation with this id at " + chosen + "; list them with roster list --vendor " + chosen + "."));
            return ExitCodes.FAILED;
        }
        try (Output output = output(terminal, Output.Shape.SINGLE, Records.INVITATION, Records.INVITATION_TABLE)) {
            output.add(Records.invitation(found.get()));
        }
        return ExitCodes.OK;
    }
}
