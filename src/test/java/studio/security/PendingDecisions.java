package studio.security;

import studio.milestone.GovernedFixture;

/** Decisions waiting for someone, set up through the real API: what the CSRF and step-up tests try to decide. */
final class PendingDecisions {

    private PendingDecisions() {
    }

    /**
     * GovernedFixture's milestones, "gate-c" Blocked on securityValidated and escalated by qa-lead's override request
     * (which another QA lead may decide); "sec" waits for its security-officer's manual gate. Answers the request's id.
     */
    static long overrideOfGateC() {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        return GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "pen test booked for Monday");
    }
}
