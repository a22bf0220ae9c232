package dev.roster.cli;

import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.NotFoundException;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.UnsupportedCapabilityException;
import java.time.Duration;
import picocli.CommandLine;

/**
 * The one place that decides what a failure means for the exit code, and how it is said in words.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>done</td></tr>
 *   <tr><td>1</td><td>some operation failed (the rest was done, and said so)</td></tr>
 *   <tr><td>2</td><td>bad usage or input: nothing was sent</td></tr>
 *   <tr><td>3</td><td>configuration or credentials: a missing key, a 401 or a 403</td></tr>
 * </table>
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    /** Everything was done. */
    public static final int OK = 0;
    /** Some operation failed; the others were done, and said so. */
    public static final int FAILED = 1;
    /** Bad usage or input (picocli's own code for usage errors): nothing was sent. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Configuration or credentials: a missing key, a 401 or a 403. */
    public static final int CONFIGURATION = 3;

    /** Creates the mapper picocli calls for an exception a command threw. */
    public ExitCodes() {
        // Stateless.
    }

    @Override
    public int getExitCode(Throwable failure) {
        return of(failure);
    }

    /**
     * The exit code a failure stands for.
     *
     * @param failure what went wrong
     * @return 1, 2 or 3
     */
    public static int of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException || failure instanceof UsageException
                || failure instanceof InvalidRequestException || failure instanceof UnsupportedCapabilityException) {
            return USAGE;
        }
        if (failure instanceof ProviderConfigurationException || failure instanceof AuthenticationException
                || failure instanceof PermissionDeniedException) {
            return CONFIGURATION;
        }
        return FAILED;
    }

    /**
     * The worse of two exit codes: configuration (3) over usage (2) over a failed operation (1) over done (0).
     *
     * @param a one code
     * @param b another
     * @return the one that says more is wrong
     */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case FAILED -> 1;
            case USAGE -> 2;
            default -> 3;
        };
    }

    /**
     * The failure's kind in words, such as {@code "rate limited"}.
     *
     * @param failure what went wrong
     * @return the words
     */
    static String reason(Throwable failure) {
        if (failure instanceof ConflictException conflict) {
            return switch (conflict.reason()) {
                case ALREADY_MEMBER -> "already a member";
                case ALREADY_INVITED -> "already invited";
                case ACCEPTED_CANNOT_BE_REVOKED -> "accepted, cannot be revoked";
                case OTHER -> "conflict";
            };
        }
        if (failure instanceof RateLimitedException) {
            return "rate limited";
        }
        if (failure instanceof AuthenticationException) {
            return "authentication failed";
        }
        if (failure instanceof PermissionDeniedException) {
            return "permission denied";
        }
        if (failure instanceof UnsupportedCapabilityException) {
            return "not supported by this vendor";
        }
        if (failure instanceof InvalidRequestException || failure instanceof UsageException
                || failure instanceof CommandLine.ParameterException) {
            return "invalid input";
        }
        if (failure instanceof QuotaExceededException) {
            return "quota exceeded";
        }
        if (failure instanceof NotFoundException) {
            return "not found";
        }
        if (failure instanceof ProviderUnavailableException) {
            return "vendor unavailable";
        }
        if (failure instanceof ProviderConfigurationException) {
            return "configuration";
        }
        return "unexpected error (" + failure.getClass().getSimpleName() + ")";
    }

    /**
     * What a person can do about the failure.
     *
     * @param failure what went wrong
     * @return one sentence
     */
    static String advice(Throwable failure) {
        if (failure instanceof ConflictException conflict) {
            return switch (conflict.reason()) {
                case ALREADY_MEMBER -> "nothing to do: they are in the organisation.";
                case ACCEPTED_CANNOT_BE_REVOKED -> "remove the member in the vendor's console instead.";
                default -> "look the invitation up with roster find, then decide.";
            };
        }
        if (failure instanceof RateLimitedException limited) {
            return limited.retryAfter().map(wait -> "wait " + words(wait) + " and run the command again.")
                    .orElse("wait a minute and run the command again; it is safe to repeat.");
        }
        if (failure instanceof AuthenticationException) {
            return "check the credential variables (roster vendors shows which are set).";
        }
        if (failure instanceof PermissionDeniedException) {
            return "give the key the vendor's organisation-admin role.";
        }
        if (failure instanceof UnsupportedCapabilityException) {
            return "see roster vendors for what this vendor accepts.";
        }
        if (failure instanceof InvalidRequestException) {
            return "fix the input; nothing was sent for it.";
        }
        if (failure instanceof UsageException) {
            return "nothing was changed; see --help for the options and examples.";
        }
        if (failure instanceof NotFoundException) {
            return "check the id: roster list shows the invitations there are.";
        }
        if (failure instanceof QuotaExceededException) {
            return "free capacity or raise the quota at the vendor.";
        }
        if (failure instanceof ProviderUnavailableException) {
            return "try again later; running the same command again is safe.";
        }
        if (failure instanceof ProviderConfigurationException) {
            return "fix the setting named above (roster vendors shows what is configured).";
        }
        return "run again with --debug and report the trace.";
    }

    private static String words(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }
}
