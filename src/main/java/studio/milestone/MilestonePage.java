package studio.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import studio.audit.Timeline;
import studio.definition.Blocker;
import studio.definition.Deliverable;
import studio.definition.MilestoneProgress;
import studio.definition.Risk;
import studio.format.Names;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Hold;
import studio.governance.MilestoneState;
import studio.governance.Bypass;
import studio.governance.OverrideTicket;
import studio.governance.Quorum;
import studio.web.Attempt;
import studio.web.FormTimes;

/**
 * Everything the milestone page shows, read once per request: the header and gate matrix (now or as of a past
 * moment), progress, the control panel this person may use, the override requests, the milestone's own timeline,
 * and the outcome of the action just taken (a notice, or what went wrong and what was typed).
 *
 * @param asOf      the moment shown, as given in the URL (null: now)
 * @param artifacts its required artifacts and what its contributing sprints reported completed (as of that moment)
 * @param streams   its parallel streams and the triggers Studio fires on events it receives (now; empty as of a past moment)
 * @param notice    what the last action did, for a person who just acted (null: nothing)
 * @param attempt   the action that was refused, shown next to its form (null: none)
 */
public record MilestonePage(Header header, String asOf, Instant asOfInstant, List<GateRow> gates, Double coverageAverage,
                            Double coverageThreshold, List<FeatureBar> features, List<AcceptanceCriteria.Row> criteria,
                            MilestoneProgress progress, List<Deliverable> deliverables, List<Risk> risks, List<Blocker> blockers,
                            List<String> sprints, LinkedArtifacts artifacts, MilestoneTriggers.View streams, ControlPanel panel, List<OverrideRow> overrides, List<BypassRow> bypasses, DefinitionHistory.View definitions,
                            Timeline timeline, String notice, Attempt attempt) {

    public record Header(String id, String name, String description, String state, Instant stateSince, String versionTag,
                         String phase, String owner, String governedBy, LocalDate targetDate, boolean atRisk,
                         List<String> labels, Instant evaluatedAt, String traceId, List<String> approvalRoles,
                         boolean manualOverrideAllowed, Hold paused, Hold promotionRejected, int retryCount, int timerRetries,
                         List<String> overdueSprints, Intent intent) {

        public String title() {
            return name == null || name.isBlank() ? id : name;
        }

        /** The page's URL path (ids are free text). */
        public String path() {
            return MilestonePaths.page(id);
        }

        /** Reached or Closed: the page shows the milestone's releases (and, to promoters, the promote form). */
        public boolean releasable() {
            return Names.parse(MilestoneState.class, state).releasable();
        }

        /** The id as a query parameter value. */
        public String param() {
            return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The definition's goal and value delivered, who orchestrates it, the trace ids its evidence must match (evidence
     * outside {@code tracePattern} is refused) and the tags its events carry; each null or empty when unsaid.
     */
    public record Intent(String goal, String valueDelivered, String orchestrator, String tracePattern, List<String> observabilityTags) {}

    /**
     * One row of the gate matrix.
     *
     * @param expected what the gate asks for, as a person reads it ("at least 90.0%", "approval by product-owner")
     * @param found    what the evidence showed ("91.3%"), or null
     * @param label    the gate as the milestone names it: its condition, or with its role when several manual gates
     *                 share the name ("manualApproval:tech-lead"); the row's anchor and the deciders' key
     */
    public record GateRow(String condition, String status, String expected, String found, String detail,
                          List<EvidenceLink> evidence, Long overrideId, String overriddenBy, String label) {
        /** A manual approval still waiting for someone's decision. */
        public boolean awaitingDecision() {
            return "pending".equals(status) && condition != null && condition.startsWith("manualApproval");
        }
    }

    /** A piece of evidence a gate used; {@code href} is null when Studio has no page for it. */
    public record EvidenceLink(String kind, long id, String href) {
        public String label() {
            return kind + " #" + id;
        }
    }

    /** A required feature's coverage (null: no data) and whether a closed sprint delivered it. */
    public record FeatureBar(String feature, Double coverage, boolean delivered) {
        public String percent() {
            return coverage == null ? "no data" : GateReadings.percent(coverage);
        }
    }

    /**
     * An override request with its approvals and decision, as the page lists it.
     *
     * @param approvals  who approved it so far, oldest first
     * @param stillNeeded who must still approve it while it is requested ("a security-officer"), else null
     */
    public record OverrideRow(long id, List<String> gates, String reason, String status, String requestedBy, Instant requestedAt,
                              Instant expiresAt, String decidedBy, Instant decidedAt, String decisionReason, String revokedBy,
                              Instant revokedAt, String revokeReason, List<Quorum.Signature> approvals, String stillNeeded) {

        public OverrideRow withStillNeeded(String needed) {
            return new OverrideRow(id, gates, reason, status, requestedBy, requestedAt, expiresAt, decidedBy, decidedAt, decisionReason,
                    revokedBy, revokedAt, revokeReason, approvals, needed);
        }

        /** The request as the governance policies see it. */
        public OverrideTicket ticket() {
            return new OverrideTicket(id, Names.parse(OverrideStatus.class, status), requestedBy, decidedBy, decidedAt, expiresAt, gates,
                    approvals);
        }

        public String approveForm() {
            return "approve-" + id;
        }

        public String rejectForm() {
            return "reject-" + id;
        }

        public String revokeForm() {
            return "revoke-" + id;
        }
    }

    /**
     * A force close or termination request with its approvals, as the page lists it.
     *
     * @param stillNeeded who must still approve it while it is requested, else null
     */
    public record BypassRow(long id, String kind, String reason, String status, String requestedBy, Instant requestedAt,
                            List<Quorum.Signature> approvals, String decidedBy, Instant decidedAt, String decisionReason,
                            String stillNeeded) {

        public Bypass ticket() {
            return new Bypass(id, Bypass.Kind.fromSlug(kind), Names.parse(Bypass.Status.class, status), requestedBy, approvals, decidedBy,
                    decidedAt);
        }

        public String noun() {
            return Bypass.Kind.fromSlug(kind).noun();
        }

        /** "Force close", "Termination". */
        public String label() {
            String noun = noun();
            return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        }

        public boolean open() {
            return "requested".equals(status);
        }

        public BypassRow withStillNeeded(String needed) {
            return new BypassRow(id, kind, reason, status, requestedBy, requestedAt, approvals, decidedBy, decidedAt, decisionReason, needed);
        }
    }

    /** "91.3%" or "no data". */
    public String coverageAverageText() {
        return coverageAverage == null ? "no data" : GateReadings.percent(coverageAverage);
    }

    public String coverageThresholdText() {
        return coverageThreshold == null ? null : GateReadings.percent(coverageThreshold);
    }

    /** The as-of moment for the datetime-local picker (UTC). */
    public String asOfInput() {
        return asOf == null ? "" : FormTimes.inputValue(asOf);
    }

    /** The coordinator's step documents, listed under the three above (always as of now), with their links. */
    public List<DocumentLink> coordinatorDocuments() {
        return MilestoneDocument.STEPS.stream().map(d -> new DocumentLink(d.title(), d.file(), header.path() + "/documents/" + d.file()))
                .toList();
    }

    /** A document of the page with the address of its view ({@code href}; its download is {@code href + "/download"}). */
    public record DocumentLink(String title, String file, String href) {}

    /**
     * The gate matrix's rows as the page renders them: each with what a row needs, so the template's loop reads nothing
     * from the page itself (a name looked up from inside a loop is first looked for in the loop's element, and that
     * miss makes Qute try every value resolver of the application).
     *
     * @param waiting a manual gate still waiting for a decision, shown now: its row names who may decide it
     */
    public record GateLine(String milestoneId, GateRow row, boolean waiting) {
        /** The key {@code {inject:deciders.on}} knows the gate by. */
        public String decidersKey() {
            return key(milestoneId, row.label());
        }

        /**
         * A manual gate's key as a waiting item ({@code gate-<milestone>-<gate>}): the approvals inbox's item key and
         * form name, and what the page asks who may decide by.
         */
        public static String key(String milestoneId, String gate) {
            return "gate-" + milestoneId + "-" + gate;
        }
    }

    public List<GateLine> gateLines() {
        return gates.stream().map(g -> new GateLine(header.id(), g, g.awaitingDecision() && !historic())).toList();
    }

    public boolean historic() {
        return asOf != null;
    }

    /** The refusal message when {@code form} is the one that was refused, else null. */
    public String failed(String form) {
        return attempt != null && attempt.isFor(form) ? attempt.message() : null;
    }

    /** What was typed into {@code form}'s reason, to show it again after a refusal. */
    public String typed(String form) {
        return typed(form, "reason");
    }

    /** What was typed into {@code form}'s {@code field}, to show it again after a refusal ("" when nothing). */
    public String typed(String form, String field) {
        String value = attempt != null && attempt.isFor(form) ? attempt.value(field) : null;
        return value == null ? "" : value;
    }

    /**
     * A refusal whose form is not on the page (the state changed meanwhile, or it never applied): shown at the top
     * instead, so no refusal goes unexplained.
     */
    public String unplacedRefusal() {
        return attempt == null || attempt.message() == null || shows(attempt.form()) ? null : attempt.message();
    }

    /** Whether the page shows the form named {@code form}. */
    boolean shows(String form) {
        if (form.equals("as-of")) return true;
        if (historic()) return false;
        if (form.startsWith("decide-")) return panel.decidableGates().contains(form.substring("decide-".length()));
        int dash = form.lastIndexOf('-');
        if (form.startsWith("bypass-") && dash > 0) return panel.onBypass(Long.valueOf(form.substring(dash + 1))).any();
        if (dash > 0 && form.substring(dash + 1).chars().allMatch(Character::isDigit) && dash + 1 < form.length()) {
            ControlPanel.OverrideControls c = panel.on(Long.valueOf(form.substring(dash + 1)));
            return form.startsWith("revoke-") ? c.revoke() : c.approve() || c.reject();
        }
        return switch (form) {
            case "evaluate" -> panel.evaluate();
            case "resume" -> panel.resume();
            case "escalate" -> panel.escalate();
            case "force-close" -> panel.forceClose();
            case "terminate" -> panel.terminate();
            case "override" -> !panel.overridableGates().isEmpty();
            case "criterion" -> !criteria.isEmpty();
            default -> false;
        };
    }

    public String failedDecision(String gate) {
        return failed("decide-" + gate);
    }

    public String typedDecision(String gate) {
        return typed("decide-" + gate);
    }

    /** The decision to preselect for a manual gate: what was sent when it was refused, else approval. */
    public String decisionFor(String gate) {
        String sent = typed("decide-" + gate, "decision");
        return sent.isEmpty() ? "approved" : sent;
    }

    public boolean checked(String gate) {
        return attempt != null && attempt.isFor("override") && attempt.values("gates").contains(gate);
    }

    public MilestonePage withOutcome(String notice, Attempt attempt) {
        return new MilestonePage(header, asOf, asOfInstant, gates, coverageAverage, coverageThreshold, features, criteria, progress,
                deliverables, risks, blockers, sprints, artifacts, streams, panel, overrides, bypasses, definitions, timeline, notice, attempt);
    }
}
