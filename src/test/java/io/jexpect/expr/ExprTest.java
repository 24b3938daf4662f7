package io.jexpect.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.commands.TclCore;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** expr against results and messages checked with tclsh 8.6.13. */
class ExprTest {
    private Interp in;

    @BeforeEach
    void setUp() {
        in = new Interp();
        TclCore.install(in);
    }

    private String expr(String e) throws TclException {
        in.setVar("e", io.jexpect.interp.Value.of(e));
        return in.eval("expr $e").toString();
    }

    private TclException error(String e) {
        try {
            expr(e);
        } catch (TclException ex) {
            return ex;
        }
        throw new AssertionError("no error for " + e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // precedence and associativity
        "1 + 2 * 3 | 7", "(1 + 2) * 3 | 9", "2 ** 3 ** 2 | 512", "-2 ** 2 | 4", "10 - 4 - 3 | 3",
        "1 + 2 << 1 | 6", "1 < 2 == 1 | 1", "3 > 2 > 1 | 0", "'\"a\" eq \"a\" == 1' | 1", "6 & 3 ^ 1 | 3",
        "'1 | 2 ^ 3 & 1' | 3", "'1 || 0 && 0' | 1", "1 ? 2 : 3 ? 4 : 5 | 2", "0 ? 2 : 0 ? 4 : 5 | 5", "5--3 | 8",
        // arithmetic
        "7 / 2 | 3", "-7 / 2 | -4", "7 % -2 | -1", "-7 % 2 | 1", "1/-2 | -1", "7 / 2.0 | 3.5", "1 / 3.0 | 0.3333333333333333",
        "0.1 + 0.2 | 0.30000000000000004", "100 * 1.1 | 110.00000000000001", "2 ** 10 | 1024", "2 ** -1 | 0", "2.0 ** 0.5 | 1.4142135623730951",
        "2**70 | 1180591620717411303424", "9223372036854775807 + 1 | 9223372036854775808", "-9223372036854775808 - 1 | -9223372036854775809",
        "9223372036854775807 * 9223372036854775807 | 85070591730234615847396907784232501249",
        "-9223372036854775808 / -1 | 9223372036854775808", "(2**64) / 3 | 6148914691236517205", "-(2**64) / 7 | -2635249153387078803",
        "(2**64) % 7 | 2", "(-2) ** 63 | -9223372036854775808", "1.5e300 * 1e10 | Inf", "1 / 0.0 | Inf", "1/-0.0 | -Inf", "-0.0 | -0.0",
        // bit operators
        "~5 & 0xff | 250", "1 << 40 | 1099511627776", "1 << 64 | 18446744073709551616", "-17 >> 2 | -5", "-1 >> 100 | -1", "~-1 | 0",
        "'0x10 | 0b1' | 17", "6 ^ 3 | 5", "(2**64) >> 3 | 2305843009213693952", "(2**64) & 0xff | 0",
        // number forms
        "0x1F + 010 | 39", "0b101 + 0o17 + 017 | 35", "1e3 | 1000.0", "3.0 | 3.0", ".5 | 0.5", "1.0e17 | 1e+17", "1e16 | 10000000000000000.0",
        "0.00001 | 1e-5", "1e400 | Inf", "Inf | Inf", "-inf | -Inf", "'\"0x10\"' | 16", "'\" 1 \" + 2' | 3",
        // comparisons
        "'\"abc\" < \"abd\"' | 1", "'\"10\" == 10.0' | 1", "'\"10\" eq \"10.0\"' | 0", "'\"b\" ne \"a\"' | 1", "'10 < \"9\"' | 0",
        "'\"10\" < \"9x\"' | 1", "'\"1e2\" == 100' | 1", "(2**64) == 18446744073709551616.0 | 1", "1 == 1.0 | 1", "NaN < 1 | 0",
        "'\"x\" in {a x c}' | 1", "1eq4>3 | 1", "3eq3ne2 | 1", "1.5eq1.5 | 1", "1e5eq1e5 | 1", "Infeq1 | 0", "'1in{1 2}' | 1", "'\"q\" ni {a x c}' | 1", "'\"\" in {}' | 0",
        // logic and booleans
        "'!0 && (1 || 0)' | 1", "true && yes | 1", "'yes || no' | 1", "'!\"yes\"' | 0", "!0.0 | 1", "!!5 | 1", "tr | tr", "on ? 1 : 2 | 1",
        // functions
        "int(3.99) | 3", "int(-3.99) | -3", "int(-1e19) | 8446744073709551616", "wide(9.3e18) | -9146744073709551616", "round(2.5) | 3",
        "round(-2.5) | -3", "round(-0.5) | -1", "double(7) | 7.0", "abs(-4) | 4", "abs(-0.0) | 0.0", "abs(-9223372036854775808) | 9223372036854775808",
        "sqrt(16) | 4.0", "max(3, 9, 4) | 9", "min(3.5, 2) | 2", "max(2,3.0) | 3.0", "pow(2, 0.5) | 1.4142135623730951", "fmod(7, 3) | 1.0",
        "fmod(-7,2) | -1.0", "hypot(3,4) | 5.0", "ceil(1) | 1.0", "floor(-1.5) | -2.0", "exp(1000) | Inf", "log(0) | -Inf", "isqrt(17) | 4",
        "isqrt(1e40) | 100000000000000001518", "round(0.49999999999999994) | 0", "round(4503599627370495.5) | 4503599627370496",
        "round(-1.5e19) | -15000000000000000000", "int(-2.5e19) | -6553255926290448384",
        "9007199254740993 > 9007199254740992.0 | 1", "1e19 < 10000000000000000001 | 1", "-1e19 < -9999999999999999999 | 1", "2.5 > 9007199254740993 | 0", "entier(2.5e19) | 25000000000000000000", "bool(2) | 1", "srand(5) | 3.9131846297128054e-5",
        "atan2(1, 1) * 4 | 3.141592653589793", "sin(0) + cos(0) + tan(0) | 1.0", "log10(1000) | 3.0", "double(2**70) | 1.1805916207174113e+21",
        // literals keep their text for string operators; abs and max give back their argument; shortest doubles
        "01 eq 1 | 0", "0x10 eq 16 | 0", "01eq1 | 0", "abs(0x10) | 16", "max(0x10, 1) | 16", "7e-324 | 5e-324", "-7e-324 | -5e-324",
        "'sqrt(1e616) == 1e308' | 0", "'sqrt(\"1[string repeat 0 616]\")' | 1e+308", "0**-0.0 | 1.0",
        // below the normal range Tcl's reading is its own: a hair under a tie can round up
        "2.4703282292062327e-324 | 5e-324", "-2.4703282292062327e-324 | -5e-324", "2.47032822920623e-324 | 0.0",
        "7.4109846876186982e-324 | 5e-324", "1.5e-323 | 1.5e-323", "2.2250738585072011e-308 | 2.225073858507201e-308",
        "1.0e-2147483630 | 0.0", "-1.0e-2147483630 | -0.0", "1e-324 | 0.0",
        // a constant in parentheses keeps its text, as Tcl folds it while compiling
        "(0x10) | 0x10", "(1?0x10:0) | 0x10", "'(\"0x10\")' | 0x10", "(NaN) | NaN", "(abs(0x10)) | 16", "(0x10) + 1 | 17",
        "'[::tcl::mathfunc::abs { 0x0}]' | 0", "'[::tcl::mathfunc::abs 1e-324] eq \"1e-324\"' | 1", "'[::tcl::mathfunc::max 0x10 1]' | 16",
    })
    void values(String e, String expected) throws TclException {
        assertThat(expr(e)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1 + | 'missing operand at _@_\nin expression \"1 +_@_\"'",
        "'' | 'empty expression\nin expression \"\"'",
        "1 2 | 'missing operator at _@_\nin expression \"1 _@_2\"'",
        "(1 | 'unbalanced open paren\nin expression \"(1\"'",
        "1) | 'unbalanced close paren\nin expression \"1)\"'",
        "abc | 'invalid bareword \"abc\"\nin expression \"abc\";\nshould be \"$abc\" or \"{abc}\" or \"abc(...)\" or ...'",
        "08 | 'invalid bareword \"08\"\nin expression \"08\";\nshould be \"$08\" or \"{08}\" or \"08(...)\" or ... (invalid octal number?)'",
        "0b12 | 'invalid bareword \"0b12\"\nin expression \"0b12\";\nshould be \"$0b12\" or \"{0b12}\" or \"0b12(...)\" or ... (invalid binary number?)'",
        "1 ? 2 | 'missing operator \":\" at _@_\nin expression \"1 ? 2_@_\"'",
        "1 : 2 | 'unexpected operator \":\" without preceding \"?\"\nin expression \"1 : 2\"'",
        "1 ? 2 : 3 : 4 | 'unexpected operator \":\" without preceding \"?\"\nin expression \"1 ? 2 : 3 : 4\"'",
        "() | 'empty subexpression at _@_\nin expression \"(_@_)\"'",
        "max(1,) | 'missing function argument at _@_\nin expression \"max(1,_@_)\"'",
        "max(1 2) | 'missing operator at _@_\nin expression \"max(1 _@_2)\"'",
        "1,2 | 'unexpected \",\" outside function argument list\nin expression \"1,2\"'",
        "$ | 'invalid character \"$\"\nin expression \"$\"'",
        "1 @ 2 | 'invalid character \"@\"\nin expression \"1 @ 2\"'",
        "1 = 2 | 'incomplete operator \"=\"\nin expression \"1 = 2\"'",
        "1.2.3 | 'missing operator at _@_\nin expression \"1.2_@_.3\"'",
        "[ | 'missing close-bracket\nin expression \"[\"'",
        "'\"abc' | 'missing \"\nin expression \"\"abc\"'",
        "1 + ) | 'missing operand at _@_\nin expression \"1 + _@_)\"'",
        "1 +  2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 * | 'missing operand at _@_\nin expression \"... + 12 + 13 + 14 + 15 *_@_\"'",
        "abcdefghijklmnopqrstuvwxyz12345 | 'invalid bareword \"abcdefghijklmnopqrstuv...\"\nin expression \"abcdefghijklmnopqrstuv...\";\nshould be \"$abcdefghijklmnopqrstuv...\" or \"{abcdefghijklmnopqrstuv...}\" or \"abcdefghijklmnopqrstuv...(...)\" or ...'",
        "'\"abc\" + 1' | 'can''t use non-numeric string as operand of \"+\"'",
        "'-\"\"' | 'can''t use empty string as operand of \"-\"'",
        "~1.5 | 'can''t use floating-point value as operand of \"~\"'",
        "1.5 % 2 | 'can''t use floating-point value as operand of \"%\"'",
        "nan + 1 | 'can''t use non-numeric floating-point value as operand of \"+\"'",
        "Inf - Inf | 'domain error: argument not in valid range'",
        "1 / 0 | 'divide by zero'",
        "1 % 0 | 'divide by zero'",
        "0 ** -1 | 'exponentiation of zero by negative power'",
        "0.0 ** -1.0 | 'exponentiation of zero by negative power'",
        "0 ** -0.5 | 'exponentiation of zero by negative power'",
        "NaN | 'domain error: argument not in valid range'",
        "1 ? NaN : 0 | 'domain error: argument not in valid range'",
        "entier(NaN) | 'floating point value is Not a Number'",
        "isqrt(NaN) | 'floating point value is Not a Number'",
        "double(NaN) | 'floating point value is Not a Number'",
        "sin(NaN) | 'floating point value is Not a Number'",
        "pow(NaN, 1) | 'floating point value is Not a Number'",
        "max(NaN, 1) | 'floating point value is Not a Number'",
        "1 << -1 | 'negative shift argument'",
        "(-1) ** 0.5 | 'domain error: argument not in valid range'",
        "sqrt(-1) | 'domain error: argument not in valid range'",
        "'sqrt(\"a\")' | 'expected floating-point number but got \"a\"'",
        "'int(\"a\")' | 'expected number but got \"a\"'",
        "'1 && \"x\"' | 'expected boolean value but got \"x\"'",
        "isqrt(-1) | 'square root of negative argument'",
        "nosuch(1) | 'invalid command name \"tcl::mathfunc::nosuch\"'",
        "abs(1,2) | 'too many arguments for math function \"abs\"'",
        "pow(1) | 'not enough arguments for math function \"pow\"'",
        "max() | 'not enough arguments to math function \"max\"'",
        "srand(1.5) | 'expected integer but got \"1.5\"'",
        "$nosuch | 'can''t read \"nosuch\": no such variable'",
        // operands are parsed by Tcl's word parsers: their first error, where they stop
        "eq4 | 'missing operand at _@_\nin expression \"_@_eq4\"'",
        "0x1eq1 | 'invalid bareword \"0x1eq1\"\nin expression \"0x1eq1\";\nshould be \"$0x1eq1\" or \"{0x1eq1}\" or \"0x1eq1(...)\" or ...'",
        "$( | 'missing )\nin expression \"$(\"'",
        "[{}a] | 'extra characters after close-brace\nin expression \"[{}a]\"'",
        "'1 \"abc' | 'missing operator at _@_\nin expression \"1 _@_\"abc\"'",
        "'123456789012345678901234567890*\"foo$bar([abcdefghijklmnopqrstuvwxyz)\"' | 'missing close-bracket\nin expression \"...901234567890*\"foo$bar([abcdefghijklmnopqrstuv...\"'",
        "'123456789012345678901234567890*$bar([\"\"abcdefghijklmnopqrstuvwxyz])\"' | 'extra characters after close-quote\nin expression \"...8901234567890*$bar([\"\"abcdefghijklmnopqrstuv...\"'",
        "'123456789012345678901234567890*[${abcdefghijklmnopqrstuvwxyz]' | 'missing close-brace for variable name\nin expression \"...2345678901234567890*[${abcdefghijklmnopqrstuv...\"'",
        "'{a\n#{\n' | 'missing close-brace: possible unbalanced brace in comment\nin expression \"{a\n#{\n\"'",
        // the context is cut at 22 bytes of UTF-8, not characters
        "'\"§§§§§§§§§§§§§§\"  @ 0' | 'invalid character \"@\"\nin expression \"...§§§§§§§§§\"  @ 0\"'",
    })
    void errors(String e, String message) {
        assertThat(error(e).getMessage()).isEqualTo(message);
    }

