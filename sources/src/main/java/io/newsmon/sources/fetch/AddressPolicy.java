package io.newsmon.sources.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: ingest fetches what feeds and pages link to, so a hostile feed must not make it
 * fetch internal services. Only http and https URLs are allowed, and every address a host resolves
 * to must be public: loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local,
 * carrier-grade NAT, multicast and unspecified addresses are refused unless a configured CIDR range
 * ({@code newsmon.fetch.allowed-private-ranges}) allows them. Checked before each request and on every
 * redirect.
 *
 * <p>Limit: the JDK's HTTP client resolves the host again when it connects, so a DNS server that
 * answers differently within milliseconds (rebinding) is not stopped here; a resolver hook needs Java 18+.
 */
public class AddressPolicy {

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedRanges) {
        List<Cidr> parsed = new ArrayList<>();
        for (String range : allowedRanges) {
            if (!range.isBlank()) {
                parsed.add(Cidr.parse(range.strip()));
            }
        }
        this.allowed = List.copyOf(parsed);
    }

    /** Throws with the reason when {@code uri} may not be fetched. */
    public void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused: only http and https are fetched, not " + uri);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new FetchException("malformed URL: no host in " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw FetchException.transientFailure("unknown host: " + host); // DNS fails for a while, too
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new FetchException("refused: " + host + " resolves to " + why + " address "
                        + address.getHostAddress() + " (newsmon.fetch.allowed-private-ranges permits ranges)");
            }
        }
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String internal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "a private";
        }
        if (a.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT";
            }
            if (first == 0 || first >= 240) {
                return "a reserved";
            }
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "a unique-local";
            }
            if (isIpv4Mapped(b)) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return "an unreadable";
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    /** An address range such as 127.0.0.0/8 or fd00::/8. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in CIDR range '" + text + "'");
                }
                return new Cidr(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: '" + text + "'", e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < b.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((b[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
