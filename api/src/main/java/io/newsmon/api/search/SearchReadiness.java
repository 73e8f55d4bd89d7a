package io.newsmon.api.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The api is ready once its search index has caught up with the database, and DOWN with the reason while its writer has failed. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final SearchIndex index;

    public SearchReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("search-index").status(index.ready());
        String failure = index.failure();
        if (failure != null) {
            r.withData("failure", failure);
        }
        return r.build();
    }
}
