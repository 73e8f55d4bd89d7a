package io.newsmon.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of a page that came without one in its {@code Content-Type}. A byte-order mark or a
 * {@code <meta charset>} / XML declaration in the first bytes is the page's own word and is left to the
 * parser ({@code null}); otherwise bytes that are valid UTF-8 are UTF-8, and anything else is guessed from
 * byte statistics (Mozilla's universal detector), falling back to windows-1252 as browsers do.
 */
public final class CharsetSniffer {

    private static final int HEAD = 4096;
    private static final int SAMPLE = 64 * 1024;
    private static final Pattern DECLARED =
            Pattern.compile("<meta[^>]+charset\\s*=|<\\?xml[^>]+encoding\\s*=", Pattern.CASE_INSENSITIVE);

    private CharsetSniffer() {}

    /** The charset to decode {@code bytes} with, or null when the page declares its own. */
    public static String undeclaredCharset(byte[] bytes) {
        if (hasBom(bytes)) {
            return null;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (m.find()) {
            return null;
        }
        int n = Math.min(bytes.length, SAMPLE);
        if (isUtf8(bytes, n)) {
            return StandardCharsets.UTF_8.name();
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, n);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess != null) {
            try {
                return Charset.forName(guess).name();
            } catch (RuntimeException unknownToTheJdk) {
                // fall through to the browsers' default
            }
        }
        return "windows-1252";
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf
                || b.length >= 2
                        && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe);
    }

    /** Strict UTF-8 over the first {@code n} bytes; a sequence cut at the sample's end still counts. */
    private static boolean isUtf8(byte[] bytes, int n) {
        int end = n;
        if (n < bytes.length) {
            // do not let the sample boundary split a multi-byte character
            while (end > 0 && end > n - 4 && (bytes[end - 1] & 0xc0) == 0x80) {
                end--;
            }
            if (end > 0 && (bytes[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A charset name the JDK knows, normalised, or null. */
    public static String known(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT)).name();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
