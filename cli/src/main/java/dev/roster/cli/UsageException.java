package dev.roster.cli;

/** Bad usage or input the command line found itself (exit code 2): nothing was sent. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
