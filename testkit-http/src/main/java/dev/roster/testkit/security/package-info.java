/**
 * Contracts that prove an adapter is safe to point at the outside world:
 * {@link dev.roster.testkit.security.HostileInputContract} (a corpus of hostile input never reaches the vendor
 * or another endpoint), {@link dev.roster.testkit.security.SecretLeakContract} (no credential in logs, messages,
 * {@code toString} or any exception's reachable fields) and
 * {@link dev.roster.testkit.security.TransportSafetyContract} (no redirect followed, plain HTTP refused beyond
 * loopback, its requests checked against the vendor's contract). Each drives the adapter through a
 * {@link dev.roster.testkit.simulator.VendorSimulator}.
 */
package dev.roster.testkit.security;
