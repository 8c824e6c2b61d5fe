package studio.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import studio.signing.SignedNote;

/**
 * The checkpoint listing (GET /api/audit/checkpoints), newest first:
 * {@code {"origin":..,"verifier_keys":[..],"checkpoints":[{"seq","head","signed_at","key_id","previous","note"}],"next":..}}.
 * {@code note} is the signed note exactly as GET /api/audit/checkpoints/latest serves it (null for a checkpoint signed
 * before notes); {@code verifier_keys} are the trusted keys in the form Go's note package reads.
 */
final class CheckpointJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointJson() {}

    static String page(String origin, Collection<PublicKey> trusted, List<AuditCheckpoint> checkpoints, String next) {
        ObjectNode root = JSON.createObjectNode().put("origin", origin);
        ArrayNode keys = root.putArray("verifier_keys");
        trusted.forEach(key -> keys.add(SignedNote.verifierKey(origin, key)));
        ArrayNode list = root.putArray("checkpoints");
        for (AuditCheckpoint c : checkpoints) {
            list.addObject().put("seq", c.seq()).put("head", c.headHash()).put("signed_at", AuditHasher.instant(c.signedAt()))
                    .put("key_id", c.keyId()).put("previous", c.previousHash()).put("note", c.note());
        }
        return root.put("next", next).toString();
    }
}
