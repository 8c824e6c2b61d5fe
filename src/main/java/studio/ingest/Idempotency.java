package studio.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import studio.audit.CanonicalJson;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Makes retries harmless: the first request with a key does the work and its answer is stored; a retry with the
 * same key and the same body gets that answer again and stores nothing; the same key with another body is 409.
 * Two concurrent requests with one key serialize on the key's primary key: the second waits for the first to commit
 * (or roll back, in which case it does the work itself).
 */
@ApplicationScoped
public class Idempotency {

    /** A stored answer. */
    public record Answer(int status, String body) {}

    @Inject
    EntityManager em;

    /** Empty: the caller does the work and then calls {@link #complete}. Present: replay this answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String scope, String key, String requestHash) {
        int inserted = Rows.update(em, """
                insert into idempotency_key (scope, key, request_hash, status, response, created_at)
                values (?, ?, ?, 0, '', ?) on conflict (scope, key) do nothing""", scope, key, requestHash, Instant.now());
        if (inserted == 1) return Optional.empty();
        Row row = Rows.first(em, "select request_hash, status, response from idempotency_key where scope = ? and key = ?",
                r -> r, scope, key).orElseThrow();
        if (!requestHash.equals(row.text("request_hash"))) {
            throw ApiException.conflict("idempotency key '" + key + "' was already used with a different body");
        }
        return Optional.of(new Answer(row.integer("status"), row.text("response")));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, Answer answer) {
        Rows.update(em, "update idempotency_key set status = ?, response = ? where scope = ? and key = ?",
                answer.status(), answer.body(), scope, key);
    }

    /** The body's fingerprint: JSON is compared in canonical form, so re-serialising a retry does not matter. */
    public static String fingerprint(String body) {
        String canonical;
        try {
            canonical = CanonicalJson.canonicalize(body);
        } catch (RuntimeException notJson) {
            canonical = body;
        }
        return sha256(canonical);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
