package io.newsmon.nlp.pipeline;

import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.entities.Recognizers;
import io.newsmon.enrich.tone.ToneScorer;
import io.newsmon.language.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** The enricher, built once at start (the CRF model takes a few seconds to load). */
@ApplicationScoped
public class EntityBeans {

    private static final Logger LOG = Logger.getLogger(EntityBeans.class);

    @Produces
    @ApplicationScoped
    Enricher enricher(LanguageDetector languages) {
        long t0 = System.nanoTime();
        Enricher enricher = new Enricher(languages, Recognizers.english(), Recognizers.fallback(), ToneScorer.load());
        LOG.infof("entity recognisers and tone lexicon loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
        return enricher;
    }
}
