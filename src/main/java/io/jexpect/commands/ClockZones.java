package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * :Area/City time zones from the JDK's tz database, for a system without a zoneinfo folder
 * (clock.tcl reads the system's compiled zoneinfo files, as tclsh does, wherever there are some).
 * The table has clock.tcl's shape: rows {utcSeconds offset isDst abbreviation} from the earliest
 * time on, the recurring rules written out up to 2100 as clock.tcl writes a POSIX rule.
 */
final class ClockZones {
    private ClockZones() {}

    private static final long MINWIDE = Long.MIN_VALUE;
    private static final int LAST_YEAR = 2099;
    /** clock.tcl's own check that a zone name cannot leave the zone folder. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAlphabetic}_-]+(?:/[\\p{IsAlphabetic}_-]+)*");
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    /** After clock.tcl is sourced: where it found no zoneinfo folder, zones come from the JDK. */
    static void useJdkWithoutZoneinfo(Interp in) throws TclException {
        if (!in.getVar("::tcl::clock::ZoneinfoPaths").asList().isEmpty()) return;
        in.register("::tcl::clock::LoadZoneinfoFile", ClockZones::load);
    }

    /** ::tcl::clock::LoadZoneinfoFile name: sets TZData(:name), as clock.tcl's reader does. */
    private static Value load(Interp in, Value[] a) throws TclException {
        if (a.length != 2) throw TclException.wrongArgs(a, 1, "fileName");
        String name = a[1].toString();
        if (!NAME.matcher(name).matches()) {
            throw TclException.error("time zone \":" + name + "\" not valid", "CLOCK", "badTimeZone", ":" + name);
        }
        ZoneRules rules;
        try {
            rules = ZoneId.of(name).getRules();
        } catch (RuntimeException e) {
            throw TclException.error(name + " not found");
        }
        in.setVar("::tcl::clock::TZData", ":" + name, Value.ofList(rows(ZoneId.of(name), rules)));
        return Value.EMPTY;
    }

    static List<Value> rows(ZoneId zone, ZoneRules rules) {
        List<Value> rows = new ArrayList<>();
        List<ZoneOffsetTransition> transitions = new ArrayList<>(rules.getTransitions());
        Instant first = transitions.isEmpty() ? Instant.EPOCH : transitions.get(0).getInstant().minusSeconds(1);
        int firstOffset = rules.getOffset(first).getTotalSeconds();
        rows.add(row(MINWIDE, firstOffset, false, transitions.isEmpty() ? abbreviation(zone, first) : "LMT"));
        int year = transitions.isEmpty() ? 1970
                : transitions.get(transitions.size() - 1).getDateTimeBefore().getYear() + 1;
        for (; year <= LAST_YEAR && !rules.getTransitionRules().isEmpty(); year++) {
            for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) transitions.add(r.createTransition(year));
        }
        transitions.sort(null);
        for (ZoneOffsetTransition t : transitions) {
            Instant at = t.getInstant();
            rows.add(row(at.getEpochSecond(), t.getOffsetAfter().getTotalSeconds(), rules.isDaylightSavings(at),
                    abbreviation(zone, at)));
        }
        return rows;
    }

    private static Value row(long time, int offset, boolean dst, String abbreviation) {
        return Value.ofList(List.of(Value.of(time), Value.of(offset), Value.of(dst ? 1 : 0), Value.of(abbreviation)));
    }

    /** The JDK's short name, or the offset as tzdata writes one (+03, -0330) where it has none. */
    private static String abbreviation(ZoneId zone, Instant at) {
        ZonedDateTime t = at.atZone(zone);
        String name = ABBREVIATION.format(t);
        if (!name.startsWith("GMT") && !name.startsWith("UTC") || name.length() == 3) return name;
        int offset = t.getOffset().getTotalSeconds();
        int abs = Math.abs(offset);
        String s = (offset < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
        return abs % 3600 == 0 ? s : s + String.format("%02d", abs % 3600 / 60);
    }
}
