package studio.sprint;

import java.time.Instant;

/** Test results from one QA report of a sprint. */
public record TestRun(int passed, int failed, Instant at, long evidenceId) {

    public int total() {
        return passed + failed;
    }

    public boolean failing() {
        return failed > 0;
    }
}
