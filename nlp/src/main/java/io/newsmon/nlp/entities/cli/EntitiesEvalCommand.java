package io.newsmon.nlp.entities.cli;

import io.newsmon.nlp.entities.CrfRecognizer;
import io.newsmon.nlp.entities.EnsembleRecognizer;
import io.newsmon.nlp.entities.NerScore;
import io.newsmon.nlp.entities.NewsEntityRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code ./newsmon entities-eval [FILE.conll]}: the CRF alone and with newsmon's rules, per type. */
public final class EntitiesEvalCommand {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/eval/ner-dev/wikigold.dev.conll.txt");
        if (!Files.isRegularFile(file)) {
            System.err.println("newsmon: " + file + ": no such file (give a CoNLL file: token TAG a line)");
            System.exit(2);
        }
        List<NerScore.Sentence> sentences = NerScore.readConll(file);
        long t0 = System.nanoTime();
        CrfRecognizer conll = CrfRecognizer.load(CrfRecognizer.CONLL_4CLASS, true);
        CrfRecognizer all = CrfRecognizer.load(CrfRecognizer.ALL_3CLASS, false);
        System.out.printf("models loaded in %.1f s; %d sentences%n", (System.nanoTime() - t0) / 1e9, sentences.size());
        CrfRecognizer conllOnly = CrfRecognizer.load();
        report("CoNLL 4-class CRF alone", NerScore.score(conllOnly, sentences), 0);
        report("CoNLL 4-class CRF + rules", NerScore.score(new NewsEntityRecognizer(conllOnly), sentences), 0);
        report("3-class CRF alone", NerScore.score(all, sentences), 0);
        report("3-class CRF + rules", NerScore.score(new NewsEntityRecognizer(all), sentences), 0);
        report("3-class + 4-class ensemble", NerScore.score(new EnsembleRecognizer(all, conll), sentences), 0);
        long t1 = System.nanoTime();
        Map<String, NerScore.Counts> rules =
                NerScore.score(new NewsEntityRecognizer(new EnsembleRecognizer(all, conll)), sentences);
        report("ensemble + rules (newsmon)", rules, (System.nanoTime() - t1) / 1e6 / sentences.size());
    }

    private static void report(String name, Map<String, NerScore.Counts> counts, double msPerSentence) {
        System.out.println(name + (msPerSentence > 0 ? String.format(" (%.2f ms per sentence)", msPerSentence) : ""));
        counts.forEach((type, c) -> System.out.printf("  %-13s %s%n", type, c));
    }
}
