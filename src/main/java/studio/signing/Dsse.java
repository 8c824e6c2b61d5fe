package studio.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The DSSE v1 pre-authentication encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where LEN
 * is the byte length in ASCII decimal and SP a single space. Signing this instead of the bare payload binds the
 * payload type into the signature, so a signed payload cannot be replayed under another type.
 */
public final class Dsse {

    private Dsse() {}

    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
        out.writeBytes(ascii("DSSEv1 " + type.length + " "));
        out.writeBytes(type);
        out.writeBytes(ascii(" " + body.length + " "));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
