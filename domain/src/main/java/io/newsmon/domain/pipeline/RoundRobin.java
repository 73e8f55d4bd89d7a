package io.newsmon.domain.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes items in turn from each group (first item of every group, then the second, …), the largest groups
 * first, and returns them in their original order.
 */
public final class RoundRobin {

    private RoundRobin() {}

    /**
     * Up to {@code max} of {@code items}, taken one per group in turn, where {@code keys.get(i)} is the
     * group of {@code items.get(i)}; the result keeps the items' original order.
     */
    public static <T> List<T> pick(List<T> items, List<?> keys, int max) {
        if (items.size() <= max) {
            return items;
        }
        Map<Object, Deque<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            groups.computeIfAbsent(Objects.requireNonNullElse(keys.get(i), "∅"), k -> new ArrayDeque<>())
                    .add(i);
        }
        // the groups with the most waiting go first, so that no group is left to the end alone
        List<Deque<Integer>> order = new ArrayList<>(groups.values());
        order.sort((a, b) -> Integer.compare(b.size(), a.size()));
        boolean[] taken = new boolean[items.size()];
        int count = 0;
        while (count < max) {
            for (Deque<Integer> group : order) {
                if (!group.isEmpty() && count < max) {
                    taken[group.poll()] = true;
                    count++;
                }
            }
        }
        List<T> picked = new ArrayList<>(max);
        for (int i = 0; i < items.size(); i++) {
            if (taken[i]) {
                picked.add(items.get(i));
            }
        }
        return picked;
    }
}
