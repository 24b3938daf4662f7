package io.jexpect.commands;

import com.basistech.tclre.HsrePattern;
import com.basistech.tclre.PatternFlags;
import com.basistech.tclre.RePattern;
import com.basistech.tclre.RegexException;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.EnumSet;
import java.util.function.Predicate;

/** The unanchored ARE match of lsearch -regexp (Tcl's own regex engine via tcl-regex). */
final class RegexpSearch {
    private RegexpSearch() {}

    static Predicate<Value> matcher(String pattern, boolean nocase) throws TclException {
        EnumSet<PatternFlags> flags = EnumSet.of(PatternFlags.ADVANCED);
        if (nocase) flags.add(PatternFlags.ICASE);
        RePattern re;
        try {
            re = HsrePattern.compile(pattern, flags);
        } catch (RegexException e) {
            throw TclException.error("couldn't compile regular expression pattern: " + e.getMessage(),
                    "REGEXP", "COMPILE");
        }
        return v -> re.matcher(v.toString()).find();
    }
}
