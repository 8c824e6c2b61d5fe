package studio.governance;

import java.util.function.Predicate;

/**
 * Something people approve or reject, one at a time, on a milestone: an override request, a force close or
 * termination request, a change that loosens a definition. Each desk judges with its own policy; the routes that
 * take the decision (the JSON API, the milestone page, the approvals inbox) are one for all of them.
 *
 * @param <T> the item as it stands after a decision
 */
public interface DecisionDesk<T> {

    /**
     * What a desk decides on.
     *
     * @param noun    what the item is called in messages ("override", "bypass request", "definition change")
     * @param notice  the prefix of the page notices and forms for this kind of item ("" for overrides, "bypass-",
     *                "definition-"): a form is {@code notice + decision + "-" + id}, a notice
     *                {@code notice + "approve" | "approval" | "reject"}
     * @param settled whether the approval that produced an item settled it (false: recorded, more are needed)
     */
    record Items<T>(String noun, String notice, Predicate<T> settled) {}

    Items<T> items();

    /** The milestone the item belongs to; an unknown item is refused (404). */
    String milestoneOf(long id);

    T approve(long id, String reason, Actor actor);

    T reject(long id, String reason, Actor actor);

    /** Takes the decision ({@code approve} or reject); answers the page notice naming what happened. */
    default String decide(long id, boolean approve, String reason, Actor actor) {
        if (!approve) {
            reject(id, reason, actor);
            return items().notice() + "reject";
        }
        return items().notice() + (items().settled().test(approve(id, reason, actor)) ? "approve" : "approval");
    }
}
