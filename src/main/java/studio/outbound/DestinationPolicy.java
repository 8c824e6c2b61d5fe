package studio.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may go: not to this machine, its link-local or private networks, or a cloud's instance metadata
 * service, where a subscriber URL would turn Studio into a proxy for reaching what only Studio can reach (SSRF).
 * An operator names exceptions in {@code studio.webhooks.allowed-hosts}: host names (exactly), IP addresses or CIDR
 * blocks. Judged on every address a host resolves to; no DNS happens here (see {@link WebhookDestinations}).
 */
public final class DestinationPolicy {

    /** Names of instance metadata services (they resolve to link-local addresses inside the cloud, or not at all). */
    static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com",
            "100.100.100.200");

    private final Set<String> allowedNames;
    private final List<Block> allowedBlocks;

    private DestinationPolicy(Set<String> allowedNames, List<Block> allowedBlocks) {
        this.allowedNames = allowedNames;
        this.allowedBlocks = allowedBlocks;
    }

    /** The policy with {@code allowed} (host names, IP addresses, CIDR blocks) as exceptions. */
    public static DestinationPolicy allowing(List<String> allowed) {
        Set<String> names = new java.util.HashSet<>();
        List<Block> blocks = new ArrayList<>();
        for (String entry : allowed) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) continue;
            Optional<Block> block = Block.parse(e);
            if (block.isPresent()) blocks.add(block.get());
            else names.add(e);
        }
        return new DestinationPolicy(Set.copyOf(names), List.copyOf(blocks));
    }

    /** Why {@code host}, resolving to {@code addresses}, may not receive webhooks; empty when it may. */
    public Optional<String> refusal(String host, List<InetAddress> addresses) {
        String name = bare(host);
        if (allowedNames.contains(name)) return Optional.empty();
        if (METADATA_HOSTS.contains(name)) {
            return Optional.of(name + " is a cloud instance metadata service" + UNLESS);
        }
        if (addresses.isEmpty()) return Optional.of(name + " does not resolve to any address");
        for (InetAddress a : addresses) {
            Optional<String> kind = restricted(a);
            if (kind.isPresent() && allowedBlocks.stream().noneMatch(b -> b.contains(a))) {
                return Optional.of(name + " resolves to " + a.getHostAddress() + ", " + kind.get() + UNLESS);
            }
        }
        return Optional.empty();
    }

    static final String UNLESS = "; webhooks may not be sent there unless studio.webhooks.allowed-hosts names it";

    /** What kind of address only Studio's own network reaches, or empty for a public address. */
    static Optional<String> restricted(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            Optional<InetAddress> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) return restricted(embedded.get());
        }
        if (a.isAnyLocalAddress()) return Optional.of("an unspecified address (this machine)");
        if (a.isLoopbackAddress()) return Optional.of("a loopback address (this machine)");
        if (isMetadata(a)) return Optional.of("a cloud instance metadata address");
        if (a.isLinkLocalAddress()) return Optional.of("a link-local address");
        if (a.isSiteLocalAddress()) return Optional.of("a private network address (RFC 1918)");
        if (a.isMulticastAddress()) return Optional.of("a multicast address");
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) return Optional.of("a private network address (unique local, fc00::/7)");
        if (a instanceof Inet4Address) return restrictedIpv4(b);
        return Optional.empty();
    }

    private static Optional<String> restrictedIpv4(byte[] b) {
        int first = b[0] & 0xff, second = b[1] & 0xff;
        if (first == 0) return Optional.of("a 'this network' address (0.0.0.0/8)");
        if (first == 100 && second >= 64 && second <= 127) return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return Optional.of("an IETF protocol address (192.0.0.0/24)");
        if (first == 198 && (second == 18 || second == 19)) return Optional.of("a benchmarking network address (198.18.0.0/15)");
        if (first >= 240) return Optional.of("a reserved or broadcast address (240.0.0.0/4)");
        return Optional.empty();
    }

    private static boolean isMetadata(InetAddress a) {
        String text = a.getHostAddress().toLowerCase(Locale.ROOT);
        return text.equals("169.254.169.254") || text.equals("169.254.170.2") || text.equals("100.100.100.200")
                || text.equals("fd00:ec2:0:0:0:0:0:254");
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) address. */
    static Optional<InetAddress> embeddedIpv4(Inet6Address a) {
        byte[] b = a.getAddress();
        boolean zeros = true;
        for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!mapped && !compatible && !nat64) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A URL's host as a name or address literal, without IPv6 brackets or a trailing dot. */
    static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }

    /** An address block: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address ({@code 127.0.0.1}). */
    record Block(byte[] network, int prefix) {

        static Optional<Block> parse(String text) {
            int slash = text.indexOf('/');
            String address = bare(slash < 0 ? text : text.substring(0, slash));
            if (!isLiteral(address)) return Optional.empty();
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) throw new IllegalArgumentException("bad prefix in " + text);
                return Optional.of(new Block(bytes, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("studio.webhooks.allowed-hosts: '" + text + "' is not an address or CIDR block", e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) return false;
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }

        /** An IP literal (InetAddress.getByName then does no DNS lookup). */
        private static boolean isLiteral(String s) {
            return s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3 || s.contains(":");
        }
    }
}
