package studio.evidence;

import java.util.List;

/** One event CI posts to {@code POST /api/events}, one record per consumed type. */
public sealed interface IngestEvent {

    EventMeta meta();

    /** The type as written in the {@code event} field ("SprintClosed"). */
    default String type() {
        return getClass().getSimpleName();
    }

    record MilestonePlanned(EventMeta meta, String milestoneId) implements IngestEvent {}

    /** {@code milestoneIds} from {@code milestone}, {@code milestoneRef}, {@code milestoneId} and {@code milestones}. */
    record SprintPlanned(EventMeta meta, String sprintId, List<String> milestoneIds, List<String> features,
                         List<String> agents) implements IngestEvent {
        public SprintPlanned {
            milestoneIds = List.copyOf(milestoneIds);
            features = List.copyOf(features);
            agents = List.copyOf(agents);
        }
    }

    record SprintStarted(EventMeta meta, String sprintId) implements IngestEvent {}

    /**
     * A sprint's readiness before execution, in the timing spec's planning flow: {@code FeatureScopeDefined} (scope
     * validated; may list the features), {@code SprintTestPlanReady}, {@code SprintInfraReady}, {@code SprintReadyToStart}.
     * They record a step of the sprint's readiness; they do not change its lifecycle state.
     */
    record SprintReadiness(EventMeta meta, ReadinessStep step, String sprintId, List<String> features) implements IngestEvent {
        public SprintReadiness {
            features = List.copyOf(features);
        }

        @Override
        public String type() {
            return step.eventName();
        }
    }

    /** The plan of a milestone was created (its sprints named, when given): recorded with the milestone's evidence. */
    record MilestonePlanCreated(EventMeta meta, String milestoneId, List<String> sprints) implements IngestEvent {
        public MilestonePlanCreated {
            sprints = List.copyOf(sprints);
        }
    }

    record SprintCheckpoint(EventMeta meta, String sprintId) implements IngestEvent {}

    /**
     * An orchestration event of the team's own (SecurityPolicyPublished) about a milestone whose triggers name it: stored
     * and audited, it fires those triggers and changes nothing else.
     */
    record OrchestrationEvent(EventMeta meta, String name, String milestoneId) implements IngestEvent {
        @Override
        public String type() {
            return name;
        }
    }

    record SprintClosed(EventMeta meta, String sprintId, List<String> completedArtifacts, String versionTag)
            implements IngestEvent {
        public SprintClosed {
            completedArtifacts = List.copyOf(completedArtifacts);
        }
    }

    record SprintBlocked(EventMeta meta, String sprintId, String reason) implements IngestEvent {}

    /** Names a sprint, a milestone or both. */
    record PlanningResumed(EventMeta meta, String sprintId, String milestoneId, String reason) implements IngestEvent {}

    record FeatureDeferred(EventMeta meta, String featureId, String reason, String sprintId, String milestoneId)
            implements IngestEvent {}

    /** {@code status} is "pass" or "fail"; {@code value} is compared with a numeric gate's threshold. */
    record GateSignal(EventMeta meta, String milestoneId, String gate, String status, Double value, String detail)
            implements IngestEvent {
        public boolean passed() {
            return "pass".equals(status);
        }
    }

    /**
     * A GateSignal about one deployment rather than a milestone: a signal it waits for (its environment's
     * requiredSignals, a canary's canaryValidationPassed). Names the version and, when it runs in several environments,
     * the environment.
     */
    record DeploymentSignal(EventMeta meta, String versionTag, String environment, String gate, String status, String detail)
            implements IngestEvent {
        public boolean passed() {
            return "pass".equals(status);
        }

        @Override
        public String type() {
            return "GateSignal";
        }
    }

    /**
     * Names a version tag, a milestone or both.
     *
     * @param images what CI deployed, each {@code name[:tag]@sha256:<digest>}
     */
    record ReleaseCompleted(EventMeta meta, String versionTag, String milestoneId, String environment, String reason, List<String> images)
            implements IngestEvent {
        public ReleaseCompleted {
            images = images == null ? List.of() : List.copyOf(images);
        }
    }

    /** Names a version tag, a milestone or both. */
    record ReleaseFailed(EventMeta meta, String versionTag, String milestoneId, String environment, String reason)
            implements IngestEvent {}
}
