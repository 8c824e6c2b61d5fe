package studio.sprint;

/**
 * A feature a sprint delivers, with what the sprint's own evidence says about it.
 *
 * @param linkedBy    how Studio learned the sprint delivers it: definition, event, trace-matrix, qa-report, execution
 * @param tracedTests tests listed for it in the sprint's newest trace matrix entry, null without one
 * @param artifacts   artifacts (artifacts, handlers, files) in that entry, null without one
 */
public record DeliveredFeature(String id, String title, String linkedBy, FeatureMeasure measure, Integer tracedTests,
                               Integer artifacts) {

    public boolean traced() {
        return tracedTests != null;
    }
}
