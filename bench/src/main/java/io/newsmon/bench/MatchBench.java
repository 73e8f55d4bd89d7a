package io.newsmon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.article.Countries;
import io.newsmon.language.LanguageDetector;
import io.newsmon.search.ArticleDocument;
import io.newsmon.search.query.QueryLimits;
import io.newsmon.search.topics.SavedTopic;
import io.newsmon.search.topics.TopicHit;
import io.newsmon.search.topics.TopicMonitor;
import io.newsmon.search.topics.TopicStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon match-bench [ground-truth.json] [--topics N] [--articles N]}: saved-topic matching as nlp
 * runs it after each enrichment ({@link TopicMonitor#match}, one thread), with 10,000 generated topics of the
 * shapes analysts save against 1,000 articles made from the real bodies of the extraction development set.
 * Each article is one real body with the paragraphs of another appended, so the 85 bodies give 1,000 distinct
 * texts; entity fields are the capitalised name runs of the text (people for two-word runs, organisations
 * for longer ones: the benchmark needs plausible values, not NER), countries the country names found.
 * Topic words are drawn from the articles' own vocabulary, so topics match as real ones would.
 */
@Command(
        name = "match-bench",
        mixinStandardHelpOptions = true,
        description = "Saved-topic matching speed as nlp runs it after each enrichment, one thread: generated topics"
                + " of the shapes analysts save against articles made from real bodies; articles/s, latency"
                + " percentiles, matches per article and heap.")
public final class MatchBench implements Callable<Integer> {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,3}\\b");

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "real bodies as {id: {articleBody, url}} (default: ${DEFAULT-VALUE})")
    Path file = Path.of("../shared/eval/extraction-dev/ground-truth.json");

    @Option(names = "--topics", description = "saved topics to generate (default: ${DEFAULT-VALUE})")
    int topicCount = 10_000;

    @Option(names = "--articles", description = "articles to match (default: ${DEFAULT-VALUE})")
    int articleCount = 1_000;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(
                    spec.commandLine(), file + ": no such file (a JSON object of {id: {articleBody, url}})");
        }
        if (topicCount < 1 || articleCount < 1) {
            throw new ParameterException(spec.commandLine(), "--topics and --articles must be at least 1");
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        List<String[]> pages = new ArrayList<>(); // {url, body}
        new ObjectMapper().readTree(file.toFile()).forEach(n -> {
            String body = n.path("articleBody").asText("");
            if (body.length() > 200) {
                pages.add(new String[] {n.path("url").asText(""), body});
            }
        });
        LanguageDetector languages = new LanguageDetector();
        List<ArticleDocument> articles = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < articleCount; i++) {
            String[] a = pages.get(i % pages.size());
            String[] b = pages.get(random.nextInt(pages.size()));
            articles.add(article(i + 1, a[0], a[1] + "\n\n" + b[1], languages));
        }
        Vocabulary vocabulary = Vocabulary.of(articles);
        if (pages.isEmpty()) {
            spec.commandLine().getErr().println("match-bench: no bodies longer than 200 characters in " + file);
            return 1;
        }
        Map<Long, SavedTopic> topics = Topics.generate(topicCount, vocabulary, new Random(7));
        out.printf(
                Locale.ROOT,
                "%d articles (mean %.0f characters, from %d real bodies), %d topics, vocabulary %d words, %d names%n",
                articles.size(),
                articles.stream().mapToInt(x -> x.body().length()).average().orElse(0),
                pages.size(),
                topics.size(),
                vocabulary.words.size(),
                vocabulary.names.size());

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        TopicMonitor matcher = new TopicMonitor(new Store(topics), QueryLimits.DEFAULT);
        matcher.refresh();
        long buildNs = System.nanoTime() - t0;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        out.printf(
                Locale.ROOT,
                "monitor built in %.2f s: %d topics registered; heap in use %.0f MB (%.0f MB for the monitor)%n",
                buildNs / 1e9,
                matcher.size(),
                heapAfter / 1e6,
                (heapAfter - heapBefore) / 1e6);

        for (ArticleDocument a : articles) { // warm-up round
            matcher.match(a);
        }
        long queriesBefore = matcher.queriesRun();
        long[] ns = new long[articles.size()];
        long matches = 0;
        int withMatch = 0;
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            long s = System.nanoTime();
            List<TopicHit> hits = matcher.match(articles.get(i));
            ns[i] = System.nanoTime() - s;
            matches += hits.size();
            withMatch += hits.isEmpty() ? 0 : 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(ns);
        out.printf(
                Locale.ROOT,
                "matching, one thread after a warm-up round: %.0f articles/s; per article p50 %.2f ms, p95 %.2f ms,"
                        + " p99 %.2f ms, max %.1f ms%n",
                articles.size() / seconds,
                pct(ns, 0.50),
                pct(ns, 0.95),
                pct(ns, 0.99),
                ns[ns.length - 1] / 1e6);
        out.printf(
                Locale.ROOT,
                "matches: %.1f topics per article (%d of %d articles match at least one); %.0f topic queries run per"
                        + " article of %d (the rest ruled out by the presearcher)%n",
                matches / (double) articles.size(),
                withMatch,
                articles.size(),
                (matcher.queriesRun() - queriesBefore) / (double) articles.size(),
                matcher.size());
        System.gc();
        out.printf(Locale.ROOT, "heap in use at the end %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        matcher.close();
        return 0;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static ArticleDocument article(long id, String url, String text, LanguageDetector languages) {
        String first = text.strip().split("\n", 2)[0];
        String[] words = first.split("\\s+");
        String title = String.join(" ", Arrays.copyOf(words, Math.min(words.length, 12)))
                .replaceAll("null", "");
        Set<String> persons = new LinkedHashSet<>();
        Set<String> orgs = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = m.group();
            (name.indexOf(' ') == name.lastIndexOf(' ') ? persons : orgs).add(name);
        }
        Matcher w = Pattern.compile("\\b\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?").matcher(text);
        while (w.find()) {
            String code = Countries.code(w.group());
            if (code != null) {
                countries.add(code);
            }
        }
        String host = url.startsWith("http") ? URI.create(url).getHost() : null;
        return new ArticleDocument(
                id,
                id,
                url,
                title,
                text,
                host,
                host == null ? List.of() : List.of(host),
                languages.detect(text).orElse(null),
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 600),
                List.copyOf(persons),
                List.copyOf(orgs),
                List.of(),
                List.copyOf(countries),
                List.of(),
                null,
                Map.of());
    }

    /** Words (4+ letters, lower case) by how many articles hold them, and the names the articles carry. */
    record Vocabulary(List<String> words, List<String> names, List<String> orgs, List<String> hosts) {

        static Vocabulary of(List<ArticleDocument> articles) {
            Map<String, Integer> df = new HashMap<>();
            Set<String> names = new LinkedHashSet<>();
            Set<String> orgs = new LinkedHashSet<>();
            Set<String> hosts = new LinkedHashSet<>();
            for (ArticleDocument a : articles) {
                Set<String> seen = new LinkedHashSet<>();
                Matcher m = WORD.matcher(a.body());
                while (m.find()) {
                    seen.add(m.group().toLowerCase(Locale.ROOT));
                }
                seen.forEach(w -> df.merge(w, 1, Integer::sum));
                names.addAll(a.persons());
                orgs.addAll(a.organisations());
                hosts.addAll(a.sourceHosts());
            }
            // neither everywhere nor almost nowhere: words a topic would be written with
            int max = articles.size() / 5;
            List<String> words = df.entrySet().stream()
                    .filter(e -> e.getValue() >= 3 && e.getValue() <= max)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            return new Vocabulary(words, List.copyOf(names), List.copyOf(orgs), List.copyOf(hosts));
        }
    }

    /** Topics of the shapes analysts save, drawn deterministically from the vocabulary. */
    static final class Topics {

        private static final String[] COUNTRIES = {"US", "GB", "CN", "RU", "UA", "FR", "DE", "IN", "PK", "IR"};

        static Map<Long, SavedTopic> generate(int n, Vocabulary v, Random r) {
            Map<Long, SavedTopic> out = new HashMap<>();
            for (long id = 1; id <= n; id++) {
                String query = query((int) (id % 10), v, r);
                out.put(id, new SavedTopic(id, query, id % 7 == 0 ? "lang:en" : null, false, false, Instant.EPOCH));
            }
            return out;
        }

        private static String query(int shape, Vocabulary v, Random r) {
            return switch (shape) {
                case 0 -> w(v, r);
                case 1 -> "\"" + w(v, r) + " " + w(v, r) + "\"";
                case 2 -> "\"" + w(v, r) + " " + w(v, r) + " " + w(v, r) + "\"";
                case 3 ->
                    "person:\"" + pick(v.names, r) + "\" OR person:\"" + pick(v.names, r) + "\" OR \""
                            + pick(v.names, r) + "\"";
                case 4 -> "(" + w(v, r) + " OR " + w(v, r) + ") AND (" + w(v, r) + " OR " + w(v, r) + ")";
                case 5 -> w(v, r) + " " + w(v, r) + " -" + w(v, r);
                case 6 -> w(v, r) + " NEAR/5 " + w(v, r);
                case 7 ->
                    "org:\"" + pick(v.orgs, r) + "\" OR country:" + COUNTRIES[r.nextInt(COUNTRIES.length)] + " "
                            + w(v, r);
                case 8 -> prefix(v, r) + "* " + w(v, r);
                default -> "source:" + pick(v.hosts, r) + " " + w(v, r) + " OR lang:de " + w(v, r);
            };
        }

        private static String w(Vocabulary v, Random r) {
            return pick(v.words, r);
        }

        private static String prefix(Vocabulary v, Random r) {
            String w;
            do {
                w = w(v, r);
            } while (w.length() < 6);
            return w.substring(0, 4 + r.nextInt(w.length() - 5));
        }

        private static String pick(List<String> values, Random r) {
            return values.get(r.nextInt(values.size()));
        }
    }

    /** The generated topics, as the matcher's store. */
    private record Store(Map<Long, SavedTopic> topics) implements TopicStore {

        @Override
        public Map<Long, Instant> versions() {
            Map<Long, Instant> out = new HashMap<>();
            topics.forEach((id, t) -> out.put(id, t.updatedAt()));
            return out;
        }

        @Override
        public List<SavedTopic> load(Collection<Long> ids) {
            return ids.stream().map(topics::get).toList();
        }
    }
}
