package io.newsmon.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CoreNLP's English CRF (CoNLL 4 classes, distributional-similarity features). The model is
 * unpacked from {@code stanford-corenlp:4.5.10:models} into this module at build time (18 MB, not the
 * 474 MB jar). MISC is dropped.
 */
public final class CrfRecognizer implements EntityRecognizer {

    public static final String MISC = "MISC";

    /** CoNLL 2003 classes: PERSON, ORGANIZATION, LOCATION, MISC. */
    public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    /** PERSON, ORGANIZATION, LOCATION, trained on more corpora (CoNLL, MUC-6/7, ACE, OntoNotes …). */
    public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final CRFClassifier<CoreLabel> classifier;
    private final boolean keepMisc;

    private CrfRecognizer(CRFClassifier<CoreLabel> classifier, boolean keepMisc) {
        this.classifier = classifier;
        this.keepMisc = keepMisc;
    }

    /** The CoNLL 4-class model, without MISC. */
    public static CrfRecognizer load() {
        return load(CONLL_4CLASS, false);
    }

    /** Loads a model from the classpath (one to two seconds); {@code keepMisc} keeps MISC spans. */
    public static CrfRecognizer load(String model, boolean keepMisc) {
        try (InputStream in = CrfRecognizer.class.getClassLoader().getResourceAsStream(model)) {
            if (in == null) {
                throw new IllegalStateException(model + " is not on the classpath; build the enrich module with Maven");
            }
            return new CrfRecognizer(CRFClassifier.getClassifier(new GZIPInputStream(in, 1 << 16)), keepMisc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NER model " + model, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the NER model does not match this CoreNLP version", e);
        }
    }

    /** The model over the whole text, no sentence skipped: the reference {@link #recognize} is checked against. */
    List<Entity> recognizeEverySentence(String text) {
        List<Entity> out = new ArrayList<>();
        classify(text, 0, text.length(), out);
        return out;
    }

    @Override
    public List<Entity> recognize(String text) {
        List<Entity> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        // sentences with no capitalised word but a common first word cannot hold a name: the model only
        // reads the runs of text between them (entity time per news article drops by about a quarter)
        for (int[] run : NameFreeSentences.runsWorthReading(text)) {
            classify(text, run[0], run[1], out);
        }
        return out;
    }

    private void classify(String text, int start, int end, List<Entity> out) {
        for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text.substring(start, end))) {
            String type = t.first();
            if (type.equals(Entity.PERSON)
                    || type.equals(Entity.ORGANIZATION)
                    || type.equals(Entity.LOCATION)
                    || keepMisc && type.equals(MISC)) {
                out.add(Entity.of(text, start + t.second(), start + t.third(), type));
            }
        }
    }
}
