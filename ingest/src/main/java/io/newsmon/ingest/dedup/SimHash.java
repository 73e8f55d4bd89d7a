package io.newsmon.ingest.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash (Charikar) over word 3-gram shingles: texts that differ by a few edits (a syndicated copy
 * with another byline or a trailing credit) get fingerprints a few bits apart; unrelated texts differ in
 * about half of the 64 bits.
 */
public final class SimHash {

    /** Fingerprints at most this many bits apart are near-duplicates. */
    public static final int NEAR = 8;

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private SimHash() {}

    public static long of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        int[] votes = new int[64];
        for (int i = 0; i + 3 <= words.size(); i++) {
            long h = fnv1a(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Too short a text has too few shingles for its fingerprint to mean anything. */
    public static boolean meaningful(String text) {
        return text != null && text.split("\\s+").length >= 50;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly; a final avalanche spreads every input bit over the word
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
