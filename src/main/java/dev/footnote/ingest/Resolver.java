package dev.footnote.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host name to addresses, for {@link UrlFetcher}; tests give names their own loopback addresses. */
@FunctionalInterface
public interface Resolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver (DNS, /etc/hosts), with its own lookup timeout. */
    static Resolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
