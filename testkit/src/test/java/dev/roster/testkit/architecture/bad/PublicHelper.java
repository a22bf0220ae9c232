package dev.roster.testkit.architecture.bad;

import org.assertj.core.api.Assertions;

/** Public for no reason, and leans on a test library. */
public final class PublicHelper {

    private PublicHelper() {}

    static void check(Object value) {
        Assertions.assertThat(value).isNotNull();
    }
}
