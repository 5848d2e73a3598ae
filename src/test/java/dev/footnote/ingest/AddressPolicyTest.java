package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public-only policy on every range it refuses, on both sides of each boundary. */
class AddressPolicyTest {

    final AddressPolicy policy = AddressPolicy.publicOnly();

    /** Written out here from the RFCs, not copied from the policy, so a typo there shows. */
    static final List<String[]> V4 = List.of(
            new String[] {"0.0.0.0", "0.255.255.255"},
            new String[] {"10.0.0.0", "10.255.255.255"},
            new String[] {"100.64.0.0", "100.127.255.255"},
            new String[] {"127.0.0.0", "127.255.255.255"},
            new String[] {"169.254.0.0", "169.254.255.255"},
            new String[] {"172.16.0.0", "172.31.255.255"},
            new String[] {"192.0.0.0", "192.0.0.255"},
            new String[] {"192.0.2.0", "192.0.2.255"},
            new String[] {"192.88.99.0", "192.88.99.255"},
            new String[] {"192.168.0.0", "192.168.255.255"},
            new String[] {"198.18.0.0", "198.19.255.255"},
            new String[] {"198.51.100.0", "198.51.100.255"},
            new String[] {"203.0.113.0", "203.0.113.255"},
            new String[] {"224.0.0.0", "255.255.255.255"});

    private Optional<String> judge(String literal) {
        return policy.refusal(address(literal));
    }

    @Test
    void everyIpv4RangeIsRefusedFromItsFirstToItsLastAddressAndNotOneBeyond() {
        for (String[] r : V4) {
            long first = v4(r[0]);
            long last = v4(r[1]);
            assertThat(judge(r[0])).as(r[0]).isPresent();
            assertThat(judge(r[1])).as(r[1]).isPresent();
            assertThat(judge(text(first + (last - first) / 2))).as("middle of " + r[0]).isPresent();
            for (long outside : new long[] {first - 1, last + 1}) {
                if (outside < 0 || outside > 0xffffffffL || V4.stream().anyMatch(o -> v4(o[0]) <= outside && outside <= v4(o[1]))) {
                    continue; // next to another refused range, or off the end
                }
                assertThat(judge(text(outside))).as(text(outside) + " next to " + r[0]).isEmpty();
            }
        }
    }

    @Test
    void ordinaryPublicAddressesPass() {
        for (String a : List.of("1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                "172.32.0.0", "192.0.1.1", "198.17.255.255", "198.20.0.0", "223.255.255.255",
                "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450::1", "64:ff9b::808:808", "::ffff:8.8.8.8",
                "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7")) {
            assertThat(judge(a)).as(a).isEmpty();
        }
    }

    @Test
    void refusalsNameTheAddressAndItsRange() {
        assertThat(judge("100.100.100.200")).contains("100.100.100.200 is a carrier-grade NAT (100.64.0.0/10) address");
        assertThat(judge("255.255.255.255")).contains("255.255.255.255 is a reserved or broadcast (240.0.0.0/4) address");
        assertThat(judge("239.1.2.3")).contains("239.1.2.3 is a multicast (224.0.0.0/4) address");
        assertThat(judge("::")).contains(":: is the unspecified (::) address");
        assertThat(judge("::1")).contains("::1 is the loopback (::1) address");
    }

