package io.newsmon.domain.dto;

import java.util.List;

/** One page of a longer list, with the total so a client can page on. */
public record PageResult<T>(List<T> items, int page, int size, long total) {}
