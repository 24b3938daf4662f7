package io.jexpect.commands;

import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** clock scan: with a -format of Tcl's % codes, or free-form for the common date layouts. */
final class ClockScan {
    private ClockScan() {}

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    // ---- -format ----------------------------------------------------------------------------------

    static long withFormat(String text, String format, ZoneId zone, long base) throws TclException {
        StringBuilder regex = new StringBuilder("\\s*");
        List<Character> fields = new ArrayList<>();
        translate(format, regex, fields);
        regex.append("\\s*");
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.matches()) {
            TclException e = TclException.error("input string does not match supplied format");
            e.setErrorCode(Value.ofStrings(List.of("CLOCK", "badInputString")));
            throw e;
        }
        LocalDateTime b = ClockCommands.at(base, zone);
        Integer year = null, month = null, day = null, yday = null, hour = null, minute = null, second = null;
        Boolean pm = null;
        ZoneId z = zone;
        for (int g = 0; g < fields.size(); g++) {
            String v = m.group(g + 1).trim();
            switch (fields.get(g)) {
                case 'Y' -> year = Integer.parseInt(v);
                case 'y' -> {
                    int y = Integer.parseInt(v);
                    year = y < 38 ? 2000 + y : 1900 + y;
                }
                case 'm' -> month = Integer.parseInt(v);
                case 'b' -> month = month(v);
                case 'd' -> day = Integer.parseInt(v);
                case 'j' -> yday = Integer.parseInt(v);
                case 'H' -> hour = Integer.parseInt(v);
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                case 'p' -> pm = v.equalsIgnoreCase("pm");
                case 's' -> {
                    try {
                        return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                    } catch (NumberFormatException e) {
                        throw TclException.error("integer value too large to represent", "CLOCK", "integervalueTooLarge");
                    }
                }
                case 'z', 'Z' -> z = zoneOf(v, zone);
                default -> { }
            }
        }
        if (month != null && month < 0) throw TclException.error("input string does not match supplied format");
        boolean anyDate = year != null || month != null || day != null || yday != null;
        // Fields out of range carry over as in Tcl's day arithmetic: month 0 is December of the year
        // before, day 0 the last day of the month before, 25:61:61 the next day at 02:02:01.
        LocalDate date;
        if (yday != null) {
            date = LocalDate.of(year != null ? year : b.getYear(), 1, 1).plusDays(yday - 1);
        } else if (anyDate) {
            date = LocalDate.of(year != null ? year : b.getYear(), 1, 1)
                    .plusMonths((month != null ? month : 1) - 1).plusDays((day != null ? day : 1) - 1);
        } else {
            date = b.toLocalDate();
        }
        int h = hour == null ? 0 : hour;
        if (pm != null) h = h % 12 + (pm ? 12 : 0);
        long seconds = h * 3600L + (minute == null ? 0 : minute) * 60L + (second == null ? 0 : second);
        return date.atStartOfDay().plusSeconds(seconds).atZone(z).toEpochSecond();
    }

    private static void translate(String format, StringBuilder regex, List<Character> fields) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                regex.append("\\s*");
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                regex.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            char f = format.charAt(++i);
            switch (f) {
                case 'Y' -> group(regex, fields, "\\d{4}", 'Y');
                case 'y' -> group(regex, fields, "\\d{2}", 'y');
                case 'm', 'N' -> group(regex, fields, "\\s?\\d{1,2}", 'm');
                case 'd', 'e' -> group(regex, fields, "\\s?\\d{1,2}", 'd');
                case 'H', 'k', 'I', 'l' -> group(regex, fields, "\\s?\\d{1,2}", 'H');
                case 'M' -> group(regex, fields, "\\d{1,2}", 'M');
                case 'S' -> group(regex, fields, "\\d{1,2}", 'S');
                case 'j' -> group(regex, fields, "\\d{1,3}", 'j');
                case 'p', 'P' -> group(regex, fields, "[ap]m", 'p');
                case 'b', 'B', 'h' -> group(regex, fields, "[a-z]+", 'b');
                case 'a', 'A' -> group(regex, fields, "[a-z]+", 'a');
                case 's' -> group(regex, fields, "[+-]?\\d+", 's');
                case 'z' -> group(regex, fields, "[+-]\\d{2}:?\\d{2}", 'z');
                case 'Z' -> group(regex, fields, "[a-z]+|[+-]\\d{4}", 'Z');
                case 'T' -> translate("%H:%M:%S", regex, fields);
                case 'R' -> translate("%H:%M", regex, fields);
                case 'D' -> translate("%m/%d/%Y", regex, fields);
                case '%' -> regex.append('%');
                case 'n', 't' -> regex.append("\\s*");
                default -> regex.append(Pattern.quote("%" + f));
            }
        }
    }

    private static void group(StringBuilder regex, List<Character> fields, String pattern, char field) {
        regex.append('(').append(pattern).append(')');
        fields.add(field);
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) if (n.length() >= 3 && n.startsWith(MONTHS.get(i))) return i + 1;
        return -1;
    }

    private static ZoneId zoneOf(String v, ZoneId dflt) {
        String s = v.trim().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) return dflt;
        if (s.equals("Z") || s.equals("UTC") || s.equals("GMT")) return ZoneOffset.UTC;
        if (s.matches("[+-]\\d{2}:?\\d{2}")) return ZoneOffset.of(s.substring(0, 3) + ":" + s.substring(s.length() - 2));
        try {
            return ZoneId.of(s, ZoneId.SHORT_IDS);
        } catch (RuntimeException e) {
            return dflt;
        }
    }

    // ---- free form --------------------------------------------------------------------------------

    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]m)?";
    private static final String ZONE = "(?:\\s*(utc|gmt|z|[+-]\\d{2}:?\\d{2}|[a-z]{3,4}))?";
    private static final String MON = "(jan[a-z]*|feb[a-z]*|mar[a-z]*|apr[a-z]*|may|jun[a-z]*|jul[a-z]*|aug[a-z]*|sep[a-z]*|oct[a-z]*|nov[a-z]*|dec[a-z]*)\\.?";

    static long freeForm(String input, ZoneId zone, long base) throws TclException {
        String text = input.trim().replaceAll("\\s+", " ");
        // A leading day name ("Tue," "Tuesday") adds nothing when a date follows.
        text = text.replaceFirst("(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? (?=\\S)", "");
        LocalDateTime b = ClockCommands.at(base, zone);
        Matcher m;
        if ((m = ClockCommands.match("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[t ]" + TIME + ")?" + ZONE, text)) != null) {
            return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m, 4, zone);
        }
        if ((m = ClockCommands.match("(\\d{4})(\\d{2})(\\d{2})(?:t?(\\d{2}):?(\\d{2}):?(\\d{2}))?" + ZONE, text)) != null) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            return ClockCommands.epoch(d, t, zoneOf(m.group(7) == null ? "" : m.group(7), zone));
        }
        if ((m = ClockCommands.match("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?: " + TIME + ")?" + ZONE, text)) != null) {
            return build(year(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m, 4, zone);
        }
        if ((m = ClockCommands.match(MON + " (\\d{1,2}),? (\\d{4})(?: " + TIME + ")?" + ZONE, text)) != null) {
            return build(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), m, 4, zone);
        }
        if ((m = ClockCommands.match("(\\d{1,2}) " + MON + ",? (\\d{4})(?: " + TIME + ")?" + ZONE, text)) != null) {
            return build(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), m, 4, zone);
        }
        // ctime and clock format's default: "Nov 14 22:13:20 GMT 2023" (day name already removed).
        if ((m = ClockCommands.match(MON + " (\\d{1,2}) " + TIME + ZONE + " (\\d{4})", text)) != null) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(8)), month(m.group(1)), Integer.parseInt(m.group(2)));
            return ClockCommands.epoch(d, time(m, 3), zoneOf(m.group(7) == null ? "" : m.group(7), zone));
        }
        if ((m = ClockCommands.match(TIME + ZONE, text)) != null) {
            ZoneId z = zoneOf(m.group(5) == null ? "" : m.group(5), zone);
            return ClockCommands.epoch(ClockCommands.at(base, z).toLocalDate(), time(m, 1), z);
        }
        Long rel = relative(text, zone, b);
        if (rel != null) return rel;
        int end = Math.max(0, input.length() - 1);
        throw TclException.error("unable to convert date-time string \"" + input + "\": syntax error (characters 0-" + end + ")");
    }

    private static int year(String y) {
        int n = Integer.parseInt(y);
        if (y.length() == 2) return n < 38 ? 2000 + n : 1900 + n;
        return n;
    }

    private static long build(int year, int month, int day, Matcher m, int timeGroup, ZoneId zone) throws TclException {
        try {
            LocalDate d = LocalDate.of(year, month, day);
            LocalTime t = m.group(timeGroup) == null ? LocalTime.MIDNIGHT : time(m, timeGroup);
            String z = m.group(timeGroup + 4);
            return ClockCommands.epoch(d, t, zoneOf(z == null ? "" : z, zone));
        } catch (java.time.DateTimeException e) {
            throw TclException.error("unable to convert date-time string \"" + m.group() + "\": invalid date");
        }
    }

    private static LocalTime time(Matcher m, int g) {
        int h = Integer.parseInt(m.group(g));
        String ampm = m.group(g + 3);
        if (ampm != null) h = h % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
        return LocalTime.of(h, Integer.parseInt(m.group(g + 1)), m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2)));
    }

    /** now, today, tomorrow, yesterday, "+N units", "N units ago", "next unit": relative to the base. */
    private static Long relative(String text, ZoneId zone, LocalDateTime base) {
        String t = text.toLowerCase(Locale.ROOT);
        ZonedDateTime b = base.atZone(zone);
        switch (t) {
            case "now", "today" -> { return b.toEpochSecond(); }
            case "tomorrow" -> { return b.plusDays(1).toEpochSecond(); }
            case "yesterday" -> { return b.minusDays(1).toEpochSecond(); }
            default -> { }
        }
        Matcher m = ClockCommands.match("(?:([+-]?\\d+)|next|last) ?(year|month|fortnight|week|day|hour|minute|min|second|sec)s?( ago)?", t);
        if (m == null) return null;
        long n = m.group(1) != null ? Long.parseLong(m.group(1)) : t.startsWith("last") ? -1 : 1;
        if (m.group(3) != null) n = -n;
        ZonedDateTime r = switch (m.group(2)) {
            case "year" -> b.plusYears(n);
            case "month" -> b.plusMonths(n);
            case "fortnight" -> b.plusWeeks(2 * n);
            case "week" -> b.plusWeeks(n);
            case "day" -> b.plusDays(n);
            case "hour" -> b.plusHours(n);
            case "minute", "min" -> b.plusMinutes(n);
            default -> b.plusSeconds(n);
        };
        return r.toEpochSecond();
    }
}
