package io.newsmon.cli;

/**
 * A verb that cannot finish, with the exit code to end on and a message for standard error (printed after the
 * verb's name): 1 when the work failed (the platform refused or did not answer), 2 when what the user gave was
 * wrong (a query or filter the api refused, a file that is not what was asked for). Unlike picocli's
 * ParameterException it prints no usage text, which would bury a message that already says what to change.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
