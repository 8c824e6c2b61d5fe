package studio.sprint;

/**
 * A milestone a sprint contributes to, with its state.
 *
 * @param linked true when the sprint is linked to it (definition, event or trace matrix); false when the sprint only
 *               delivers one of its required features
 */
public record LinkedMilestone(String id, String name, String state, boolean linked) {

    public String title() {
        return name == null || name.isBlank() ? id : name;
    }
}
