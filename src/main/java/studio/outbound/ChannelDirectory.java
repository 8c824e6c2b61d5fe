package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import studio.input.InputProblem;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Finds the chat channels a promotion trigger's {@code notifyChannels} names: a channel by its name ({@code #releases})
 * or every channel of a kind ({@code slack}, {@code teams}). Anything else is refused with the entry's place in the
 * document: email is not a channel a trigger routes (people are mailed what they must act on, by their own delivery
 * preference), and a name no channel carries is a typo or a channel not added yet.
 */
@ApplicationScoped
public class ChannelDirectory {

    /** A name as written, with where it was written. */
    public record Named(String name, InputProblem at) {}

    private record Channel(long id, String name, String format) {}

    @Inject
    EntityManager em;

    /**
     * The channels' ids, in the order named, each once.
     *
     * @throws ApiException 400 naming every entry that names no channel, with its line
     */
    public List<Long> resolve(List<Named> names) {
        if (names.isEmpty()) return List.of();
        List<Channel> channels = Rows.list(em, "select id, name, format from webhook where format in ('slack', 'teams') order by id",
                r -> new Channel(r.number("id"), r.text("name"), r.text("format")));
        Set<Long> out = new LinkedHashSet<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Named n : names) {
            String wanted = n.name().strip();
            String kind = wanted.toLowerCase(Locale.ROOT);
            List<Long> found = kind.equals("slack") || kind.equals("teams")
                    ? channels.stream().filter(c -> c.format().equals(kind)).map(Channel::id).toList()
                    : channels.stream().filter(c -> wanted.equals(c.name())).map(Channel::id).toList();
            if (!found.isEmpty()) {
                out.addAll(found);
                continue;
            }
            String why = kind.equals("email")
                    ? "'email' is not a channel a trigger routes: people are mailed what they must act on, by their own delivery preference"
                    : kind.equals("slack") || kind.equals("teams") ? "no " + kind + " channel is added yet (Admin > Chat channels)"
                    : "no chat channel is named '" + wanted + "'" + (channels.isEmpty() ? " (none is added yet)"
                    : " (known: " + String.join(", ", channels.stream().map(Channel::name).distinct().toList()) + ", or slack, teams for all of a kind)");
            problems.add(new InputProblem("notifyChannels: " + why, n.at().line(), n.at().column(), n.at().path()));
        }
        if (!problems.isEmpty()) throw new ApiException(400, problems);
        return List.copyOf(out);
    }
}
