package io.newsmon.cli;

import io.newsmon.enrich.entities.CrfRecognizer;
import io.newsmon.enrich.entities.EnsembleRecognizer;
import io.newsmon.enrich.entities.NerScore;
import io.newsmon.enrich.entities.NewsEntityRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsmon entities-eval [FILE.conll]}: the CRF alone and with newsmon's rules, per type. */
@Command(
        name = "entities-eval",
        mixinStandardHelpOptions = true,
        description = "Scores the entity recognisers on a CoNLL file (token TAG a line): CoreNLP's CRFs alone, with"
                + " newsmon's rules, and the ensemble newsmon uses; precision, recall and F1 per type.")
final class EntitiesEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE.conll", description = "default: ${DEFAULT-VALUE}")
    Path file = Path.of("../shared/eval/ner-dev/wikigold.dev.conll.txt");

    @Override
    public Integer call() throws Exception {
        Usage.existingFile(spec, file, "a CoNLL file: token TAG a line");
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
        return 0;
    }

    private static void report(String name, Map<String, NerScore.Counts> counts, double msPerSentence) {
        System.out.println(name + (msPerSentence > 0 ? String.format(" (%.2f ms per sentence)", msPerSentence) : ""));
        counts.forEach((type, c) -> System.out.printf("  %-13s %s%n", type, c));
    }
}
