package studio.format;

/**
 * A stimulus a state machine's current state does not allow (the API answers 409 with the message). Each machine
 * refuses with its own subclass, so a caller handles the refusals of the machine it drives.
 */
public abstract class IllegalTransition extends RuntimeException {

    private final Enum<?> from;
    private final transient Object stimulus;

    protected IllegalTransition(Enum<?> from, Object stimulus, String message) {
        super(message);
        this.from = from;
        this.stimulus = stimulus;
    }

    /** The state that did not allow it. */
    public Enum<?> from() {
        return from;
    }

    /** What was refused. */
    public Object stimulus() {
        return stimulus;
    }
}
