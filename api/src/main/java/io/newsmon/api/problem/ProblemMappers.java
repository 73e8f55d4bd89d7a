package io.newsmon.api.problem;

import io.newsmon.search.SearchRefusedException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error the API can raise into {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** A search the search library refused: 400 with the field, position and limit; 503 when it timed out. */
    @ServerExceptionMapper
    public Response searchRefused(SearchRefusedException e) {
        if (e.status() == 400) {
            return respond(ProblemException.badQuery(e.field(), e.reason(), e.position(), e.limit())
                    .problem());
        }
        return respond(
                new Problem("about:blank", "Service Unavailable", e.status(), e.reason(), List.of(), null, e.limit()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(respond(
                        Problem.of(401, "Unauthorized", "a valid bearer token is required (Authorization: Bearer …)")))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /**
     * The identity provider (Keycloak) cannot be reached, so no token can be checked: 503 with Retry-After,
     * not 500. The api needs no restart; it checks tokens again as soon as Keycloak answers.
     */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("cannot check the bearer token, the identity provider does not answer: %s", e.getMessage());
        return Response.fromResponse(respond(Problem.of(
                        503,
                        "Service Unavailable",
                        "the sign-in service (Keycloak) cannot be reached, so the token cannot be checked; try again"
                                + " shortly")))
                .header("Retry-After", "30")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "your roles do not allow this request"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "Not Found", "no such resource"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "Internal Server Error", "the server failed; the error is logged"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
