package dev.roster.benchmarks;

/**
 * A JVM that does nothing and exits: what starting the JVM on the benchmarks jar costs by itself,
 * the floor under every cold start {@link ColdStartRunner} measures.
 */
public final class BareJvmChild {

    private BareJvmChild() {}

    /**
     * Exits 0 at once.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(0);
    }
}
