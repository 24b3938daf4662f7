package io.jexpect.results;

/** Hears each result a script reports ({@code pass}, {@code fail} …), as soon as it is reported. */
@FunctionalInterface
public interface ResultListener {
    /**
     * One reported result.
     *
     * @param outcome what the test gave, after {@code setup_xfail}/{@code setup_kfail} and
     *     {@code perror} were taken into account
     * @param name the test's name: the message the script passed to the command
     * @param line the line DejaGnu prints for it, such as {@code FAIL: login prompt (PRMS 12)}
     */
    void reported(Outcome outcome, String name, String line);
}
