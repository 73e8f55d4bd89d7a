package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the checkout's {@code ./newsmon} and other commands for the fault tests, each with a time limit. */
final class Launcher {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Launcher() {}

    /** {@code ./newsmon up|down COMPONENT...}; fails the test with the command's output if it fails. */
    static void newsmon(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("newsmon").toString());
        command.addAll(List.of(args));
        run(command, 300);
    }

    /** Runs COMMAND in the checkout; fails with its output when it exits non-zero or outlives SECONDS. */
    static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("newsmon-faults", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended)
                    .as("%s ended within %d s; output:%n%s", command, seconds, output)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("exit code of %s; output:%n%s", command, output)
                    .isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
