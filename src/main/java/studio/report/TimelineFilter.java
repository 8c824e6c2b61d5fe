package studio.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.QueryText;

/**
 * What the timeline was asked for: a phase, an owner, at-risk milestones only, and how many milestones at most. Blank
 * parameters count as absent; every bad one is reported, each naming its parameter. A phase or owner no milestone has is
 * refused once the options are known ({@link #requireKnown}).
 */
public record TimelineFilter(String phase, String owner, boolean atRiskOnly, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static final TimelineFilter NONE = new TimelineFilter(null, null, false, DEFAULT_LIMIT);

    /** @throws InvalidInputException naming every bad parameter */
    public static TimelineFilter of(String phase, String owner, String atRisk, String limit) {
        List<InputProblem> problems = new ArrayList<>();
        TimelineFilter f = new TimelineFilter(text("phase", phase, problems), text("owner", owner, problems), flag(atRisk, problems),
                limit(limit, problems));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return f;
    }

    /** @throws InvalidInputException when the phase or owner is not one any milestone has */
    public void requireKnown(List<String> phases, List<String> owners) {
        List<InputProblem> problems = new ArrayList<>();
        if (phase != null && !phases.contains(phase)) {
            problems.add(new InputProblem("phase '" + phase + "' is not the phase of any milestone; phases: " + listed(phases), null, null, "phase"));
        }
        if (owner != null && !owners.contains(owner)) {
            problems.add(new InputProblem("owner '" + owner + "' owns no milestone; owners: " + listed(owners), null, null, "owner"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    public boolean active() {
        return phase != null || owner != null || atRiskOnly;
    }

    /** The query string of this filter ("?phase=..&at_risk=true"), "" without one. */
    public String query() {
        return QueryText.of(QueryText.pairs("phase", phase, "owner", owner, "at_risk", atRiskOnly ? "true" : null,
                "limit", limit == DEFAULT_LIMIT ? null : Integer.toString(limit)));
    }

    private static String text(String name, String given, List<InputProblem> problems) {
        String t = QueryText.present(given);
        if (t != null && t.length() > QueryText.MAX_TEXT) {
            problems.add(new InputProblem(name + " has " + t.length() + " characters; at most " + QueryText.MAX_TEXT + " are allowed", null, null, name));
            return null;
        }
        return t;
    }

    private static boolean flag(String given, List<InputProblem> problems) {
        String t = QueryText.present(given);
        if (t == null) return false;
        switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> {
                return true;
            }
            case "false", "off", "no" -> {
                return false;
            }
            default -> {
                problems.add(new InputProblem("at_risk '" + t + "' must be true or false", null, null, "at_risk"));
                return false;
            }
        }
    }

    private static int limit(String given, List<InputProblem> problems) {
        String t = QueryText.present(given);
        if (t == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new InputProblem("limit '" + t + "' must be a whole number from 1 to " + MAX_LIMIT, null, null, "limit"));
        return DEFAULT_LIMIT;
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none yet" : String.join(", ", values);
    }
}
