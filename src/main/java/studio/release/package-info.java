/**
 * Releases, the write side: the {@link studio.release.Release} aggregate as stored, how one is requested
 * ({@link studio.release.ReleaseRequests}), moved through its lifecycle and audited ({@link studio.release.ReleaseSteps}),
 * how it follows the rest of Studio ({@link studio.release.ReleaseCoordinator}), its settings and per-environment
 * policies, and {@link studio.release.ReleaseRecords}, which reads a stored release (locked when it is to change) with
 * its approvals and facts, and what a milestone would ship now. The aspects live beneath: {@code version} (tags),
 * {@code lifecycle} (the state machine), {@code approval} (decisions, the timer, the inbox), {@code document} (what
 * a release says of itself) and {@code web} (the screens and the API, one read model each).
 */
package studio.release;
