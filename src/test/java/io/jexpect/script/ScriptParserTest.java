package io.jexpect.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    private final ScriptParser parser = new ScriptParser();

    private List<Command> commands(String text) {
        Script s = parser.parse(text);
        assertThat(s.error()).as("syntax error").isNull();
        return s.commands();
    }

    private static String literal(Word w) {
        assertThat(w).isInstanceOf(Word.Literal.class);
        return ((Word.Literal) w).text();
    }

    @Test
    void commandsAreSeparatedByNewlinesAndSemicolons() {
        List<Command> cs = commands("set a 1; set b 2\nputs x\n\n");
        assertThat(cs).extracting(Command::text).containsExactly("set a 1", "set b 2", "puts x");
        assertThat(cs).extracting(Command::line).containsExactly(1, 1, 2);
    }

    @Test
    void aCommandsTextKeepsTheBlanksAfterItsLastWordButNotItsTerminator() {
        List<Command> cs = commands("  a b  \\\n  ;c\t\n[d  ]  e\\\r\n \n");
        assertThat(cs).extracting(Command::text).containsExactly("a b  \\\n  ", "c\t", "[d  ]  e\\\r\n ");
        assertThat(cs.get(0).words()).hasSize(2);
        assertThat(cs.get(2).words()).hasSize(2);
        ScriptParser.CommandReader r = parser.reader("  a b  ;;\n  c  \n");
        assertThat(r.next().text()).isEqualTo("a b  ");
        assertThat(r.next().text()).isEqualTo("c  ");
        assertThat(r.next()).isNull();
        assertThat(r.end().error()).isNull();
    }

    @Test
    void commentsOnlyWhereACommandMayStart() {
        List<Command> cs = commands("# a comment \\\n still comment\nputs #notacomment ; # trailing comment\n");
        assertThat(cs).hasSize(1);
        assertThat(literal(cs.get(0).words().get(1))).isEqualTo("#notacomment");
    }

    @Test
    void bracedWordsAreLiteralNestedAndFoldBackslashNewline() {
        Command c = commands("x {a {b c} $d [e]} {p\\\n   q}").get(0);
        assertThat(literal(c.words().get(1))).isEqualTo("a {b c} $d [e]");
        assertThat(literal(c.words().get(2))).isEqualTo("p q");
    }

    @Test
    void quotedWordsSubstitute() {
        Command c = commands("x \"a $b [c d] \\t\"").get(0);
        Word.Compound w = (Word.Compound) c.words().get(1);
        assertThat(w.parts()).hasSize(5);
        assertThat(w.parts().get(1)).isEqualTo(new Part.Variable("b", null));
        assertThat(w.parts().get(3)).isInstanceOf(Part.Substitution.class);
        assertThat(w.parts().get(4)).isEqualTo(new Part.Text(" \t"));
    }

    @Test
    void variableForms() {
        Command c = commands("x $a ${b c} $arr($i,[f]) $::g $a(x)y $").get(0);
        assertThat(((Word.Compound) c.words().get(1)).parts()).containsExactly(new Part.Variable("a", null));
        assertThat(((Word.Compound) c.words().get(2)).parts()).containsExactly(new Part.Variable("b c", null));
        Part.Variable arr = (Part.Variable) ((Word.Compound) c.words().get(3)).parts().get(0);
        assertThat(arr.name()).isEqualTo("arr");
        assertThat(((Word.Compound) arr.index()).parts()).hasSize(3);
        assertThat(((Word.Compound) c.words().get(4)).parts()).containsExactly(new Part.Variable("::g", null));
        assertThat(literal(c.words().get(6))).isEqualTo("$");
    }

    @Test
    void commandSubstitutionNestsToAnyDepth() {
        Command c = commands("puts [a [b [c \"]\"]] d]").get(0);
        Part.Substitution outer = (Part.Substitution) ((Word.Compound) c.words().get(1)).parts().get(0);
        assertThat(outer.script().commands().get(0).words()).hasSize(3);
    }

    @Test
    void backslashEscapes() {
        Command c = commands("x \\x41\\u00e9\\101\\n\\\\ a\\ b").get(0);
        assertThat(literal(c.words().get(1))).isEqualTo("A\u00e9A\n\\");
        assertThat(literal(c.words().get(2))).isEqualTo("a b");
    }

    @Test
    void argumentExpansion() {
        Command c = commands("x {*}$l {*} {*}{a\\ b}").get(0);
        assertThat(c.words().get(1).expand()).isTrue();
        assertThat(literal(c.words().get(2))).isEqualTo("*");
        assertThat(c.words().get(2).expand()).isFalse();
        assertThat(c.words().get(3).expand()).isTrue();
    }

    /** As Tcl_ParseCommand: a {*} word of plain text whose elements need no substitution is expanded at once. */
    @Test
    void literalExpansionBecomesWordsOnTheirLines() {
        Command c = commands("x {*}{a\n  {b c}} {*}\"d\" {*}{}").get(0);
        assertThat(c.words()).hasSize(4);
        assertThat(c.words()).noneMatch(Word::expand);
        assertThat(literal(c.words().get(2))).isEqualTo("b c");
        assertThat(c.words().get(2).line()).isEqualTo(2);
        assertThat(literal(c.words().get(3))).isEqualTo("d");
    }

    @Test
    void closingBracketOutsideSubstitutionIsText() {
        assertThat(literal(commands("puts a]b").get(0).words().get(1))).isEqualTo("a]b");
    }

    @Test
    void syntaxErrorsStopAfterTheGoodCommands() {
        Script s = parser.parse("puts a\nset x 1\nif {$x} {\n  puts y\n");
        assertThat(s.commands()).hasSize(2);
        assertThat(s.error().message()).isEqualTo("missing close-brace");
        assertThat(s.error().line()).isEqualTo(3);
        assertThat(s.error().commandText()).isEqualTo("if {$x} {");
    }

    @Test
    void errorMessagesAreTcls() {
        assertThat(parser.parse("set x {a}b").error().message()).isEqualTo("extra characters after close-brace");
        assertThat(parser.parse("puts \"a\"b").error().message()).isEqualTo("extra characters after close-quote");
        assertThat(parser.parse("puts [list a").error().message()).isEqualTo("missing close-bracket");
        assertThat(parser.parse("puts \"abc").error().message()).isEqualTo("missing \"");
        assertThat(parser.parse("puts $a(1").error().message()).isEqualTo("missing )");
        assertThat(parser.parse("puts [list a").error().commandText()).isEqualTo("puts [");
    }

    @Test
    void parsesAreCachedByText() {
        assertThat(parser.parse("incr i")).isSameAs(parser.parse("incr i"));
    }
}
