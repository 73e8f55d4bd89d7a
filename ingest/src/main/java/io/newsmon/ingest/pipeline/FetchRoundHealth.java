package io.newsmon.ingest.pipeline;

import io.newsmon.ingest.poll.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while a fetch round has been running for longer than
 * {@code newsmon.ingest.stuck-after}: the round's own limit and the extraction budget should end it
 * well before, so a round that old is stuck on something no limit covers and wants an operator.
 */
@Readiness
@ApplicationScoped
public class FetchRoundHealth implements HealthCheck {

    private final ArticleFetchWorker worker;
    private final IngestConfig config;

    public FetchRoundHealth(ArticleFetchWorker worker, IngestConfig config) {
        this.worker = worker;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Duration age = worker.currentRoundAge();
        boolean stuck = age != null && age.compareTo(config.stuckAfter()) > 0;
        return HealthCheckResponse.named("fetch-round")
                .status(!stuck)
                .withData("running-for-seconds", age == null ? 0 : age.toSeconds())
                .withData("stuck-after-seconds", config.stuckAfter().toSeconds())
                .build();
    }
}
