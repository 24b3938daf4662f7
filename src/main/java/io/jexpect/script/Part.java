package io.jexpect.script;

/** A piece of a substituted word. */
public sealed interface Part {
    /** Literal characters (backslash escapes already decoded). */
    record Text(String text) implements Part {}

    /** {@code $name}, {@code ${name}} or {@code $name(index)}; index is null for scalars. */
    record Variable(String name, Word index) implements Part {}

    /** {@code [script]}; depth counts the brackets nested here, this one included. */
    record Substitution(Script script, int depth) implements Part {}
}
