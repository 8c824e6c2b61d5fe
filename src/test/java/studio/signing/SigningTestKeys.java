package studio.signing;

import java.util.HexFormat;

/** Keys from RFC 8032 section 7.1 (TEST 1 and TEST 2) as PEM, so tests check interoperable Ed25519, not just self-consistency. */
final class SigningTestKeys {

    static final String TEST1_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String TEST1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String TEST1_SIG_EMPTY = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    static final String TEST2_SECRET = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String TEST2_PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    static final String TEST2_SIG_72 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    private SigningTestKeys() {}

    static String privatePem(String secretHex) {
        return pem("PRIVATE KEY", PKCS8_PREFIX + secretHex);
    }

    static String publicPem(String publicHex) {
        return pem("PUBLIC KEY", SPKI_PREFIX + publicHex);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String pem(String label, String derHex) {
        String b64 = java.util.Base64.getEncoder().encodeToString(hex(derHex));
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }
}
