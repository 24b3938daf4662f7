package io.jexpect.api;

/**
 * An expect that ended without one of its alternatives: a timeout or an eof that was not listed,
 * or an interrupted wait. Carries the output that was left unmatched.
 */
public final class ExpectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String unmatched;

    ExpectException(String why, String unmatched) {
        super(why + "; unmatched output: \"" + tail(unmatched) + "\"");
        this.unmatched = unmatched;
    }

    /** The output that no alternative matched. */
    public String unmatched() {
        return unmatched;
    }

    private static String tail(String s) {
        String t = s.length() > 200 ? "..." + s.substring(s.length() - 200) : s;
        return t.replace("\r", "\\r").replace("\n", "\\n");
    }
}
