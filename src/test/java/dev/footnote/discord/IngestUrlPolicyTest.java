package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.DiscordConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ingest url:} from Discord fetches only public addresses. These literal addresses got past
 * the old check (it knew loopback, site-local, link-local, multicast and fc00::/7 only) and were
 * fetched; they must be refused, by name, before any connection.
 */
class IngestUrlPolicyTest {

    @TempDir
    Path dir;
    BotFixture fx;

    @BeforeEach
    void open() {
        DiscordConfig cfg = new DiscordConfig(null, null, List.of(ModeratorCommandsTest.MOD_ROLE), null,
                new DiscordConfig.RateLimit(100, 1000), null, 60, 2, 5, null, null);
        fx = new BotFixture(dir, cfg, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String ingest(String url) throws InterruptedException {
        Fake.Sent sent = new Fake.Sent();
        new IngestSlashCommand(fx.ctx).handle(Fake.slash("ingest", Map.of("url", url), Fake.Who.moderator(), sent));
        MessageEditData edit = sent.awaitEdit(x -> true);
        return edit == null ? null : edit.getContent();
    }

    @Test
    void metadataNat64CompatibleAndReservedAddressesAreRefusedByName() throws Exception {
        Map<String, String> refused = Map.of(
                "http://100.100.100.200/latest/meta-data", "100.100.100.200 is a carrier-grade NAT (100.64.0.0/10) address",
                "http://198.18.0.1/", "198.18.0.1 is a benchmarking (198.18.0.0/15) address",
                "http://192.0.0.170/", "192.0.0.170 is an IETF protocol (192.0.0.0/24) address",
                "http://[::127.0.0.1]:8080/", "::7f00:1 is an IPv4-compatible address for 127.0.0.1, a loopback (127.0.0.0/8) address",
                "http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe is a NAT64 address for 169.254.169.254, a link-local (169.254.0.0/16) address",
                "http://[::ffff:169.254.169.254]/", "169.254.169.254 is a link-local (169.254.0.0/16) address",
                "http://0.0.0.0:8080/", "0.0.0.0 is a \"this network\" (0.0.0.0/8) address",
                "http://127.0.0.1:8080/admin", "127.0.0.1 is a loopback (127.0.0.0/8) address");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            assertThat(ingest(e.getKey())).as(e.getKey())
                    .isEqualTo("Rejected <" + e.getKey() + ">: " + e.getValue() + "; only links to public internet addresses are fetched.");
        }
    }
}
