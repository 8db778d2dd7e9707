package fr.passerelle.referral.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard of webhook targets: {@code https} only, and every address the host resolves to must be public
 * (checked when a subscription is created and again before every attempt, since DNS answers change). The JVM caches a
 * positive lookup for 30 s, so the attempt connects to the address just checked in practice; what remains (a host
 * whose answer changes between the check and the connection, inside that cache's life) is written down in the ADR.
 */
public final class AddressGuard {

    /** Why a target is refused: a stable code and a message for the violation. */
    public record Refusal(String code, String message) {
    }

    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    /** @param allowLoopback DEV ONLY: loopback targets (http or https) are accepted */
    public AddressGuard(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public AddressGuard(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    /** Empty when the URL may be called; the reason otherwise. Resolves the host (DNS) unless it is a literal. */
    public Optional<Refusal> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return refuse("URL_INVALID", "must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawAuthority() == null) {
            return refuse("URL_INVALID", "must be an absolute URL with a host");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refuse("URL_SCHEME", "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return refuse("URL_INVALID", "must not carry credentials (user:password@); authenticate with the signature");
        }
        if (uri.getRawFragment() != null) {
            return refuse("URL_INVALID", "must not carry a fragment (#…)");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return refuse("URL_UNRESOLVABLE", "the host name does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return refuse("URL_UNRESOLVABLE", "the host name does not resolve");
        }
        boolean allLoopback = Arrays.stream(addresses).allMatch(AddressGuard::isLoopback);
        for (InetAddress a : addresses) {
            if (isLoopback(a)) {
                if (!allowLoopback) {
                    return refuse("URL_ADDRESS_NOT_PUBLIC", "resolves to a loopback address; the receiver must be reachable on a public address");
                }
            } else if (!isPublic(a)) {
                return refuse("URL_ADDRESS_NOT_PUBLIC", "resolves to a private, link-local, shared or reserved address ("
                        + category(a) + "); the receiver must be reachable on a public address");
            }
        }
        if (!scheme.equals("https") && !(allowLoopback && allLoopback)) {
            return refuse("URL_SCHEME", "must be an https URL");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    static boolean isLoopback(InetAddress a) {
        byte[] v4 = embeddedIpv4(a);
        return v4 != null ? (v4[0] & 0xff) == 127 : a.isLoopbackAddress();
    }

    /** Globally routable unicast: none of the special-purpose ranges of RFC 6890 and its updates. */
    public static boolean isPublic(InetAddress a) {
        return category(a) == null;
    }

    /** The special-purpose range an address falls in, or null for a public unicast address. */
    static String category(InetAddress a) {
        byte[] v4 = embeddedIpv4(a);
        if (v4 != null) {
            return v4Category(v4);
        }
        byte[] b = a.getAddress();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "unique local fc00::/7";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "link-local fe80::/10";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "site-local fec0::/10";
        }
        if (b0 == 0xff) {
            return "multicast";
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation 2001:db8::/32";
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
            return "Teredo 2001::/32";
        }
        if (b0 == 0x01 && b1 == 0x00 && allZero(b, 2, 8)) {
            return "discard 100::/64";
        }
        if ((b0 & 0xe0) != 0x20) {
            // Outside 2000::/3, the only global unicast block allocated.
            return "reserved IPv6";
        }
        return null;
    }

    private static String v4Category(byte[] v4) {
        int a = v4[0] & 0xff;
        int b = v4[1] & 0xff;
        int c = v4[2] & 0xff;
        if (a == 0) {
            return "\"this network\" 0.0.0.0/8";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 10) {
            return "private 10.0.0.0/8";
        }
        if (a == 172 && (b & 0xf0) == 16) {
            return "private 172.16.0.0/12";
        }
        if (a == 192 && b == 168) {
            return "private 192.168.0.0/16";
        }
        if (a == 169 && b == 254) {
            return "link-local 169.254.0.0/16";
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return "shared (CGNAT) 100.64.0.0/10";
        }
        if (a == 192 && b == 0 && (c == 0 || c == 2)) {
            return "IETF/documentation 192.0.0.0/24, 192.0.2.0/24";
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return "benchmarking 198.18.0.0/15";
        }
        if ((a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return "documentation";
        }
        if (a == 192 && b == 88 && c == 99) {
            return "6to4 relay anycast";
        }
        if (a >= 224 && a <= 239) {
            return "multicast 224.0.0.0/4";
        }
        if (a >= 240) {
            return "reserved 240.0.0.0/4";
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 form carries (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96,
     * 6to4 2002::/16), or the address itself for IPv4; null for other IPv6 addresses.
     */
    static byte[] embeddedIpv4(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getAddress();
        }
        if (!(a instanceof Inet6Address)) {
            return null;
        }
        byte[] b = a.getAddress();
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (allZero(b, 0, 12) && !allZero(b, 12, 15)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
