package studio.testing;

/**
 * The plan a person imports to see the board: three milestones in two phases (mvp-ready, sec-review, qa-hardening)
 * with gate conditions enough to make the gate matrix several screens wide on a phone, one sprint, one feature.
 */
public final class Portfolio {

    public static final String PLAN = """
            milestones:
              - id: mvp-ready
                name: MVP Delivery
                phase: CoreFeature
                requiredFeatures: [BookingFlow, Notification.Email.Send]
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 90
                  - traceMatrixComplete
                versionTag: mvp-v1
                governedBy: product-owner
              - id: sec-review
                name: Security review
                phase: Validation
                gateConditions:
                  - securityValidated
                versionTag: sec-v1
                governedBy: security-officer
              - id: qa-hardening
                name: QA and chaos testing
                phase: Validation
                requiredFeatures: [BookingFlowTests]
                gateConditions:
                  - allTestsPassed
                  - resilienceScoreAbove: 85
                governedBy: qa-lead
            sprints:
              - id: sprint-core
                name: Core booking sprint
                milestones: [mvp-ready]
                features: [BookingFlow]
            features:
              - id: BookingFlow
                title: Book a room end to end
            """;

    private Portfolio() {
    }
}
