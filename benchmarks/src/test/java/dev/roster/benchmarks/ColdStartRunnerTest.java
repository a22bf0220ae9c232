package dev.roster.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold-start runner finds the command line's jar, or says which command builds it. No timing. */
@DisplayName("The cold-start runner's command-line jar")
class ColdStartRunnerTest {

    @Test
    @DisplayName("none named is an error naming the command that builds it")
    void noneNamed() {
        assertThatThrownBy(() -> ColdStartRunner.cliJar(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none was named")
                .hasMessageContaining("./mvnw -B -q -pl benchmarks,cli -am package -DskipTests -Pbenchmarks")
                .hasMessageContaining("ROSTER_CLI_JAR");
        assertThatThrownBy(() -> ColdStartRunner.cliJar(" ")).hasMessageContaining("none was named");
    }

    @Test
    @DisplayName("a path that is not a file is an error naming the path and the command")
    void missing(@TempDir Path dir) {
        Path absent = dir.resolve("roster-cli-0.1.0-SNAPSHOT-all.jar");
        assertThatThrownBy(() -> ColdStartRunner.cliJar(absent.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(absent + " is not a file")
                .hasMessageContaining("-pl benchmarks,cli -am package");
        assertThatThrownBy(() -> ColdStartRunner.cliJar(dir.toString())).hasMessageContaining("is not a file");
    }

    @Test
    @DisplayName("a jar that is there is used, as an absolute path")
    void present(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("roster-cli-all.jar"));
        assertThat(ColdStartRunner.cliJar(jar.toString())).isEqualTo(jar.toAbsolutePath());
    }
}
