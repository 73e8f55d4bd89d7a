package io.newsmon.enrich.entities;

/** The recognisers newsmon uses, built once: they hold CRF models of 30–80 MB of heap. */
public final class Recognizers {

    /** Written into each stored mention, so a later model's output can be told apart. */
    public static final String ENGLISH_NAME = "corenlp-3class+rules";

    public static final String FALLBACK_NAME = "rules";

    private Recognizers() {}

    /** English: CoreNLP's 3-class CRF with newsmon's rules around it. */
    public static EntityRecognizer english() {
        return new NewsEntityRecognizer(CrfRecognizer.load(CrfRecognizer.ALL_3CLASS, false));
    }

    /**
     * Other languages: people after titles, organisations by their organisation words, places from the
     * gazetteer and country names in 24 languages ({@link RuleRecognizer}), with newsmon's rules around them
     * (acronyms, consistency).
     */
    public static EntityRecognizer fallback() {
        return new NewsEntityRecognizer(new RuleRecognizer(Gazetteer.standard()));
    }
}
