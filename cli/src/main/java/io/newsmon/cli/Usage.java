package io.newsmon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks shared by the verbs: a usage error names the problem and exits with 2. */
final class Usage {

    private Usage() {}

    /** The file, when it exists; otherwise a usage error naming it and what was expected. */
    static Path existingFile(CommandLine.Model.CommandSpec spec, Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file (" + expected + ")");
        }
        return file;
    }
}
