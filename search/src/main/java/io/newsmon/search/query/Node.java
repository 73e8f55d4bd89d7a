package io.newsmon.search.query;

import java.util.List;
import java.util.stream.Collectors;

/** The parsed query: what the analyst wrote, with positions, before it becomes a Lucene query. */
public sealed interface Node {

    /** Where the node starts in the query text. */
    int position();

    /** A bare word (possibly with wildcards) or a quoted phrase. */
    record Text(String text, boolean quoted, int position) implements Node {
        public boolean wildcard() {
            return !quoted && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
        }

        @Override
        public String toString() {
            return quoted ? '"' + text + '"' : text;
        }
    }

    /** {@code field:child} where child is a word, phrase or group. */
    record Fielded(String field, Node child, int position) implements Node {
        @Override
        public String toString() {
            return field + ":" + child;
        }
    }

    /** {@code field:<x}, {@code field:[a TO b]}; bounds are the raw texts, null when open. */
    record Range(String field, String lower, boolean lowerInclusive, String upper, boolean upperInclusive, int position)
            implements Node {
        @Override
        public String toString() {
            return field + ":" + (lowerInclusive ? "[" : "{") + (lower == null ? "*" : lower) + " TO "
                    + (upper == null ? "*" : upper) + (upperInclusive ? "]" : "}");
        }
    }

    record And(List<Node> children, int position) implements Node {
        @Override
        public String toString() {
            return children.stream().map(Node::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<Node> children, int position) implements Node {
        @Override
        public String toString() {
            return children.stream().map(Node::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Node child, int position) implements Node {
        @Override
        public String toString() {
            return "NOT " + child;
        }
    }

    /** {@code left NEAR/n right}: at most n words between them; {@code ONEAR/n}: left before right. */
    record Near(Node left, Node right, int distance, boolean ordered, int position) implements Node {
        @Override
        public String toString() {
            return "(" + left + (ordered ? " ONEAR/" : " NEAR/") + distance + " " + right + ")";
        }
    }
}
