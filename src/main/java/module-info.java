/**
 * jexpect: Expect's scripted interaction on the JVM. Users see {@code io.jexpect.api} (drive
 * programs from Java, embed the interpreter), {@code io.jexpect.api.assertions} (AssertJ assertions
 * on sessions) and {@code io.jexpect.harness} (the JUnit Platform engine for {@code .exp} files).
 * Everything else is the implementation and is not exported. On the class path (where most builds
 * put it) this file has no effect.
 *
 * <p>The pom turns off two lints for it: requires-automatic (antlr4-runtime is an automatic
 * module) and exports (the API names JUnit's and AssertJ's types without requiring them
 * transitively; ApiSurfaceTest keeps internal types out of the API).
 */
module io.jexpect {
    exports io.jexpect.api;
    exports io.jexpect.harness;
    exports io.jexpect.api.assertions;

    requires org.antlr.antlr4.runtime;
    // Line editing for the jexpect command's prompt; absent from a library user's module path.
    requires static org.jline;
    // The .exp test engine's interface (present wherever tests run on the JUnit Platform) and
    // AssertJ (for the session assertions, on the test path of projects that use them). Not
    // transitive: that would make every module requiring io.jexpect compile against both.
    requires static org.junit.platform.engine;
    requires static org.assertj.core;

    provides org.junit.platform.engine.TestEngine with io.jexpect.harness.ExpTestEngine;
}
