package io.newsmon.api.topic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Quotas on saved topics: how many one user may keep, and how many extra addresses one topic may have. */
@ConfigMapping(prefix = "newsmon.topics")
public interface TopicConfig {

    /** Topics one user may own; saving one more is refused with 409 until one is deleted. */
    @WithDefault("50")
    int maxPerUser();

    /** Extra recipients (besides the owner) of one topic. */
    @WithDefault("20")
    int maxRecipients();
}