    @Test
    void operandErrorsCarryTclsCodes() throws TclException {
        in.eval("catch {expr {[{}a]}} m o");
        assertThat(in.eval("dict get $o -errorcode").toString()).isEqualTo("NONE");
        in.eval("catch {expr {1+$a(b}} m o");
        assertThat(in.eval("dict get $o -errorcode").toString()).isEqualTo("TCL PARSE EXPR UNBALANCED");
        in.eval("catch {expr [format {\"%s\" @ 0} [string repeat \\u00a7 25]]} m o");
        assertThat(in.eval("dict get $o -errorinfo").toString()).contains("(parsing expression \"\"§§§§§§§§§§...\")");
    }

    /** Inside a command substitution '"' and '{' open a word only at its start, as the Tcl parser has it (tclsh 8.6.13). */
    @Test
    void commandSubstitutionEndsWhereTclSaysItDoes() throws TclException {
        assertThat(in.eval("expr {[string length \"a]b\"] + 1}").toString()).isEqualTo("4");
        assertThat(in.eval("expr {\"[set a x\"]\" eq {x\"}}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {\"a[string length \"]]\"]b\"}").toString()).isEqualTo("a2b");
        in.eval("catch {expr {[set a x\"]\"]}} m");
        assertThat(in.getVar("m").toString()).isEqualTo("missing operator at _@_\nin expression \"[set a x\"]_@_\"]\"");
        in.eval("catch {expr {[set q x{]}]}} m");
        assertThat(in.getVar("m").toString()).isEqualTo("invalid character \"}\"\nin expression \"[set q x{]}]\"");
        in.eval("catch {expr {1 + [set a \"x]}} m");
        assertThat(in.getVar("m").toString()).isEqualTo("missing \"\nin expression \"1 + [set a \"x]\"");
    }

