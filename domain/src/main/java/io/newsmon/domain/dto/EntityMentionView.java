package io.newsmon.domain.dto;

/** A named-entity span in an article body, with the recogniser that produced it. */
public record EntityMentionView(String type, String text, int start, int end, String recognizer) {}
