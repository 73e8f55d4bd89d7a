package io.newsmon.enrich.text;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/** Stop words per language: newsmon's English list, and Lucene's default lists for 20 other languages. */
final class StopWords {

    private static final Map<String, Supplier<CharArraySet>> LUCENE = Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::getDefaultStopSet),
            Map.entry("ca", CatalanAnalyzer::getDefaultStopSet),
            Map.entry("cs", CzechAnalyzer::getDefaultStopSet),
            Map.entry("da", DanishAnalyzer::getDefaultStopSet),
            Map.entry("de", GermanAnalyzer::getDefaultStopSet),
            Map.entry("es", SpanishAnalyzer::getDefaultStopSet),
            Map.entry("fa", PersianAnalyzer::getDefaultStopSet),
            Map.entry("fi", FinnishAnalyzer::getDefaultStopSet),
            Map.entry("fr", FrenchAnalyzer::getDefaultStopSet),
            Map.entry("hi", HindiAnalyzer::getDefaultStopSet),
            Map.entry("hu", HungarianAnalyzer::getDefaultStopSet),
            Map.entry("id", IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("it", ItalianAnalyzer::getDefaultStopSet),
            Map.entry("nl", DutchAnalyzer::getDefaultStopSet),
            Map.entry("no", NorwegianAnalyzer::getDefaultStopSet),
            Map.entry("pt", PortugueseAnalyzer::getDefaultStopSet),
            Map.entry("ro", RomanianAnalyzer::getDefaultStopSet),
            Map.entry("ru", RussianAnalyzer::getDefaultStopSet),
            Map.entry("sv", SwedishAnalyzer::getDefaultStopSet),
            Map.entry("tr", TurkishAnalyzer::getDefaultStopSet));

    private StopWords() {}

    /** The stop-word test for {@code language}, or null when newsmon has no list for it. */
    static Predicate<String> of(String language) {
        if (language == null) {
            return null;
        }
        if (language.equals("en")) {
            return Keyphrases.STOP::contains;
        }
        Supplier<CharArraySet> set = LUCENE.get(language);
        if (set == null) {
            return null;
        }
        CharArraySet words = set.get();
        return words::contains;
    }
}
