package dev.footnote.ingest;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address policy for links from strangers: public unicast only. IPv4 is checked against the
 * special-purpose ranges of RFC 6890 and its successors; IPv6 must be global unicast (2000::/3),
 * and IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by
 * the IPv4 address inside, since that is where the packets end up.
 */
final class PublicAddresses implements AddressPolicy {

    private record Range(int base, int prefix, String name) {
        boolean contains(int v4) {
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return (v4 & mask) == (base & mask);
        }

        String cidr() {
            return v4Text(base) + "/" + prefix;
        }
    }

    private static final List<Range> V4 = List.of(
            range("0.0.0.0", 8, "\"this network\""),
            range("10.0.0.0", 8, "private"),
            range("100.64.0.0", 10, "carrier-grade NAT"),
            range("127.0.0.0", 8, "loopback"),
            range("169.254.0.0", 16, "link-local"),
            range("172.16.0.0", 12, "private"),
            range("192.0.0.0", 24, "IETF protocol"),
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "6to4 relay"),
            range("192.168.0.0", 16, "private"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved or broadcast"));

    @Override
    public Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return v4Refusal(v4(b, 0));
        }
        String text = text(address);
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(text, "an IPv4-mapped", v4(b, 12));
        }
        if (zero(b, 0, 12)) {
            int v4 = v4(b, 12);
            if (v4 == 0) {
                return Optional.of(text + " is the unspecified (::) address");
            }
            if (v4 == 1) {
                return Optional.of(text + " is the loopback (::1) address");
            }
            // deprecated (RFC 4291) and not routed anywhere useful, so refused even around a public IPv4
            return embedded(text, "an IPv4-compatible", v4)
                    .or(() -> Optional.of(text + " is an IPv4-compatible (::/96) address, which is deprecated"));
        }
        if (prefix(b, 0x0064, 0xff9b, 0, 0, 0, 0)) {
            return embedded(text, "a NAT64", v4(b, 12));
        }
        if (prefix(b, 0x0064, 0xff9b, 0x0001)) {
            return Optional.of(text + " is a local-use NAT64 (64:ff9b:1::/48) address");
        }
        if (prefix(b, 0x2002)) {
            return embedded(text, "a 6to4", v4(b, 2));
        }
        if (prefix(b, 0x2001, 0x0000)) {
            return embedded(text, "a Teredo", ~v4(b, 12)); // the client address is stored inverted
        }
        if (prefix(b, 0x2001, 0x0db8)) {
            return Optional.of(text + " is a documentation (2001:db8::/32) address");
        }
        int first = (b[0] & 0xff) << 8 | b[1] & 0xff;
        if ((first & 0xe000) == 0x2000) {
            return Optional.empty();
        }
        String kind = (first & 0xfe00) == 0xfc00 ? "unique-local (fc00::/7)"
                : (first & 0xffc0) == 0xfe80 ? "link-local (fe80::/10)"
                : (first & 0xffc0) == 0xfec0 ? "site-local (fec0::/10)"
                : (first & 0xff00) == 0xff00 ? "multicast (ff00::/8)"
                : prefix(b, 0x0100, 0, 0, 0) ? "discard-only (100::/64)"
                : "reserved (outside the global unicast 2000::/3)";
        return Optional.of(text + " is " + article(kind) + " " + kind + " address");
    }

    private static Optional<String> v4Refusal(int v4) {
        for (Range r : V4) {
            if (r.contains(v4)) {
                return Optional.of(v4Text(v4) + " is " + article(r.name()) + " " + r.name() + " (" + r.cidr() + ") address");
            }
        }
        return Optional.empty();
    }

    /** "64:ff9b::a9fe:a9fe is a NAT64 address for 169.254.169.254, a link-local (…) address". */
    private static Optional<String> embedded(String text, String form, int v4) {
        return v4Refusal(v4).map(r -> text + " is " + form + " address for " + r.replaceFirst(" is ", ", "));
    }

    private static String article(String name) {
        // "a unique-local", "an IETF protocol": by sound, which for these names the first letter tells, u aside
        return "aeioAEIO".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the address starts with these 16-bit groups. */
    private static boolean prefix(byte[] b, int... groups) {
        for (int i = 0; i < groups.length; i++) {
            if (((b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff) != groups[i]) {
                return false;
            }
        }
        return true;
    }

    private static int v4(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private static String v4Text(int v) {
        return (v >>> 24) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
    }

    private static Range range(String base, int prefix, String name) {
        try {
            return new Range(v4(InetAddress.getByName(base).getAddress(), 0), prefix, name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(base, e);
        }
    }

    /** An address as people write it: dotted IPv4, or IPv6 with the longest run of zero groups as "::" (RFC 5952). */
    static String text(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return v4Text(v4(b, 0));
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestAt = -1;
        int bestLen = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
