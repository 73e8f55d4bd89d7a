package io.newsmon.api.alert;

import java.util.regex.Pattern;

/** Values that go into mail headers: only single-line text and plain addresses ever reach the SMTP server. */
public final class MailAddresses {

    // deliberately narrower than RFC 5322: no quoted local parts, comments, display names or IP literals
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private MailAddresses() {}

    /** Whether {@code address} is a plain addr-spec safe to put in To/Bcc. */
    public static boolean valid(String address) {
        return address != null
                && address.length() <= 320
                && ADDRESS.matcher(address).matches();
    }

    /** {@code text} on one line: CR, LF and other control characters become spaces. */
    public static String headerSafe(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    }
}
