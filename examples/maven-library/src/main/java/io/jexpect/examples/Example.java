package io.jexpect.examples;

import io.jexpect.api.ExpectSession;
import io.jexpect.api.TclInterpreter;
import java.time.Duration;

/** Drives sh through jexpect's Java API and runs Tcl through its interpreter. */
public final class Example {
    public static void main(String[] args) {
        System.out.println("spawning sh");
        try (ExpectSession sh = ExpectSession.spawn("sh")) {
            sh.timeout(Duration.ofSeconds(10));
            sh.sendLine("echo result=$((6*7))");
            System.out.println("sh computed " + sh.expectRegex("result=(\\d+)").group(1));
        }
        try (TclInterpreter tcl = TclInterpreter.create()) {
            System.out.println("Tcl's regexp found " + tcl.eval("regexp -inline {[[:alpha:]]+} {42 abc}"));
        }
    }
}
