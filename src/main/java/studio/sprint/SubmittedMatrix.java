package studio.sprint;

import java.time.Instant;
import studio.evidence.TraceMatrix;

/** A trace matrix as stored: the evidence row, when it arrived, and what it says. */
public record SubmittedMatrix(long evidenceId, Instant receivedAt, TraceMatrix matrix) {}
