package io.newsmon.web.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock the overview's "today" and "last 14 days" count from: the system's, unless
 * {@code newsmon.web.fixed-now} pins it (for tests and for demos of recorded data).
 */
@ApplicationScoped
public class WebClock {

    @ConfigProperty(name = "newsmon.web.fixed-now")
    Optional<Instant> fixedNow;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return fixedNow.map(now -> Clock.fixed(now, ZoneOffset.UTC)).orElse(Clock.systemUTC());
    }
}
