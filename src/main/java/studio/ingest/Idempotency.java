package studio.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
    @Inject
    TransactionSynchronizationRegistry registry;

    /** A key claimed in this transaction whose answer is written with the others at its end ({@link #completingTogether}). */
    private record Claimed(String scope, String key, String requestHash, Answer answer) {}

    private static final String TOGETHER = Idempotency.class.getName() + ".together";
    private static final String CLAIMED_AHEAD = Idempotency.class.getName() + ".claimedAhead";

    /** A transaction's keys claimed ahead: every key it tried, and of those it got, the ones no input has taken yet. */
    private record Ahead(Set<String> tried, Map<String, String> untaken) {}

    /** What an input will claim: its scope, its key (given, or derived from its body) and its body's fingerprint. */
    public record Key(String scope, String key, String requestHash) {

        /** The key an input is kept under: the one it was sent with, else its body's fingerprint. */
        public static Key of(String scope, String givenKey, String requestHash) {
            return new Key(scope, givenKey != null && !givenKey.isBlank() ? givenKey : "sha256:" + requestHash, requestHash);
        }

        String id() {
            return scope + '\n' + key;
        }
    }

    /**
     * Claims many inputs' keys in ONE statement, ahead of their work (a batch's lines, a group's calls), in key order so
     * two transactions claiming the same keys lock them in the same order. A key claimed here is then claimed by
     * {@link #claim} without another statement; a key that was not free (a retry, or a key repeated among the inputs) is
     * left to {@link #claim}, which answers it exactly as it would have. Rolled back with the transaction, like any claim.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimAhead(List<Key> keys) {
        Ahead ahead = claimedAhead();
        if (ahead == null) registry.putResource(CLAIMED_AHEAD, ahead = new Ahead(new java.util.HashSet<>(), new java.util.HashMap<>()));
        Map<String, Claimed> together = together();
        Map<String, Key> fresh = new java.util.TreeMap<>();
        for (Key k : keys) {
            if (!ahead.tried().contains(k.id()) && (together == null || !together.containsKey(k.id()))) fresh.putIfAbsent(k.id(), k);
        }
        if (fresh.isEmpty()) return;
        List<Key> all = List.copyOf(fresh.values());
        List<Key> claimed = Rows.list(em, """
                insert into idempotency_key (scope, key, request_hash, status, response, created_at)
                select a.scope, a.key, a.hash, 0, '', ? from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) with ordinality
                  as a(scope, key, hash, n) order by a.n
                on conflict (scope, key) do nothing returning scope, key, request_hash""",
                r -> new Key(r.text("scope"), r.text("key"), r.text("request_hash")), Instant.now(),
                all.stream().map(Key::scope).toArray(String[]::new), all.stream().map(Key::key).toArray(String[]::new),
                all.stream().map(Key::requestHash).toArray(String[]::new));
        fresh.keySet().forEach(ahead.tried()::add); // a key that was not free is not tried again
        for (Key k : claimed) ahead.untaken().put(k.id(), k.requestHash());
    }

    /** Empty: the caller does the work and then calls {@link #complete}. Present: replay this answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String scope, String key, String requestHash) {
        Map<String, Claimed> together = together();
        Claimed earlier = together == null ? null : together.get(scope + '\n' + key);
        if (earlier != null) return Optional.of(replay(earlier.requestHash(), earlier.answer(), key, requestHash));
        Ahead ahead = claimedAhead();
        // taken now: a second input with this key is answered as a retry
        String claimedWith = ahead == null ? null : ahead.untaken().remove(scope + '\n' + key);
        if (claimedWith != null) {
            if (!claimedWith.equals(requestHash)) throw ApiException.conflict("idempotency key '" + key + "' was already used with a different body");
            return Optional.empty();
        }
        int inserted = Rows.update(em, """
                insert into idempotency_key (scope, key, request_hash, status, response, created_at)
                values (?, ?, ?, 0, '', ?) on conflict (scope, key) do nothing""", scope, key, requestHash, Instant.now());
        if (inserted == 1) return Optional.empty();
        Row row = Rows.first(em, "select request_hash, status, response from idempotency_key where scope = ? and key = ?",
                r -> r, scope, key).orElseThrow();
        return Optional.of(replay(row.text("request_hash"), new Answer(row.integer("status"), row.text("response")), key, requestHash));
    }

    private static Answer replay(String firstHash, Answer first, String key, String requestHash) {
        if (!requestHash.equals(firstHash)) {
            throw ApiException.conflict("idempotency key '" + key + "' was already used with a different body");
        }
        return first;
    }

    /** Stores the answer a claimed key's retries get: now, or inside {@link #completingTogether} with the others at its end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, String requestHash, Answer answer) {
        Map<String, Claimed> together = together();
        if (together != null) {
            together.put(scope + '\n' + key, new Claimed(scope, key, requestHash, answer));
            return;
        }
        Rows.update(em, "update idempotency_key set status = ?, response = ? where scope = ? and key = ?",
                answer.status(), answer.body(), scope, key);
    }

    /**
     * Runs many inputs' work in the current transaction and then writes all their answers in ONE statement, instead of
     * one per input. A key claimed twice meanwhile gets the first answer from memory, exactly as it would from the row.
     * When the work fails, the transaction rolls back, claims and all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T completingTogether(Supplier<T> work) {
        if (together() != null) return work.get(); // already inside: the outer one writes
        Map<String, Claimed> together = new LinkedHashMap<>();
        registry.putResource(TOGETHER, together);
        T result;
        try {
            result = work.get();
        } finally {
            registry.putResource(TOGETHER, null);
        }
        if (!together.isEmpty()) {
            List<Claimed> all = List.copyOf(together.values());
            Rows.update(em, """
                    update idempotency_key k set status = cast(a.status as integer), response = a.response
                    from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[])) as a(scope, key, status, response)
                    where k.scope = a.scope and k.key = a.key""",
                    all.stream().map(Claimed::scope).toArray(String[]::new), all.stream().map(Claimed::key).toArray(String[]::new),
                    all.stream().map(c -> Integer.toString(c.answer().status())).toArray(String[]::new),
                    all.stream().map(c -> c.answer().body()).toArray(String[]::new));
        }
        return result;
    }

    private Ahead claimedAhead() {
        return (Ahead) registry.getResource(CLAIMED_AHEAD);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Claimed> together() {
        return (Map<String, Claimed>) registry.getResource(TOGETHER);
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
