package io.newsmon.enrich.entities;

import java.util.List;

/** Finds people, organisations and places in a text. Implementations are thread-safe. */
public interface EntityRecognizer {

    /** Entities in text order, not overlapping, with character offsets into {@code text}. */
    List<Entity> recognize(String text);
}
