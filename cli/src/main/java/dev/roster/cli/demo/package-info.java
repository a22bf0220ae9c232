/**
 * {@code roster demo} and {@code roster sandbox}: the only part of the command line that names
 * vendors, to wire their simulators from {@code roster-testkit} on 127.0.0.1.
 */
package dev.roster.cli.demo;
