package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How list elements are quoted (braces or backslashes), as tclsh 8.6.13 prints them. */
class ListQuotingTest {
    private static final String SCRIPT = """
foreach e [list {x"y} {a]b} {a"b c} {"ab} {a[b} {a$b} {a;b} "a\\\\b" "a\\{b" "a\\}b" {x]"y} {a]b c} {#a} {a#} {{a}} {"a b"} "a{b}c" "\\{" "a\\\\" "a\\nb" {} " "] { puts "[list $e] | [list $e x] | [list x $e]" }
""";

    private static final String TCLSH_OUTPUT = """
x\\"y | x\\"y x | x x\\"y
a\\]b | a\\]b x | x a\\]b
{a"b c} | {a"b c} x | x {a"b c}
{"ab} | {"ab} x | x {"ab}
{a[b} | {a[b} x | x {a[b}
{a$b} | {a$b} x | x {a$b}
{a;b} | {a;b} x | x {a;b}
{a\\b} | {a\\b} x | x {a\\b}
a\\{b | a\\{b x | x a\\{b
a\\}b | a\\}b x | x a\\}b
x\\]\\"y | x\\]\\"y x | x x\\]\\"y
{a]b c} | {a]b c} x | x {a]b c}
{#a} | {#a} x | x #a
a# | a# x | x a#
{{a}} | {{a}} x | x {{a}}
{"a b"} | {"a b"} x | x {"a b"}
a{b}c | a{b}c x | x a{b}c
\\{ | \\{ x | x \\{
a\\\\ | a\\\\ x | x a\\\\
{a
b} | {a
b} x | x {a
b}
{} | {} x | x {}
{ } | { } x | x { }
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
