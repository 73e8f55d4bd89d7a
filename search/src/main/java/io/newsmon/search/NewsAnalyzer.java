package io.newsmon.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analyzer of article text for search and alerts: Unicode word boundaries (UAX #29), lower case,
 * accents folded to ASCII, no stop words and, unless asked for, no stemming — an analyst's exact word is
 * what is matched. The stemming variant (Porter, English) indexes the {@code *_stem} fields.
 */
public final class NewsAnalyzer extends Analyzer {

    /** Keeps a phrase from matching across two values of a multi-valued field (two entity names). */
    static final int VALUE_GAP = 100;

    private final boolean stemming;

    public NewsAnalyzer(boolean stemming) {
        this.stemming = stemming;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(255);
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        if (stemming) {
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return 1;
    }
}
