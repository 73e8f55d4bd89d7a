package io.newsmon.domain.article;

/** The kinds of named entity enrichment records (CoNLL's four classes). */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    MISC
}