    @Test
    void bracedOperandFoldsBackslashNewlines() throws TclException {
        assertThat(in.eval("expr \"\\{  \\\\\n +123 \\}\"").toString()).isEqualTo("123");
    }

    @Test
    void comparingWithTheEmptyStringLeavesAListTextless() throws TclException {
        in.eval("set a [list one two three]");
        assertThat(in.eval("list [expr {$a eq {}}] [expr {$a < {}}] [expr {$a > {}}]").toString()).isEqualTo("0 0 1");
        assertThat(in.eval("::tcl::unsupported::representation $a").toString()).contains("no string representation");
    }

    @Test
    void arrayWithTheEmptyName() throws TclException {
        in.eval("set (a) 5; set b(c) a");
        assertThat(in.eval("list $(a) \"x$(a)\" [expr {$($b(c))}] [array names {}]").toString()).isEqualTo("5 x5 5 a");
    }

    @Test
    void syntaxErrorTraceAndCode() throws TclException {
        in.eval("catch {expr {1 +}} m");
        assertThat(in.getVar("errorInfo").toString()).isEqualTo(
                "missing operand at _@_\nin expression \"1 +_@_\"\n    (parsing expression \"1 +\")\n    invoked from within\n\"expr {1 +}\"");
        assertThat(in.getVar("errorCode").toString()).isEqualTo("TCL PARSE EXPR MISSING");
        in.eval("catch {expr {1/0}} m");
        assertThat(in.getVar("errorCode").toString()).isEqualTo("ARITH DIVZERO {divide by zero}");
        // The cached parse failure is raised afresh each time.
        in.eval("catch {expr {1 +}} m");
        assertThat(in.getVar("errorInfo").toString()).endsWith("(parsing expression \"1 +\")\n    invoked from within\n\"expr {1 +}\"");
    }

