package io.newsmon.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Two CoreNLP CRFs read together. The 3-class model, trained on more corpora, finds people, organisations
 * and places best; the CoNLL 4-class model also knows MISC (nationalities, events, works, awards), and a
 * span it calls MISC is dropped, since those are neither people, organisations nor places. Where the
 * 3-class model found nothing, a 4-class entity is taken as it is.
 */
public final class EnsembleRecognizer implements EntityRecognizer {

    private final EntityRecognizer primary;
    private final EntityRecognizer withMisc;

    public EnsembleRecognizer(EntityRecognizer primary, EntityRecognizer withMisc) {
        this.primary = primary;
        this.withMisc = withMisc;
    }

    @Override
    public List<Entity> recognize(String text) {
        List<Entity> second = withMisc.recognize(text);
        List<Entity> out = new ArrayList<>();
        for (Entity e : primary.recognize(text)) {
            boolean misc = second.stream()
                    .anyMatch(s -> s.type().equals(CrfRecognizer.MISC) && s.start() <= e.start() && s.end() >= e.end());
            if (!misc) {
                out.add(e);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Entity::start));
        return out;
    }
}
