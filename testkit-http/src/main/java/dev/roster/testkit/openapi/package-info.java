/**
 * Checking simulated traffic against the vendors' own OpenAPI contracts:
 * {@link dev.roster.testkit.openapi.OpenApiValidation} validates every exchange a simulator served (declared,
 * deliberate deviations one by one), {@link dev.roster.testkit.openapi.VendorSpecs} finds the contracts in the
 * folder the build names ({@code -Droster.specs.dir} or {@code ROSTER_SPECS_DIR}) and, without it, says once per
 * test run how many exchanges went unchecked ({@link dev.roster.testkit.openapi.SpecCheckSummary}). The
 * validator (swagger-request-validator) is an optional dependency: a module that checks traffic declares it.
 */
package dev.roster.testkit.openapi;
