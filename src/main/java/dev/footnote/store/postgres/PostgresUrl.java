package dev.footnote.store.postgres;

import dev.footnote.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a PostgreSQL database is: {@code postgresql://[user@]host[:port]/dbname[?params]}, or the
 * same with {@code jdbc:} in front. A password is refused here (in a URL it ends up in config
 * files, shell history and logs); it comes from {@code PGPASSWORD} or {@code FOOTNOTE_DB_PASSWORD}.
 */
public record PostgresUrl(String user, String host, int port, String database, Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;

    public PostgresUrl {
        params = Map.copyOf(params);
    }

    /** Whether {@code location} names a PostgreSQL database rather than an SQLite file. */
    public static boolean matches(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("postgresql://") || l.startsWith("jdbc:postgresql://") || l.startsWith("postgres://");
    }

    /** Parses a URL that {@link #matches}; a malformed one is a StoreException saying what is wrong. */
    public static PostgresUrl parse(String location) {
        String s = location.strip().replaceFirst("(?i)^jdbc:", "").replaceFirst("(?i)^postgres(ql)?://", "postgresql://");
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new StoreException("The database URL is malformed (" + e.getReason() + "); write it as postgresql://user@host:5432/dbname.");
        }
        String user = null;
        if (u.getRawUserInfo() != null) {
            if (u.getRawUserInfo().contains(":")) {
                throw new StoreException("The database URL holds a password; remove it and set PGPASSWORD or FOOTNOTE_DB_PASSWORD instead.");
            }
            user = u.getUserInfo();
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new StoreException("The database URL names no host; write it as postgresql://user@host:5432/dbname.");
        }
        String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        if (path.isBlank() || path.contains("/")) {
            throw new StoreException("The database URL names no database; write it as postgresql://user@host:5432/dbname.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getQuery().split("&")) {
                if (kv.isBlank()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : kv.substring(eq + 1);
                if (k.equalsIgnoreCase("password")) {
                    throw new StoreException("The database URL holds a password; remove it and set PGPASSWORD or FOOTNOTE_DB_PASSWORD instead.");
                }
                if (k.equalsIgnoreCase("user")) {
                    user = v;
                } else {
                    params.put(k, v);
                }
            }
        }
        return new PostgresUrl(user, u.getHost(), u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), path, params);
    }

    /** The JDBC URL (user and password are given to the pool separately). */
    public String jdbc() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(hostPort()).append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return b.toString();
    }

    /** The same server, user and parameters, another database. */
    public PostgresUrl withDatabase(String name) {
        return new PostgresUrl(user, host, port, name, params);
    }

    public Optional<String> userName() {
        return Optional.ofNullable(user);
    }

    /** For messages and logs: never a password, since the URL cannot hold one. */
    @Override
    public String toString() {
        return "postgresql://" + (user == null ? "" : user + "@") + hostPort() + "/" + database;
    }

    private String hostPort() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
