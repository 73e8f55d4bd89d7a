package io.newsmon.sources.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One spelling per article URL, so that the same story linked with tracking parameters, a fragment,
 * an explicit default port or upper-case host is recognised as already known: scheme and host in
 * lower case, default ports and fragments dropped, tracking parameters removed, the remaining query
 * parameters sorted, an empty path written as "/".
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "igshid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "ocid",
            "cmpid",
            "smid",
            "smtyp",
            "ito",
            "ns_mchannel",
            "ns_source",
            "ns_campaign",
            "ns_linkname",
            "ns_fee",
            "sr_share",
            "at_medium",
            "at_campaign",
            "spm",
            "share",
            "ref_src");

    private UrlCanonicalizer() {}

    /** The canonical form, or empty when {@code url} is not an absolute http(s) URL. */
    public static Optional<String> canonical(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getRawAuthority() == null
                || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = canonicalQuery(uri.getRawQuery());
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host.contains(":") ? "[" + host.replace("[", "").replace("]", "") + "]" : host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return Optional.of(out.toString());
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
