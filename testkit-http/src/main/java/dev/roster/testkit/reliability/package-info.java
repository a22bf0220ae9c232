/**
 * Contracts that prove an adapter, behind core's policy, keeps its promises when the vendor misbehaves:
 * {@link dev.roster.testkit.reliability.ReliabilityContract} (retries that never invite twice, unknown outcomes
 * looked up before re-sending, rate limits honoured, concurrency, a random-fault soak with a fixed seed) and
 * {@link dev.roster.testkit.reliability.MemberReliabilityContract} (the same for member removal and offboarding).
 * Both drive the adapter through a {@link dev.roster.testkit.simulator.VendorSimulator}.
 */
package dev.roster.testkit.reliability;
