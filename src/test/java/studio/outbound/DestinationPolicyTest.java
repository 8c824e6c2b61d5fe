package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Webhook destinations: public addresses yes; this machine, private, link-local and metadata addresses no, unless allowed. */
class DestinationPolicyTest {

    static final DestinationPolicy STRICT = DestinationPolicy.allowing(List.of());

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Optional<String> judge(DestinationPolicy policy, String host, String... addresses) {
        return policy.refusal(host, java.util.Arrays.stream(addresses).map(DestinationPolicyTest::ip).toList());
    }

    @Test
    void publicAddressesMayReceiveWebhooks() {
        assertEquals(Optional.empty(), judge(STRICT, "hooks.example.com", "93.184.216.34"));
        assertEquals(Optional.empty(), judge(STRICT, "hooks.example.com", "2606:2800:220:1:248:1893:25c8:1946"));
        assertEquals(Optional.empty(), judge(STRICT, "172.32.0.1", "172.32.0.1"), "just outside 172.16.0.0/12");
    }

    @Test
    void thisMachinePrivateLinkLocalAndMetadataAddressesMayNot() {
        String[][] refused = {{"127.0.0.1", "loopback"}, {"127.8.9.10", "loopback"}, {"::1", "loopback"}, {"0.0.0.0", "unspecified"},
                {"10.1.2.3", "RFC 1918"}, {"172.16.0.1", "RFC 1918"}, {"172.31.255.255", "RFC 1918"}, {"192.168.1.1", "RFC 1918"},
                {"169.254.169.254", "metadata"}, {"169.254.1.1", "link-local"}, {"fe80::1", "link-local"},
                {"fd00:ec2::254", "metadata"}, {"fd12:3456::1", "unique local"}, {"100.64.0.1", "carrier-grade NAT"},
                {"::ffff:127.0.0.1", "loopback"}, {"::ffff:169.254.169.254", "metadata"}, {"64:ff9b::a00:1", "RFC 1918"},
                {"224.0.0.1", "multicast"}, {"255.255.255.255", "broadcast"}};
        for (String[] r : refused) {
            Optional<String> why = judge(STRICT, "hooks.example.com", r[0]);
            assertTrue(why.isPresent() && why.get().contains(r[1]) && why.get().contains("studio.webhooks.allowed-hosts"), r[0] + ": " + why);
        }
    }

    @Test
    void oneBadAddressAmongGoodOnesIsEnough() {
        assertTrue(judge(STRICT, "rebind.example", "93.184.216.34", "127.0.0.1").isPresent());
    }

    @Test
    void metadataServicesAreRefusedByNameAndUnresolvableHostsToo() {
        assertTrue(judge(STRICT, "metadata.google.internal").get().contains("metadata"));
        assertTrue(judge(STRICT, "METADATA.google.internal.", "169.254.169.254").get().contains("metadata"));
        assertTrue(judge(STRICT, "nowhere.invalid").get().contains("does not resolve"));
    }

    @Test
    void anAllowListNamesHostsAddressesAndBlocks() {
        DestinationPolicy allowing = DestinationPolicy.allowing(List.of("hooks.internal.example", "127.0.0.1", "10.20.0.0/16", "fd00:1::/32"));
        assertEquals(Optional.empty(), judge(allowing, "hooks.internal.example", "10.9.9.9"));
        assertEquals(Optional.empty(), judge(allowing, "127.0.0.1", "127.0.0.1"));
        assertEquals(Optional.empty(), judge(allowing, "ci.internal.example", "10.20.3.4"));
        assertEquals(Optional.empty(), judge(allowing, "v6.internal.example", "fd00:1:2::3"));
        assertTrue(judge(allowing, "other.internal.example", "10.21.0.1").isPresent());
        assertTrue(judge(allowing, "localhost", "127.0.0.2").isPresent(), "127.0.0.1 alone is allowed, not all of 127/8");
        assertThrows(IllegalArgumentException.class, () -> DestinationPolicy.allowing(List.of("10.0.0.0/33")));
    }
}
