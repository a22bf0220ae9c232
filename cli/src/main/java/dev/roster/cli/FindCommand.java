package dev.roster.cli;

import dev.roster.Invitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roster find EMAIL}: one person's invitation at every chosen vendor. */
@Command(mixinStandardHelpOptions = true, name = "find",
        description = {"Find one person's invitations at every chosen vendor.",
            "At each vendor (default: every vendor whose credentials are set): the pending invitation, else the latest."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster find ada@example.com", "  roster find ada@example.com --vendor confluent -o json"})
final class FindCommand extends VendorCommand {

    @Parameters(paramLabel = "EMAIL", description = "The address.")
    String email;

    @Option(names = "--vendor", split = ",", paramLabel = "ID", description = "Only these vendors (comma-separated).")
    List<String> vendorIds = new ArrayList<>();

    @Override
    int run(Terminal terminal) {
        String address = dev.roster.spi.InputRules.email(email);
        List<String> chosen = vendors.choose(vendorIds);
        int code = ExitCodes.OK;
        try (Output output = output(terminal, Output.Shape.DOCUMENT, Records.INVITATION, Records.INVITATION_TABLE)) {
            for (String id : chosen) {
                try {
                    Optional<Invitation> found = vendors.provider(id).findByEmail(address);
                    found.ifPresent(invitation -> output.add(Records.invitation(invitation)));
                } catch (RuntimeException e) {
                    reporter.failure(id, "find " + address, e);
                    code = ExitCodes.worst(code, ExitCodes.of(e));
                }
            }
        }
        return code;
    }
}
