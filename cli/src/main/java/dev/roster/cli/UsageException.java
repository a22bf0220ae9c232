package dev.roster.cli;

/** Bad usage or input the command line found itself (exit code 2): nothing was sent. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String vendor;

    UsageException(String message) {
        this(null, message);
    }

    /**
     * Bad input for one vendor.
     *
     * @param vendor the vendor it concerns, or null
     * @param message what is wrong and what to do
     */
    UsageException(String vendor, String message) {
        super(message);
        this.vendor = vendor;
    }

    /** The vendor the input was wrong for, or null. */
    String vendor() {
        return vendor;
    }
}
