package studio.milestone;

import jakarta.persistence.EntityManager;
import studio.persistence.Rows;

/**
 * The change_seq sequence: every row a page shows gets a new value when it changes, so a page can ask "what
 * changed since cursor N" with one indexed query, on any instance.
 */
public final class ChangeCursor {

    private ChangeCursor() {
    }

    public static long next(EntityManager em) {
        return Rows.first(em, "select nextval('change_seq') as seq", r -> r.number("seq")).orElseThrow();
    }
}
