/**
 * Benchmarks of Roster against the baselines it must beat: a hand-written JDK {@code HttpClient} +
 * Jackson client, and the official OpenAI Java SDK. {@link dev.roster.benchmarks.LoopbackServer} answers
 * vendor-shaped JSON on 127.0.0.1 from a process of its own; the JMH classes measure per-call latency and
 * allocation; the {@code *Runner} programs measure what JMH cannot (streaming in a small heap, bulk invites
 * under a rate limit, cold start, the cost of a re-invite). {@code benchmarks/run.sh} runs them all.
 */
package dev.roster.benchmarks;
