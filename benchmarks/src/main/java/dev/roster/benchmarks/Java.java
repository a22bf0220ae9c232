package dev.roster.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: this JVM's {@code java}, this JVM's class path (or another jar's). */
final class Java {

    private Java() {}

    static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        return java(jvmOptions, List.of("-cp", System.getProperty("java.class.path"), mainClass), args);
    }

    /** {@code java <options> -jar <jar> <args>}: a runnable jar, as its users start it. */
    static List<String> jar(List<String> jvmOptions, String jar, List<String> args) {
        return java(jvmOptions, List.of("-jar", jar), args);
    }

    private static List<String> java(List<String> jvmOptions, List<String> what, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmOptions);
        command.addAll(what);
        command.addAll(args);
        return command;
    }
}
