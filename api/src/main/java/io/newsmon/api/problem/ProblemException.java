package io.newsmon.api.problem;

import java.util.List;

/** Thrown by resources and services to answer with a problem document instead of a result. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badField(String field, String reason) {
        return new ProblemException(new Problem(
                "about:blank",
                "Bad Request",
                400,
                field + ": " + reason,
                List.of(new Problem.FieldError(field, reason))));
    }

    /**
     * A query the analyst query language refused: the message, its 0-based position in {@code field}'s value
     * (omitted when it concerns the whole query) and the limit's configuration key when a limit refused it.
     */
    public static ProblemException badQuery(String field, String reason, int position, String limit) {
        return new ProblemException(new Problem(
                "about:blank",
                "Bad Request",
                400,
                field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)),
                position < 0 ? null : position,
                limit));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not Found", what + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }
}
