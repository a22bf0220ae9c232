package dev.roster.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: this JVM's {@code java}, this JVM's class path. */
final class Java {

    private Java() {}

    static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
