/**
 * Stateful fakes of the vendors' invitation and member endpoints on WireMock, bound to 127.0.0.1:
 * {@link dev.roster.testkit.simulator.OpenAiSimulator}, {@link dev.roster.testkit.simulator.ConfluentSimulator}
 * and {@link dev.roster.testkit.simulator.GitHubSimulator}, on {@link dev.roster.testkit.simulator.VendorSimulator}
 * (faults, latency, rate limits, the request journal, {@link dev.roster.testkit.VendorControl}). Each is a
 * JUnit 5 extension, and a {@link java.util.ServiceLoader} service, so that tools such as {@code roster demo}
 * find every simulator on the class path without naming a vendor. Their traffic is checked against the
 * vendors' OpenAPI contracts by {@link dev.roster.testkit.openapi.OpenApiValidation} when the build names
 * the specs' folder.
 */
package dev.roster.testkit.simulator;
