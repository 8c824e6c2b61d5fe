package studio.web;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records each template expression that Qute looked up in a context holding no data at all: an {@code {#include}}
 * given no parameters. Such a lookup finds nothing there, so Qute tries every value resolver of the application (two
 * hundred and more) before it moves on to the context that holds the data, on every render.
 * <p>
 * It has the highest priority, so Qute asks it first whenever an expression's cached resolver did not apply; it never
 * applies itself. Recording is off unless a test turns it on.
 */
@EngineConfiguration
public class DatalessLookups implements ValueResolver {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static volatile boolean recording;

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        if (recording && context.getBase() == null) SEEN.add(context.getName());
        return false;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        throw new IllegalStateException("never applies");
    }
}
