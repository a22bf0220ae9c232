package dev.roster.testkit;

/** The {@link VendorControl} of a backend that has none. */
enum NoVendorControl implements VendorControl {
    INSTANCE;

    @Override
    public void accept(String invitationId) {
        throw new UnsupportedOperationException("This backend cannot accept invitations");
    }

    @Override
    public void expire(String invitationId) {
        throw new UnsupportedOperationException("This backend cannot expire invitations");
    }
}
