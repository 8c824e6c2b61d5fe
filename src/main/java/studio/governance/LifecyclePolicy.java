package studio.governance;

/**
 * The milestone's effective settings that steer its lifecycle (milestone value, else the global default).
 *
 * @param autoPromotion  emit MilestonePromotionTriggered whenever the milestone is reached
 * @param retryOnFailure a Blocked milestone returns to Verifying by itself when new evidence clears its failures
 */
public record LifecyclePolicy(boolean autoPromotion, boolean retryOnFailure) {}