    @Test
    void shortCircuit() throws TclException {
        in.eval("set n 0");
        assertThat(in.eval("expr {0 && [incr n]}").toString()).isEqualTo("0");
        assertThat(in.eval("expr {1 || [incr n]}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {1 ? \"a\" : [incr n]}").toString()).isEqualTo("a");
        assertThat(in.eval("expr {0 ? [incr n] : \"b\"}").toString()).isEqualTo("b");
        assertThat(in.eval("expr {0 ? $nosuch : 1}").toString()).isEqualTo("1");
        assertThat(in.getVar("n").toString()).isEqualTo("0");
        assertThat(in.eval("expr {1 && [incr n]}").toString()).isEqualTo("1");
        assertThat(in.getVar("n").toString()).isEqualTo("1");
    }

    @Test
    void substitutions() throws TclException {
        in.eval("set a 6; set b 7; set x 0x10; array set arr {1 one k,2 two}; set k 2");
        assertThat(in.eval("expr $a*$b").toString()).isEqualTo("42");
        assertThat(in.eval("expr {$a * $b == 42}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {$x}").toString()).isEqualTo("16");
        assertThat(in.eval("expr {${a} + 1}").toString()).isEqualTo("7");
        assertThat(in.eval("expr {$arr(1) eq \"one\"}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {$arr(k,$k) eq \"two\"}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {$arr([expr 1]) eq {one}}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {\"a[set a]b\"}").toString()).isEqualTo("a6b");
        assertThat(in.eval("expr {[llength [list a [list b c] \"d]\"]] + 1}").toString()).isEqualTo("4");
        assertThat(in.eval("expr {\"a\\tb\" eq \"a\tb\"}").toString()).isEqualTo("1");
        assertThat(in.eval("expr {{a b} ne \"a b\"}").toString()).isEqualTo("0");
        assertThat(in.eval("expr {$a} + {$b}").toString()).isEqualTo("13");
        assertThat(in.eval("expr {1 +\n 2}").toString()).isEqualTo("3");
    }

