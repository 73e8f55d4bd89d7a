package io.newsmon.search.topics;

/**
 * A topic an article matched.
 *
 * @param matchedTerms the distinct words of the article that the query matched, space-separated in the order
 *     they were found (lower case, accents folded); empty when only non-text fields matched
 */
public record TopicHit(long topicId, String matchedTerms) {}
