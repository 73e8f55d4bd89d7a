package io.newsmon.nlp.pipeline;

import io.newsmon.nlp.entities.EntityRecognizer;
import io.newsmon.nlp.entities.Recognizers;
import io.newsmon.nlp.tone.ToneScorer;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The entity recognisers, loaded once at start (the CRF model takes a few seconds). */
@ApplicationScoped
public class EntityBeans {

    private static final Logger LOG = Logger.getLogger(EntityBeans.class);

    @Produces
    @ApplicationScoped
    @Named("english")
    @DefaultBean
    EntityRecognizer english() {
        long t0 = System.nanoTime();
        EntityRecognizer r = Recognizers.english();
        LOG.infof("English entity recogniser loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    @Produces
    @Singleton
    ToneScorer tone() {
        return ToneScorer.load();
    }

    @Produces
    @ApplicationScoped
    @Named("fallback")
    @DefaultBean
    EntityRecognizer fallback() {
        return Recognizers.fallback();
    }
}
