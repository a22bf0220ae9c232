package dev.roster.internal;

/**
 * What a {@link Pacer} knows, at an instant of its ticker: calls wait for {@code holdUntil}, and are
 * spaced by the larger of the header interval (until {@code headerExpires}) and the learned one.
 * Immutable: the pacer swaps one for another atomically.
 *
 * @param holdUntil no call before this instant (a 429's wait)
 * @param headerInterval nanoseconds between calls the headers allow; 0 when none
 * @param headerExpires when the header interval is forgotten
 * @param learnedRate calls per second learned from 429s; 0 when none
 * @param learnedAt when the learned rate was last set (it rises from there)
 */
record Pace(long holdUntil, long headerInterval, long headerExpires, double learnedRate, long learnedAt) {

    /** The spacing at {@code now}: the header interval stretched by {@code margin}, or the learned one, whichever is longer. */
    long interval(long now, double margin) {
        return interval(now, margin, Double.MAX_VALUE);
    }

    /** As {@link #interval(long, double)}, the learned rate rising no higher than {@code ceiling} calls per second. */
    long interval(long now, double margin, double ceiling) {
        long fromHeaders = headerLive(now) ? (long) (headerInterval * margin) : 0;
        long learned = 0;
        if (learnedLive(now)) {
            double rate = Math.min(learnedRate * (1 + Pacer.PROBE_PER_SECOND * (now - learnedAt) / (double) Pacer.SECOND),
                    Math.max(ceiling, learnedRate));
            learned = (long) (Pacer.SECOND / rate);
        }
        return Math.max(fromHeaders, learned);
    }

    /**
     * The least time between two calls actually sent, whatever their slots: the headers' interval
     * with its margin, or most of the learned one (whose own margin is already in it).
     */
    long floor(long now, double margin, double ceiling) {
        long learned = interval(now, 0, ceiling);
        return Math.max(headerLive(now) ? (long) (headerInterval * margin) : 0, (long) (learned * (1 + Pacer.MARGIN) / 2));
    }

    /** Whether a rate learned from 429s still counts. */
    boolean learnedLive(long now) {
        return learnedRate > 0 && now - learnedAt < Pacer.FORGET_AFTER_SECONDS * Pacer.SECOND;
    }

    /** Whether the headers' word still counts. */
    boolean headerLive(long now) {
        return now - headerExpires < 0;
    }

    /** Whether nothing in it matters any more: the hold is over, the headers and the learned rate forgotten. */
    boolean spent(long now) {
        return now - holdUntil >= 0 && now - headerExpires >= 0 && !learnedLive(now);
    }
}
