package io.jexpect.expect;

import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Session;
import java.util.List;

/**
 * exp_internal's account of one expect, in Expect's words: each time the buffer is examined,
 * "does <buffer> (spawn_id expN) match <pattern>? no|yes" for the patterns tried, then the
 * expect_out values set. The answers are known only after the engine has tried the patterns, so
 * the latest examination is held until the next one or the result.
 */
final class ExpectTrace {
    private final Diagnostics out;
    private final List<ExpectCommand.Prepared> cases;
    private String heldBuffer;
    private SpawnId heldId;

    ExpectTrace(Diagnostics out, List<ExpectCommand.Prepared> cases) {
        this.out = out;
        this.cases = cases;
    }

    /** The buffer of a session is about to be tried against the patterns. */
    void examining(SpawnId id, CharSequence buffer) {
        flush(-1);
        heldId = id;
        heldBuffer = buffer.toString();
    }

    /** The expect ended: answer the held examination and report what was set. */
    void result(ExpectResult r, SpawnId id) {
        flush(r.outcome() == ExpectResult.Outcome.MATCH ? r.caseIndex() : -1);
        switch (r.outcome()) {
            case TIMEOUT -> out.log("expect: timed out\n");
            case EOF -> out.log("expect: read eof\n");
            case FULL_BUFFER -> out.log("expect: full buffer\n");
            case MATCH -> {
                List<ExpectResult.Group> groups = r.groups();
                for (int g = 0; g < groups.size() && g < 10; g++) {
                    ExpectResult.Group gr = groups.get(g);
                    if (gr != null && gr.text() != null) set(g + ",string", gr.text());
                }
            }
        }
        if (r.outcome() != ExpectResult.Outcome.TIMEOUT) {
            set("spawn_id", id.name);
            set("buffer", r.buffer() == null ? "" : r.buffer());
        }
    }

    private void set(String element, String value) {
        out.log("expect: set expect_out(" + element + ") \"" + Diagnostics.visible(value) + "\"\n");
    }

    /** Writes the held examination; {@code matched} is the index of the case that matched, or -1. */
    private void flush(int matched) {
        if (heldId == null) return;
        StringBuilder sb = new StringBuilder("\nexpect: does \"").append(Diagnostics.visible(heldBuffer))
                .append("\" (spawn_id ").append(heldId.name).append(") match ");
        boolean first = true;
        for (int i = 0; i < cases.size(); i++) {
            ExpectCommand.Prepared p = cases.get(i);
            String desc = describe(p.spec(), first);
            Session s = heldId.session;
            if (desc == null || !(p.engineCase().sessions().isEmpty() || p.engineCase().sessions().contains(s))) continue;
            if (!first) sb.append('\n');
            sb.append(desc).append("? ").append(i == matched ? "yes" : "no");
            first = false;
            if (i == matched) break;
        }
        if (!first) out.log(sb.append('\n').toString());
        heldId = null;
    }

    /** Expect's names for patterns: the first in a line says what kind it is, later globs are just quoted. */
    private static String describe(CaseSpec c, boolean first) {
        String p = "\"" + Diagnostics.visible(c.pattern()) + "\"";
        if (c.screen()) {
            return "screen " + switch (c.kind()) {
                case REGEX -> "regular expression ";
                case EXACT -> "exact string ";
                default -> "pattern ";
            } + p;
        }
        return switch (c.kind()) {
            case GLOB -> first ? "glob pattern " + p : p;
            case REGEX -> "regular expression " + p;
            case EXACT -> "exact string " + p;
            case NULL -> "null";
            default -> null;
        };
    }
}
