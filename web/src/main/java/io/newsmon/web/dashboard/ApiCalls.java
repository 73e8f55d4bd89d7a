package io.newsmon.web.dashboard;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Calls the api and turns its failures into pages an analyst can act on. */
public final class ApiCalls {

    private static final Logger LOG = Logger.getLogger(ApiCalls.class);

    private ApiCalls() {}

    /** The api's problem document as a refusal: its first field error, else its detail. */
    @SuppressWarnings("unchecked")
    private static ApiRefused refused(WebApplicationException e) {
        String message = "The API did not accept the request.";
        String field = null;
        Integer position = null;
        try {
            Map<String, Object> problem = e.getResponse().readEntity(Map.class);
            if (problem.get("detail") instanceof String detail) {
                message = detail;
            }
            if (problem.get("errors") instanceof List<?> errors
                    && !errors.isEmpty()
                    && errors.get(0) instanceof Map<?, ?> first) {
                field = String.valueOf(first.get("field"));
                if (first.get("reason") instanceof String reason) {
                    message = reason;
                }
            }
            if (problem.get("position") instanceof Number n) {
                position = n.intValue();
            }
        } catch (RuntimeException unreadable) {
            LOG.debugf("the api's 400 had no readable problem document: %s", unreadable.getMessage());
        }
        return new ApiRefused(e.getResponse().getStatus(), message, field, position);
    }

    public static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            switch (status) {
                // 409: the source exists already; 429: too many of the admin's trials are waiting
                case 400, 409, 429 -> throw refused(e);
                case 404 -> throw new DashboardException(404, "Not found", "The API has no such item.");
                case 401 ->
                    throw new DashboardException(
                            401,
                            "Signed out",
                            "Your session with the API has ended. Reload the page to sign in again.");
                case 403 ->
                    throw new DashboardException(
                            403,
                            "Not allowed",
                            "Your account does not have the role this needs: analyst to read, admin to change"
                                    + " sources.");
                default -> {
                    LOG.warnf("the api answered %d", status);
                    throw new DashboardException(
                            502, "The API failed", "The newsmon API answered with an error (HTTP " + status + ").");
                }
            }
        } catch (ProcessingException e) {
            LOG.warnf("the api is unreachable: %s", e.getMessage());
            throw new DashboardException(
                    503, "The API is unreachable", "The newsmon API did not answer. Try again in a moment.");
        }
    }
}
