package io.jexpect.results;

import io.jexpect.commands.GlobMatch;
import io.jexpect.interp.Interp;
import java.util.Locale;

/**
 * DejaGnu's istarget for setup_xfail and friends: the pattern is matched against
 * {@code $target_triplet} when a script (or runtest) set it, else against this host's triplet as
 * GNU's config.guess spells it ({@code x86_64-pc-linux-gnu}).
 */
final class TargetTriplet {
    private TargetTriplet() {}

    static boolean matches(Interp in, String pattern) {
        var set = in.getGlobalOrNull("target_triplet");
        return GlobMatch.matches(pattern, set != null ? set.toString() : host());
    }

    static String host() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            default -> arch;
        };
        boolean pc = cpu.equals("x86_64") || cpu.equals("i686");
        if (os.contains("mac")) return cpu + "-apple-darwin";
        if (os.contains("linux")) return cpu + (pc ? "-pc" : "-unknown") + "-linux-gnu";
        return cpu + "-unknown-" + os.replace(' ', '_');
    }
}
