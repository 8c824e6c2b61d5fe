package studio.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import studio.signing.Dsse;
import studio.signing.DsseEnvelope;
import studio.signing.Ed25519;
import studio.signing.Pem;
import studio.signing.SignedNote;
import studio.signing.SigningKey;

/**
 * A signed statement "the chain's hash after row {@code seq} was {@code headHash}". Without checkpoints, deleting
 * the newest rows or rewriting a row together with every later one leaves a chain that is consistent in itself.
 *
 * <p>Checkpoints are signed notes ({@link #note}, c2sp.org/tlog-checkpoint, see {@link CheckpointNote}): each names the
 * previous checkpoint by the hash of its signed bytes, so the checkpoints form a chain of their own that anyone who
 * keeps them can check for a fork or a rollback. {@code signature} is the note's Ed25519 signature (base64) and
 * {@code keyId} Studio's id of the key ({@link Pem#keyId}).
 *
 * <p>Checkpoints signed before notes (V8) have none: their signature is a raw Ed25519 signature (base64) over the DSSE
 * pre-authentication encoding of {@link #PAYLOAD_TYPE} and {@link #payload()}, the canonical JSON
 * {@code {"head":..,"seq":..,"signed_at":..}}; {@link #sign} still makes such a checkpoint and {@link #envelope()}
 * gives it as a DSSE envelope. They stay verifiable and are linked to by the first note that follows them.
 */
public record AuditCheckpoint(long seq, String headHash, Instant signedAt, String keyId, String signature, String note) {

    public static final String PAYLOAD_TYPE = "application/vnd.studio.audit-checkpoint+json";

    /** A checkpoint in the DSSE form used before signed notes (no note). */
    public AuditCheckpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {
        this(seq, headHash, signedAt, keyId, signature, null);
    }

    /** A DSSE-form checkpoint, as signed before checkpoints became notes. */
    public static AuditCheckpoint sign(long seq, String headHash, Instant signedAt, SigningKey key) {
        Instant at = signedAt.truncatedTo(ChronoUnit.MICROS);
        AuditCheckpoint unsigned = new AuditCheckpoint(seq, headHash, at, key.keyId(), null);
        byte[] sig = key.sign(unsigned.signedBytes());
        return new AuditCheckpoint(seq, headHash, at, key.keyId(), Base64.getEncoder().encodeToString(sig));
    }

    /**
     * A checkpoint as a signed note of {@code origin}, signed as key name {@code origin}, following {@code previous}
     * (null for the first checkpoint ever).
     */
    public static AuditCheckpoint signNote(String origin, long seq, String headHash, Instant signedAt, AuditCheckpoint previous,
                                           SigningKey key) {
        String previousHash = previous == null ? CheckpointNote.NO_PREVIOUS : previous.hash();
        SignedNote note = SignedNote.sign(new CheckpointNote(origin, seq, headHash, previousHash).text(), origin, key);
        String sig = Base64.getEncoder().encodeToString(note.signatures().get(0).signature());
        return new AuditCheckpoint(seq, headHash, signedAt.truncatedTo(ChronoUnit.MICROS), key.keyId(), sig, note.format());
    }

    /** The canonical JSON statement a DSSE-form checkpoint signs. */
    public byte[] payload() {
        StringBuilder json = new StringBuilder("{\"head\":");
        CanonicalJson.writeString(headHash, json);
        json.append(",\"seq\":").append(seq).append(",\"signed_at\":");
        CanonicalJson.writeString(signedAt == null ? null : AuditHasher.instant(signedAt), json);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The exact bytes the signature covers: the note's text, or (DSSE form) the PAE of {@link #PAYLOAD_TYPE} and {@link #payload()}. */
    public byte[] signedBytes() {
        if (note != null) {
            try {
                return SignedNote.parse(note).text().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return note.getBytes(StandardCharsets.UTF_8);
            }
        }
        return Dsse.pae(PAYLOAD_TYPE, payload());
    }

    /** The base64 SHA-256 of {@link #signedBytes()}: what the next checkpoint's note names as its previous one. */
    public String hash() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(signedBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * True when {@code key} is the key named by {@link #keyId()} and the signature verifies with it; for a note, also
     * when the note states exactly this checkpoint's seq and head.
     */
    public boolean signedBy(PublicKey key) {
        if (key == null || keyId == null || !keyId.equals(Pem.keyId(key))) return false;
        if (note != null) return noteSignedBy(key);
        if (signature == null) return false;
        try {
            return Ed25519.verify(key, signedBytes(), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** What the note states, or null for a DSSE-form checkpoint. @throws IllegalArgumentException for a malformed note */
    public CheckpointNote statement() {
        return note == null ? null : CheckpointNote.parse(SignedNote.parse(note).text());
    }

    /** The note's link to the checkpoint before it, or null for a DSSE-form checkpoint or a malformed note. */
    public String previousHash() {
        try {
            CheckpointNote statement = statement();
            return statement == null ? null : statement.previous();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A DSSE-form checkpoint as a DSSE envelope, for verification with standard tools; null for a note. */
    public DsseEnvelope envelope() {
        if (note != null) return null;
        String payload = Base64.getEncoder().encodeToString(payload());
        return new DsseEnvelope(PAYLOAD_TYPE, payload, List.of(new DsseEnvelope.Signature(keyId, signature)));
    }

    private boolean noteSignedBy(PublicKey key) {
        try {
            SignedNote signed = SignedNote.parse(note);
            CheckpointNote statement = CheckpointNote.parse(signed.text());
            return statement.size() == seq && statement.headHash().equals(headHash) && signed.signedBy(key);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
