package dev.roster.cli;

/** The output formats of {@code -o}. */
public enum Format {
    /** Aligned columns for people (the default). */
    table,
    /** JSON: one document per result; {@code list} writes one object per line. */
    json,
    /** RFC 4180 CSV with a header row. */
    csv
}
