package io.jexpect.engine;

import java.util.List;

/**
 * One pattern of an expect call.
 *
 * @param pattern  what to look for (or a keyword such as eof)
 * @param sessions the sessions this case applies to (Expect's {@code -i}); empty = every session
 *                 of the call (the default spawn id, or {@code any_spawn_id})
 * @param transfer false for {@code -notransfer}: report the match but leave the buffer as it is
 */
public record Case(Pattern pattern, List<Session> sessions, boolean transfer) {
    public Case {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** A case for every session, consuming on match. */
    public static Case of(Pattern pattern) {
        return new Case(pattern, List.of(), true);
    }

    boolean appliesTo(Session s) {
        return sessions.isEmpty() || sessions.contains(s);
    }
}
