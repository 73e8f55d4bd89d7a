package io.newsmon.web.dashboard;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Calls the api and turns its failures into pages an analyst can act on. */
final class ApiCalls {

    private static final Logger LOG = Logger.getLogger(ApiCalls.class);

    private ApiCalls() {}

    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            switch (status) {
                case 404 -> throw new DashboardException(404, "Not found", "The API has no such item.");
                case 401 ->
                    throw new DashboardException(
                            401,
                            "Signed out",
                            "Your session with the API has ended. Reload the page to sign in again.");
                case 403 ->
                    throw new DashboardException(
                            403, "Not allowed", "Your account does not have the analyst role needed to read articles.");
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
