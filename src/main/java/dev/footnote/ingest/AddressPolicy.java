package dev.footnote.ingest;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which resolved addresses a URL fetch may connect to. {@link UrlFetcher} asks it about every
 * address of every hop, redirects included, before connecting.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why this address may not be fetched (a phrase such as "10.0.0.1 is a private (10.0.0.0/8) address"), or empty. */
    Optional<String> refusal(InetAddress address);

    /** What the user is told after a refusal: the rule this policy applies. */
    default String rule() {
        return "only links to public internet addresses are fetched";
    }

    /**
     * Public internet addresses only: what a Discord moderator's link may reach. Private,
     * loopback, link-local, carrier-grade NAT, benchmark, reserved and multicast ranges are
     * refused, also when they hide inside an IPv6 address (mapped, compatible, NAT64, 6to4, Teredo).
     */
    static AddressPolicy publicOnly() {
        return new PublicAddresses();
    }

    /** Any address: the command line fetching from the user's own machine or network. */
    static AddressPolicy anyAddress() {
        return a -> Optional.empty();
    }
}
