package io.jexpect.commands;

import java.util.ArrayList;
import java.util.List;

/** The glob command's {a,b} alternatives, expanded before matching (nested braces allowed). */
final class GlobBraces {
    private GlobBraces() {}

    /** a{b,c}d gives [abd, acd]; null when a brace is unmatched. */
    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') { open = i; break; }
        }
        if (open < 0) {
            out.add(pattern);
            return out;
        }
        int depth = 0;
        int close = -1;
        List<String> alts = new ArrayList<>();
        int start = open + 1;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    close = i;
                    alts.add(pattern.substring(start, i));
                    break;
                }
            } else if (c == ',' && depth == 1) {
                alts.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        if (close < 0) return null;
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        for (String alt : alts) {
            List<String> sub = expand(head + alt + tail);
            if (sub == null) return null;
            out.addAll(sub);
        }
        return out;
    }
}
