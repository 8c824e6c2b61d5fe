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
        int inserted = em.createNativeQuery("""
                insert into idempotency_key (scope, key, request_hash, status, response, created_at)
                values (?1, ?2, ?3, 0, '', ?4) on conflict (scope, key) do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).setParameter(4, Instant.now())
                .executeUpdate();
        if (inserted == 1) return Optional.empty();
        Object[] row = (Object[]) em.createNativeQuery(
                        "select request_hash, status, response from idempotency_key where scope = ?1 and key = ?2")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw ApiException.conflict("idempotency key '" + key + "' was already used with a different body");
        }
        return Optional.of(new Answer(((Number) row[1]).intValue(), (String) row[2]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, Answer answer) {
        em.createNativeQuery("update idempotency_key set status = ?3, response = ?4 where scope = ?1 and key = ?2")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, answer.status()).setParameter(4, answer.body())
                .executeUpdate();
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
