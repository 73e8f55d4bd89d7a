package io.newsmon.search.query;

import io.newsmon.search.SearchFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the analyst query language into a {@link Node} tree, or fails with a {@link QueryException} that
 * says what is wrong and where. Precedence, tightest first: NOT and {@code -}, NEAR/ONEAR, AND (also implied
 * between terms), OR. Operators are upper case; {@code and}, {@code or}, {@code near} are words.
 */
public final class QueryParser {

    /** Field names analysts may type, and the field each stands for. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        for (String f : List.of(
                SearchFields.TITLE,
                SearchFields.BODY,
                SearchFields.PERSON,
                SearchFields.ORG,
                SearchFields.PLACE,
                SearchFields.ENTITY,
                SearchFields.COUNTRY,
                SearchFields.SOURCE,
                SearchFields.LANG,
                SearchFields.CATEGORY,
                SearchFields.TONE,
                SearchFields.PUBLISHED)) {
            FIELDS.put(f, f);
        }
        FIELDS.put("language", SearchFields.LANG);
        FIELDS.put("organization", SearchFields.ORG);
        FIELDS.put("organisation", SearchFields.ORG);
        FIELDS.put("location", SearchFields.PLACE);
        FIELDS.put("site", SearchFields.SOURCE);
    }

    static final List<String> RANGE_FIELDS = List.of(SearchFields.TONE, SearchFields.PUBLISHED);

    private static final Pattern NEAR = Pattern.compile("(O?)NEAR(?:/(\\d{1,9}))?");
    private static final Pattern NEAR_LIKE = Pattern.compile("O?NEAR/.*");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_]+");
    private static final Pattern RANGE = Pattern.compile("([\\[{])\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*([]}])");

    private enum Kind {
        WORD,
        PHRASE,
        LPAREN,
        RPAREN,
        AND,
        OR,
        NOT,
        MINUS,
        NEAR,
        FIELD,
        RANGE,
        EOF
    }

    private record Tok(Kind kind, String text, int pos, int distance, boolean ordered) {
        Tok(Kind kind, String text, int pos) {
            this(kind, text, pos, 0, false);
        }

        boolean startsTerm() {
            return switch (kind) {
                case WORD, PHRASE, LPAREN, NOT, MINUS, FIELD -> true;
                default -> false;
            };
        }
    }

    private final QueryLimits limits;
    private List<Tok> toks;
    private int at;
    private int clauses;

    public QueryParser(QueryLimits limits) {
        this.limits = limits;
    }

    public Node parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryException("the query is empty", 0);
        }
        if (query.length() > limits.maxLength()) {
            throw new QueryException(
                    "the query is " + query.length() + " characters long; the limit is " + limits.maxLength()
                            + " (newsmon.search.max-query-length)",
                    limits.maxLength(),
                    "newsmon.search.max-query-length");
        }
        toks = lex(query);
        at = 0;
        clauses = 0;
        Node node = or();
        Tok t = peek();
        if (t.kind == Kind.RPAREN) {
            throw new QueryException("unbalanced parenthesis at " + t.pos + ": nothing opened it", t.pos);
        }
        if (t.kind != Kind.EOF) {
            throw new QueryException("unexpected '" + t.text + "' at " + t.pos, t.pos);
        }
        if (clauses > limits.maxClauses()) {
            throw new QueryException(
                    "the query has " + clauses + " terms; the limit is " + limits.maxClauses()
                            + " (newsmon.search.max-clauses)",
                    -1,
                    "newsmon.search.max-clauses");
        }
        return node;
    }

    // ---- grammar ----

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (peek().kind == Kind.OR) {
            Tok op = next();
            requireOperand(op);
            parts.add(and());
        }
        return parts.size() == 1
                ? parts.get(0)
                : new Node.Or(parts, parts.get(0).position());
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(near());
        while (true) {
            Tok t = peek();
            if (t.kind == Kind.AND) {
                next();
                requireOperand(t);
                parts.add(near());
            } else if (t.startsTerm()) {
                parts.add(near());
            } else {
                break;
            }
        }
        return parts.size() == 1
                ? parts.get(0)
                : new Node.And(parts, parts.get(0).position());
    }

    private Node near() {
        Node left = unary();
        while (peek().kind == Kind.NEAR) {
            Tok op = next();
            requireOperand(op);
            if (op.distance > limits.maxNearDistance()) {
                throw new QueryException(
                        op.text + " at " + op.pos + " is too far; the limit is " + limits.maxNearDistance()
                                + " words (newsmon.search.max-near-distance)",
                        op.pos,
                        "newsmon.search.max-near-distance");
            }
            Node right = unary();
            proximityOperand(left, op);
            proximityOperand(right, op);
            left = new Node.Near(left, right, op.distance, op.ordered, left.position());
        }
        return left;
    }

    private Node unary() {
        Tok t = peek();
        if (t.kind == Kind.NOT || t.kind == Kind.MINUS) {
            next();
            if (!peek().startsTerm()) {
                throw new QueryException(
                        (t.kind == Kind.NOT ? "NOT" : "-") + " at " + t.pos + " needs a term after it", t.pos);
            }
            return new Node.Not(unary(), t.pos);
        }
        return primary();
    }

    private Node primary() {
        Tok t = next();
        switch (t.kind) {
            case LPAREN -> {
                if (peek().kind == Kind.RPAREN) {
                    throw new QueryException("empty parentheses at " + t.pos, t.pos);
                }
                Node inner = or();
                if (peek().kind != Kind.RPAREN) {
                    throw new QueryException("unbalanced parenthesis at " + t.pos + ": it is never closed", t.pos);
                }
                next();
                return inner;
            }
            case PHRASE -> {
                if (t.text.isBlank()) {
                    throw new QueryException("empty phrase at " + t.pos, t.pos);
                }
                clauses++;
                return new Node.Text(t.text, true, t.pos);
            }
            case WORD -> {
                clauses++;
                return new Node.Text(t.text, false, t.pos);
            }
            case FIELD -> {
                return fielded(t);
            }
            case RPAREN ->
                throw new QueryException("unbalanced parenthesis at " + t.pos + ": nothing opened it", t.pos);
            case AND, OR, NEAR -> throw new QueryException(t.text + " at " + t.pos + " needs a term before it", t.pos);
            case EOF -> throw new QueryException("the query ends where a term was expected", t.pos);
            default -> throw new QueryException("unexpected '" + t.text + "' at " + t.pos, t.pos);
        }
    }

    private Node fielded(Tok field) {
        String name = field.text;
        Tok v = next();
        if (RANGE_FIELDS.contains(name)) {
            clauses++;
            return switch (v.kind) {
                case RANGE -> range(name, v);
                case WORD -> comparison(name, v);
                default ->
                    throw new QueryException(
                            name + ": at " + field.pos + " needs a comparison such as " + example(name), field.pos);
            };
        }
        return switch (v.kind) {
            case WORD, PHRASE -> {
                clauses++;
                if (v.kind == Kind.PHRASE && v.text.isBlank()) {
                    throw new QueryException("empty phrase at " + v.pos, v.pos);
                }
                yield new Node.Fielded(name, new Node.Text(v.text, v.kind == Kind.PHRASE, v.pos), field.pos);
            }
            case LPAREN -> {
                at--;
                Node group = primary();
                yield new Node.Fielded(name, group, field.pos);
            }
            case RANGE ->
                throw new QueryException(
                        "ranges work on tone: and published: only, not on " + name + ": (at " + v.pos + ")", v.pos);
            default -> throw new QueryException(name + ": at " + field.pos + " needs a value", field.pos);
        };
    }

    private static String example(String field) {
        return field.equals(SearchFields.TONE)
                ? "tone:<-0.3 or tone:[-1 TO -0.3]"
                : "published:>=2024-01-01 or published:[2024-01-01 TO 2024-01-31]";
    }

    private static Node range(String field, Tok v) {
        Matcher m = RANGE.matcher(v.text);
        if (!m.matches()) {
            throw new QueryException("a range at " + v.pos + " is written [from TO to], e.g. " + example(field), v.pos);
        }
        String lo = m.group(2).equals("*") ? null : m.group(2);
        String hi = m.group(3).equals("*") ? null : m.group(3);
        return new Node.Range(field, lo, m.group(1).equals("["), hi, m.group(4).equals("]"), v.pos);
    }

    private static Node comparison(String field, Tok v) {
        String s = v.text;
        if (s.startsWith("<=")) {
            return new Node.Range(field, null, true, value(s.substring(2), field, v), true, v.pos);
        }
        if (s.startsWith(">=")) {
            return new Node.Range(field, value(s.substring(2), field, v), true, null, true, v.pos);
        }
        if (s.startsWith("<")) {
            return new Node.Range(field, null, true, value(s.substring(1), field, v), false, v.pos);
        }
        if (s.startsWith(">")) {
            return new Node.Range(field, value(s.substring(1), field, v), false, null, true, v.pos);
        }
        if (field.equals(SearchFields.PUBLISHED)) {
            return new Node.Range(field, s, true, s, true, v.pos); // one day (or instant)
        }
        throw new QueryException(field + ": at " + v.pos + " needs a comparison such as " + example(field), v.pos);
    }

    private static String value(String s, String field, Tok v) {
        if (s.isEmpty()) {
            throw new QueryException("the comparison at " + v.pos + " needs a value, e.g. " + example(field), v.pos);
        }
        return s;
    }

    private static void proximityOperand(Node n, Tok op) {
        if (n instanceof Node.Text || n instanceof Node.Near) {
            return;
        }
        if (n instanceof Node.Or or) {
            or.children().forEach(c -> proximityOperand(c, op));
            return;
        }
        if (n instanceof Node.Fielded f) {
            throw new QueryException(
                    "a field inside " + op.text + " (at " + f.position() + ") is not supported; put it before a group,"
                            + " e.g. title:(a " + op.text + " b)",
                    f.position());
        }
        throw new QueryException(
                op.text + " at " + op.pos + " joins words, phrases, wildcards and OR groups; AND, NOT and ranges"
                        + " cannot be inside it",
                op.pos);
    }

    private void requireOperand(Tok op) {
        if (!peek().startsTerm()) {
            throw new QueryException(op.text + " at " + op.pos + " needs a term after it", op.pos);
        }
    }

    private Tok peek() {
        return toks.get(at);
    }

    private Tok next() {
        Tok t = toks.get(at);
        if (t.kind != Kind.EOF) {
            at++;
        }
        return t;
    }

    // ---- lexer ----

    private static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Tok(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Tok(Kind.RPAREN, ")", i++));
            } else if (c == '"') {
                i = phrase(s, i, out);
            } else if ((c == '-' || c == '+') && i + 1 < n && startsWord(s.charAt(i + 1))) {
                if (c == '-') {
                    out.add(new Tok(Kind.MINUS, "-", i));
                }
                i++;
            } else {
                i = word(s, i, out);
            }
        }
        out.add(new Tok(Kind.EOF, "", n));
        return out;
    }

    private static boolean startsWord(char c) {
        return !Character.isWhitespace(c) && c != ')' && c != '-' && c != '+';
    }

    private static int phrase(String s, int start, List<Tok> out) {
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                b.append('"');
                i += 2;
            } else if (c == '"') {
                out.add(new Tok(Kind.PHRASE, b.toString(), start));
                return i + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        throw new QueryException("unterminated quote at " + start, start);
    }

    private static int word(String s, int start, List<Tok> out) {
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                break;
            }
            i++;
        }
        String w = s.substring(start, i);
        switch (w) {
            case "AND", "&&" -> out.add(new Tok(Kind.AND, "AND", start));
            case "OR", "||" -> out.add(new Tok(Kind.OR, "OR", start));
            case "NOT" -> out.add(new Tok(Kind.NOT, "NOT", start));
            default -> {
                Matcher near = NEAR.matcher(w);
                if (near.matches() || NEAR_LIKE.matcher(w).matches()) {
                    String op = w.startsWith("O") ? "ONEAR" : "NEAR";
                    if (!near.matches() || near.group(2) == null) {
                        throw new QueryException(op + " needs a distance, e.g. " + op + "/5 (at " + start + ")", start);
                    }
                    out.add(new Tok(
                            Kind.NEAR,
                            op + "/" + near.group(2),
                            start,
                            Integer.parseInt(near.group(2)),
                            !near.group(1).isEmpty()));
                    return i;
                }
                int colon = w.indexOf(':');
                if (colon > 0 && FIELD_NAME.matcher(w.substring(0, colon)).matches()) {
                    return field(s, start, i, w, colon, out);
                }
                out.add(new Tok(Kind.WORD, w, start));
            }
        }
        return i;
    }

    private static int field(String s, int start, int end, String w, int colon, List<Tok> out) {
        String typed = w.substring(0, colon);
        String field = FIELDS.get(typed.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw new QueryException(
                    "unknown field '" + typed + "' at " + start + "; fields are " + String.join(", ", FIELDS.keySet())
                            + " (quote the text to search for it as words)",
                    start);
        }
        out.add(new Tok(Kind.FIELD, field, start));
        int valueAt = start + colon + 1;
        String rest = w.substring(colon + 1);
        if (rest.isEmpty()) {
            if (valueAt >= s.length() || Character.isWhitespace(s.charAt(valueAt)) || s.charAt(valueAt) == ')') {
                throw new QueryException(typed + ": at " + start + " needs a value", start);
            }
            return end;
        }
        char first = rest.charAt(0);
        if (first == '[' || first == '{') {
            int close = firstOf(s, valueAt, ']', '}');
            if (close < 0) {
                throw new QueryException("the range at " + valueAt + " is never closed with ] or }", valueAt);
            }
            out.add(new Tok(Kind.RANGE, s.substring(valueAt, close + 1), valueAt));
            return close + 1;
        }
        out.add(new Tok(Kind.WORD, rest, valueAt));
        return end;
    }

    private static int firstOf(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
