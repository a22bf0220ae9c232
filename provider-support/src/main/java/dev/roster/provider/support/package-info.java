/**
 * <b>Internal:</b> the plumbing shared by Roster's Feign-based adapters, not an API for applications
 * (they use {@code dev.roster} and {@code InvitationProviders}). Its types may change in any release.
 *
 * <ul>
 *   <li>{@link dev.roster.provider.support.FeignClients}: the Feign client for an endpoint, with the
 *       transport, timeouts, no redirects, no Feign retries (core retries), lenient Jackson;</li>
 *   <li>{@link dev.roster.provider.support.FeignCalls}: runs a call and turns what Feign throws
 *       (I/O, timeouts, unreadable bodies, mapping failures) into {@code RosterException}s;</li>
 *   <li>{@link dev.roster.provider.support.ErrorResponses}: reads an error answer's body and headers,
 *       redacted, for an adapter's {@code ErrorDecoder};</li>
 *   <li>{@link dev.roster.provider.support.RedactingLogger}: Feign's wire log without credentials.</li>
 * </ul>
 */
package dev.roster.provider.support;
