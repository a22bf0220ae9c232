/**
 * The {@code roster} command line: invite, list, find, get and revoke invitations across every
 * vendor on the class path, found through {@link dev.roster.InvitationProviders}. It names no
 * vendor; {@link dev.roster.cli.demo} wires the simulators for the demo and the sandbox.
 */
package dev.roster.cli;
