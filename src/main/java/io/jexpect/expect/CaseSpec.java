package io.jexpect.expect;

import io.jexpect.interp.Value;
import java.util.List;

/**
 * One pattern of an expect command as the script wrote it, before it is bound to sessions.
 *
 * @param kind      how {@code pattern} is matched, or which keyword it is
 * @param pattern   the pattern text (the keyword itself for keywords)
 * @param nocase    {@code -nocase}
 * @param indices   {@code -indices}: also set expect_out(N,start|end)
 * @param transfer  false for {@code -notransfer}
 * @param spawnIds  the {@code -i} list in force for this pattern, or null for the default spawn id
 * @param body      the action, or null when the pattern has none
 * @param screen    {@code -screen}: matched against the rendered screen, not the output stream
 * @param stableMillis {@code -stable MS}: the screen must have been still this long (0: no wait)
 */
record CaseSpec(Kind kind, String pattern, boolean nocase, boolean indices, boolean transfer,
                List<String> spawnIds, Value body, boolean screen, long stableMillis) {

    enum Kind { GLOB, EXACT, REGEX, EOF, TIMEOUT, DEFAULT, FULL_BUFFER, NULL }

    /** The flag Expect's -info prints for this kind. */
    String infoFlag() {
        return switch (kind) {
            case GLOB -> "-gl";
            case EXACT -> "-ex";
            case REGEX -> "-re";
            default -> null;
        };
    }
}