    @Test
    void ipv6RangesOutsideGlobalUnicastAreRefused() {
        for (String a : List.of("fc00::1", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fd00:ec2::254", "fe80::1",
                "febf:ffff::1", "fec0::1", "ff02::1", "ff05::2", "100::1", "1fff:ffff::1", "e000::1", "4000::1",
                "2001:db8::1", "64:ff9b:1::a", "2001:db8:ffff::1")) {
            assertThat(judge(a)).as(a).isPresent();
        }
        // the edges of 2000::/3 and of fc00::/7
        assertThat(judge("2000::1")).isEmpty();
        assertThat(judge("3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEmpty();
        assertThat(judge("fbff:ffff::1")).contains("fbff:ffff::1 is a reserved (outside the global unicast 2000::/3) address");
        assertThat(judge("fe00::1")).isPresent();
        assertThat(judge("2001:db7:ffff::1")).isEmpty();
        assertThat(judge("2001:db9::1")).isEmpty();
    }

    @Test
    void ipv6FormsCarryingAnIpv4AddressAreJudgedByIt() {
        // IPv4-mapped: Java turns these into IPv4 addresses; the policy must judge them either way
        assertThat(judge("::ffff:169.254.169.254")).contains("169.254.169.254 is a link-local (169.254.0.0/16) address");
        assertThat(policy.refusal(mapped(127, 0, 0, 1))).contains("::ffff:7f00:1 is an IPv4-mapped address for 127.0.0.1, "
                + "a loopback (127.0.0.0/8) address");
        assertThat(policy.refusal(mapped(8, 8, 8, 8))).isEmpty();
        // IPv4-compatible ::a.b.c.d is deprecated: refused whatever is inside, and named for what is
        assertThat(judge("::127.0.0.1")).contains("::7f00:1 is an IPv4-compatible address for 127.0.0.1, a loopback (127.0.0.0/8) address");
        assertThat(judge("::8.8.8.8")).contains("::808:808 is an IPv4-compatible (::/96) address, which is deprecated");
        // NAT64 64:ff9b::/96 reaches the IPv4 address inside
        assertThat(judge("64:ff9b::a9fe:a9fe")).contains("64:ff9b::a9fe:a9fe is a NAT64 address for 169.254.169.254, "
                + "a link-local (169.254.0.0/16) address");
        assertThat(judge("64:ff9b::6464:64c8")).isPresent(); // 100.100.100.200
        assertThat(judge("64:ff9b::a00:1")).isPresent(); // 10.0.0.1
        assertThat(judge("64:ff9b::808:808")).isEmpty();
        // 6to4 2002:V4::/48 and Teredo 2001:0::/32 (client address inverted in the last 32 bits)
        assertThat(judge("2002:a9fe:a9fe::1")).contains("2002:a9fe:a9fe::1 is a 6to4 address for 169.254.169.254, "
                + "a link-local (169.254.0.0/16) address");
        assertThat(judge("2002:7f00:1::")).isPresent();
        assertThat(judge("2001:0:4136:e378:8000:63bf:80ff:fffe")).isPresent(); // ~0x80fffffe = 127.0.0.1
        assertThat(judge("2001:0:4136:e378:8000:63bf:5601:5601")).isPresent(); // ~0x56015601 = 169.254.169.254
    }

    @Test
    void theCommandLinePolicyAllowsEverything() {
        for (String a : List.of("127.0.0.1", "10.0.0.1", "::1", "169.254.169.254", "fd00::1")) {
            assertThat(AddressPolicy.anyAddress().refusal(address(a))).as(a).isEmpty();
        }
    }

    @Test
    void addressesAreWrittenAsPeopleWriteThem() {
        assertThat(PublicAddresses.text(address("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(PublicAddresses.text(address("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(PublicAddresses.text(address("::"))).isEqualTo("::");
        assertThat(PublicAddresses.text(address("fe80::"))).isEqualTo("fe80::");
        assertThat(PublicAddresses.text(address("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    private static InetAddress mapped(int a, int b, int c, int d) {
        byte[] raw = new byte[16];
        raw[10] = (byte) 0xff;
        raw[11] = (byte) 0xff;
        raw[12] = (byte) a;
        raw[13] = (byte) b;
        raw[14] = (byte) c;
        raw[15] = (byte) d;
        try {
            return java.net.Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long v4(String s) {
        long v = 0;
        for (String part : s.split("\\.")) {
            v = v << 8 | Integer.parseInt(part);
        }
        return v;
    }

    private static String text(long v) {
        return (v >>> 24 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
