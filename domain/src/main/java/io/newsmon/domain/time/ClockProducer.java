package io.newsmon.domain.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock every service injects: the system's, in UTC. A default bean, so a service or a test that needs
 * another (web's {@code newsmon.web.fixed-now}, the api's alert tests) produces its own and this one steps aside.
 */
public class ClockProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
