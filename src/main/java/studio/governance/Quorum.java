package studio.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sign-off by distinct people. A quorum is a list of seats; each seat is filled by one person holding one of its
 * roles, and one person fills at most one seat, however many roles they hold. Signatures fill seats in the order
 * they were given (a maximum matching, so a later signature never unseats an earlier one that still fits).
 */
public record Quorum(List<Seat> seats) {

    /** One place to fill: any one person holding one of {@code roles}. */
    public record Seat(List<String> roles) {
        public Seat {
            roles = List.copyOf(roles);
            if (roles.isEmpty()) throw new IllegalArgumentException("a seat names at least one role");
        }

        boolean takes(Signature s) {
            return roles.stream().anyMatch(s.roles()::contains);
        }

        /** "a qa-lead", "a security-officer or platform-admin". */
        public String describe() {
            return "a " + String.join(" or ", roles);
        }
    }

    /** One person's approval, with the roles they held when they gave it. */
    public record Signature(String person, Set<String> roles, Instant at) {
        public Signature {
            roles = Set.copyOf(roles);
        }
    }

    /** Which signature sits in which seat; {@code unseated} are the signatures no open seat could take. */
    public record Filling(List<Signature> seated, List<Seat> open, List<Signature> unseated) {
        public boolean complete() {
            return open.isEmpty();
        }

        public Set<String> people() {
            return seated.stream().map(Signature::person).collect(Collectors.toSet());
        }
    }

    public Quorum {
        seats = List.copyOf(seats);
        if (seats.isEmpty()) throw new IllegalArgumentException("a quorum has at least one seat");
    }

    /** {@code count} seats, each for any of {@code roles}. */
    public static Quorum of(int count, List<String> roles) {
        if (count < 1) throw new IllegalArgumentException("a quorum needs at least one person, not " + count);
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < count; i++) seats.add(new Seat(roles));
        return new Quorum(seats);
    }

    /** One seat per role: one of each. */
    public static Quorum oneOfEach(List<String> roles) {
        return new Quorum(roles.stream().map(r -> new Seat(List.of(r))).toList());
    }

    /** This quorum with more seats after its own. */
    public Quorum plus(List<Seat> more) {
        List<Seat> all = new ArrayList<>(seats);
        all.addAll(more);
        return new Quorum(all);
    }

    /** Every role that can fill some seat. */
    public Set<String> roles() {
        Set<String> all = new java.util.LinkedHashSet<>();
        seats.forEach(s -> all.addAll(s.roles()));
        return all;
    }

    /** Seats signatures in order; a person's second signature never takes a second seat. */
    public Filling fill(List<Signature> signatures) {
        Signature[] holder = new Signature[seats.size()];
        List<Signature> unseated = new ArrayList<>();
        Set<String> seatedPeople = new HashSet<>();
        for (Signature s : signatures) {
            if (seatedPeople.contains(s.person()) || !seat(s, holder, new boolean[seats.size()])) unseated.add(s);
            else seatedPeople.add(s.person());
        }
        List<Signature> seated = new ArrayList<>();
        List<Seat> open = new ArrayList<>();
        for (int i = 0; i < holder.length; i++) {
            if (holder[i] == null) open.add(seats.get(i));
            else seated.add(holder[i]);
        }
        seated.sort(java.util.Comparator.comparing(signatures::indexOf));
        return new Filling(List.copyOf(seated), List.copyOf(open), List.copyOf(unseated));
    }

    /** Whether {@code next} would fill a seat after {@code signatures}. */
    public boolean wouldSeat(List<Signature> signatures, Signature next) {
        List<Signature> with = new ArrayList<>(signatures);
        with.add(next);
        return fill(with).seated().stream().anyMatch(s -> s == next);
    }

    /** Why an approval fills no seat, given who is {@code stillNeeded} ({@link #describe}; empty when nobody). */
    public static String wouldNotCount(String stillNeeded) {
        return stillNeeded.isEmpty() ? "it has every approval it needs" : "your approval would not count: only " + stillNeeded + " may still approve it";
    }

    /** "a qa-lead and a security-officer": who is still needed. */
    public static String describe(List<Seat> seats) {
        return seats.stream().map(Seat::describe).collect(Collectors.joining(" and "));
    }

    /** Augmenting path (Kuhn): seat {@code s}, moving earlier signatures to other seats that take them if needed. */
    private boolean seat(Signature s, Signature[] holder, boolean[] visited) {
        for (int i = 0; i < seats.size(); i++) {
            if (visited[i] || !seats.get(i).takes(s)) continue;
            visited[i] = true;
            if (holder[i] == null || seat(holder[i], holder, visited)) {
                holder[i] = s;
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return describe(seats) + " (" + Arrays.toString(seats.toArray()) + ")";
    }
}
