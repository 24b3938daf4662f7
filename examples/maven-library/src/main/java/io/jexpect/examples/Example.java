package io.jexpect.examples;

import io.jexpect.api.ExpectSession;
import io.jexpect.api.TclInterpreter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drives sh through jexpect's Java API and runs Tcl through its interpreter, logging with SLF4J. */
public final class Example {
    private static final Logger log = LoggerFactory.getLogger(Example.class);

    public static void main(String[] args) {
        log.info("spawning sh");
        try (ExpectSession sh = ExpectSession.spawn("sh")) {
            sh.timeout(Duration.ofSeconds(10));
            sh.sendLine("echo result=$((6*7))");
            log.info("sh computed {}", sh.expectRegex("result=(\\d+)").group(1));
        }
        try (TclInterpreter tcl = TclInterpreter.create()) {
            log.info("Tcl's regexp found {}", tcl.eval("regexp -inline {[[:alpha:]]+} {42 abc}"));
        }
    }
}
