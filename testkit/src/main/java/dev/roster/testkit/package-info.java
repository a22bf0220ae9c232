/**
 * The conformance contract every adapter passes, and the reference adapter applications test with.
 *
 * <ul>
 *   <li>{@link dev.roster.testkit.InvitationProviderContract}: a JUnit 5 class an adapter's test extends
 *       in a few lines; {@code @Nested} groups per capability, each failure saying what the adapter did
 *       and what the contract wants.</li>
 *   <li>{@link dev.roster.testkit.InMemoryInvitationProvider}: passes the whole contract; what an
 *       application uses in its own unit tests instead of a vendor.</li>
 *   <li>{@link dev.roster.testkit.VendorControl}: how a test acts like the vendor's people (accept, expire,
 *       join).</li>
 * </ul>
 *
 * <p>This module needs core and JUnit only. The WireMock vendor simulators, the OpenAPI checks and the
 * contracts that need a vendor on the wire are in {@code roster-testkit-http}:
 * {@code dev.roster.testkit.simulator}, {@code dev.roster.testkit.openapi},
 * {@code dev.roster.testkit.reliability} and {@code dev.roster.testkit.security}.
 */
package dev.roster.testkit;
