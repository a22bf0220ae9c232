package dev.roster.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of long work on stderr, redrawn in place on one line: done / total per vendor where
 * known, the rate, and how long calls have been held back when nothing finished for a while (a
 * vendor's rate limit, which core waits out, or a slow vendor). It shows only when a person is at a
 * terminal and only once the work has taken more than a second; otherwise it writes nothing at all.
 */
final class Progress implements AutoCloseable {

    private static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long HELD_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

    private final PrintWriter err;
    private final String verb;
    private final long started = System.nanoTime();
    private final AtomicLong lastDone = new AtomicLong(started);
    private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    private final Map<String, Integer> totals = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> ticks;
    private int shownWidth;

    private Progress(PrintWriter err, String verb, boolean enabled) {
        this.err = err;
        this.verb = verb;
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "roster-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticks = ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
            ticks = null;
        }
    }

    /**
     * Progress for a run; silent unless a person is at the terminal.
     *
     * @param terminal the run's terminal
     * @param verb what is being done, such as {@code "invited"}
     * @return the progress
     */
    static Progress of(Terminal terminal, String verb) {
        return new Progress(terminal.err(), verb, terminal.interactive());
    }

    /** Declares how much work a vendor has; unknown totals are left out. */
    void total(String vendor, int total) {
        totals.put(vendor, total);
        done.computeIfAbsent(vendor, v -> new AtomicInteger());
    }

    /** Counts finished items at a vendor. */
    void done(String vendor, int count) {
        done.computeIfAbsent(vendor, v -> new AtomicInteger()).addAndGet(count);
        lastDone.set(System.nanoTime());
    }

    private synchronized void draw() {
        long now = System.nanoTime();
        if (now - started < SHOW_AFTER_NANOS) {
            return;
        }
        StringBuilder line = new StringBuilder();
        int all = 0;
        for (Map.Entry<String, AtomicInteger> vendor : new java.util.TreeMap<>(done).entrySet()) {
            int count = vendor.getValue().get();
            all += count;
            Integer total = totals.get(vendor.getKey());
            line.append(line.length() == 0 ? "" : "  ").append(vendor.getKey()).append(' ').append(count);
            if (total != null) {
                line.append('/').append(total);
            }
        }
        double seconds = (now - started) / 1e9;
        line.append("  ").append(verb).append(String.format(Locale.ROOT, "  %.1f/s", all / seconds));
        long held = now - lastDone.get();
        if (held > HELD_AFTER_NANOS) {
            line.append(String.format(Locale.ROOT, "  waiting %.0f s (vendor rate limit or slow answers)", held / 1e9));
        }
        show(line.toString());
    }

    private void show(String text) {
        String padded = text.length() < shownWidth ? text + " ".repeat(shownWidth - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        shownWidth = text.length();
    }

    /**
     * Clears the line before results go to the same terminal (a long {@code list}); the next tick
     * draws it again below them.
     */
    synchronized void clear() {
        if (ticker != null && shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }

    /** Stops and clears the line, so what follows starts clean. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticks.cancel(false);
            ticker.shutdownNow();
            clear();
        }
    }
}
