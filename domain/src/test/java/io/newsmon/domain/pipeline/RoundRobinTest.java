package io.newsmon.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void aBatchTakesOneItemFromEachSourceBeforeASecondFromAny() {
        List<String> items = List.of("a1", "a2", "a3", "a4", "b1", "b2", "c1");
        List<String> keys = List.of("a", "a", "a", "a", "b", "b", "c");
        assertThat(RoundRobin.pick(items, keys, 3)).containsExactly("a1", "b1", "c1");
        assertThat(RoundRobin.pick(items, keys, 5)).containsExactly("a1", "a2", "b1", "b2", "c1");
    }

    @Test
    void theSourcesWithTheMostWaitingGoFirstAndOrderIsKept() {
        List<String> items = List.of("c1", "a1", "a2", "a3", "b1", "b2");
        List<String> keys = List.of("c", "a", "a", "a", "b", "b");
        assertThat(RoundRobin.pick(items, keys, 2)).containsExactly("a1", "b1");
        assertThat(RoundRobin.pick(items, List.of("c", "a", "a", "a", "b", "b"), 6))
                .isEqualTo(items);
    }
}