    /** Any number is a boolean: a command's -1 or " 3 " as a condition is true (cmdline::getoptions loops on it). */
    @Test
    void numericConditionsFromCommands() throws TclException {
        in.eval("set out {}; if {[set x -1]} {lappend out a}; while {[set x 0x10]} {lappend out b; break}");
        in.eval("if {[set x { 3 }]} {lappend out c}; if {[set x 0]} {lappend out no}; lappend out [expr {[set x -2] ? 1 : 0}]");
        assertThat(in.getVar("out").toString()).isEqualTo("a b c 1");
    }

    @Test
    void userMathFunction() throws TclException {
        in.eval("proc tcl::mathfunc::triple {x} { expr {$x * 3} }");
        assertThat(in.eval("expr {triple(4) + 1}").toString()).isEqualTo("13");
    }

    @Test
    void wrongArgs() {
        assertThatThrownBy(() -> in.eval("expr")).hasMessage("wrong # args: should be \"expr arg ?arg ...?\"");
    }

    @Test
    void loopConditionIsCachedAndFast() throws TclException {
        in.eval("set i 0; while {$i < 100000} { incr i }");
        assertThat(in.getVar("i").toString()).isEqualTo("100000");
        assertThat(in.eval("set s 0; for {set i 0} {$i < 1000} {incr i} { set s [expr {$s + $i}] }; set s").toString())
                .isEqualTo("499500");
    }
}
