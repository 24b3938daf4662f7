package io.jexpect.commands;

import io.jexpect.commands.oo.OoCommands;
import io.jexpect.interp.ImportedCommand;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.script.Command;
import io.jexpect.script.Script;
import io.jexpect.script.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tcl's tcl::unsupported::disassemble, getbytecode and representation. jexpect has no bytecode:
 * it interprets the parsed form of a script. So these take their arguments exactly as Tcl does
 * and describe that parsed form (commands, words, literals) and, for representation, the value's
 * real internal form; they never make up instructions.
 */
final class Unsupported {
    private Unsupported() {}

    private static final String[] TYPES = {"constructor", "destructor", "lambda", "method", "objmethod", "proc", "script"};

    static void install(Interp in) {
        in.register("::tcl::unsupported::disassemble", (i, a) -> disassemble(i, a, false));
        in.register("::tcl::unsupported::getbytecode", (i, a) -> disassemble(i, a, true));
        in.register("::tcl::unsupported::representation", Unsupported::representation);
    }

    /**
     * What was asked for: a script, the formals of the proc or method it is the body of, its
     * namespace, and that proc (null for a plain script).
     */
    private record Target(Value script, List<Proc.Param> params, String namespace, Proc proc) {}

    private static Value disassemble(Interp in, Value[] a, boolean asDict) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "type ...");
        String type = TYPES[OptionTable.lookup(a[1], "type", TYPES)];
        Target t = switch (type) {
            case "lambda" -> lambda(in, a);
            case "proc" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "procName");
                if (!(ImportedCommand.realOf(in.command(a[2].toString())) instanceof Proc p)) {
                    throw TclException.error("\"" + a[2] + "\" isn't a procedure", "TCL", "LOOKUP", "PROC", a[2].toString());
                }
                yield new Target(p.body(), p.params(), p.namespace() == null ? "::" : p.namespace().fullName(), p);
            }
            case "script" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "script");
                yield new Target(a[2], null, in.currentNamespace().fullName(), null);
            }
            case "constructor", "destructor" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "className");
                yield method(in, type, a);
            }
            default -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, (type.equals("method") ? "className" : "objectName") + " methodName");
                yield method(in, type, a);
            }
        };
        Script parsed = in.script(t.script());
        return asDict ? asDict(t, parsed) : describe(t, parsed);
    }

    private static Target method(Interp in, String type, Value[] a) throws TclException {
        OoCommands.MethodBody m = OoCommands.methodBody(in, type, a);
        return new Target(m.body(), m.proc().params(), m.namespace(), m.proc());
    }

    private static Target lambda(Interp in, Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 2, "lambdaTerm");
        List<Value> parts;
        try {
            parts = a[2].asList();
        } catch (TclException e) {
            parts = List.of();
        }
        if (parts.size() < 2 || parts.size() > 3) {
            throw TclException.error("can't interpret \"" + a[2] + "\" as a lambda expression", "TCL", "VALUE", "LAMBDA");
        }
        String ns = "::";
        if (parts.size() == 3) {
            ns = parts.get(2).toString();
            if (!Namespace.absolute(ns)) ns = "::" + ns;
            Namespace found = in.findNamespace(ns);
            if (found == null) throw TclException.error("namespace \"" + ns + "\" not found", "TCL", "LOOKUP", "NAMESPACE", ns);
            ns = found.fullName();
        }
        Proc p = Proc.lambda(in, a[2], parts.get(0), parts.get(1), null);
        return new Target(parts.get(1), p.params(), ns, p);
    }

    /** The readable description: the source, then each command with its words. */
    private static Value describe(Target t, Script s) {
        StringBuilder sb = new StringBuilder("jexpect has no bytecode: it interprets this parsed script\n");
        sb.append("  Source ").append(quote(t.script().toString())).append('\n');
        sb.append("  Namespace ").append(t.namespace()).append('\n');
        if (t.params() != null) {
            sb.append("  Arguments");
            for (Proc.Param p : t.params()) {
                sb.append(' ').append(p.name());
                if (p.defaultValue() != null) sb.append('=').append(quote(p.defaultValue().toString()));
            }
            sb.append('\n');
        }
        sb.append("  Commands ").append(s.commands().size()).append(":\n");
        int n = 0;
        for (Command c : s.commands()) {
            sb.append("    Command ").append(++n).append(", line ").append(c.line()).append(": ").append(quote(c.text())).append('\n');
            int w = 0;
            for (Word word : c.words()) {
                sb.append("      word ").append(++w).append(": ");
                if (word.expand()) sb.append("expanded ");
                if (word instanceof Word.Literal lit) sb.append("literal ").append(quote(lit.text()));
                else sb.append("substituted");
                sb.append('\n');
            }
        }
        if (s.error() != null) sb.append("  Syntax error: ").append(s.error().message()).append('\n');
        return Value.of(sb.toString());
    }

    private static String quote(String text) {
        String one = text.replace("\n", "\\n");
        return "\"" + (one.length() > 60 ? one.substring(0, 60) + "..." : one) + "\"";
    }

    /**
     * getbytecode's dictionary, with Tcl's keys. literals: the literal words; variables: the
     * formal arguments as Tcl lists them; commands: each command's place in the script; what only
     * bytecode has (instructions, exception ranges, auxiliary data) is empty and the depths 0;
     * initiallinenumber and sourcefile say where a body was written in a file.
     */
    private static Value asDict(Target t, Script s) {
        LinkedHashSet<String> literals = new LinkedHashSet<>();
        List<Value> commands = new ArrayList<>();
        String source = t.script().toString();
        int at = 0;
        for (Command c : s.commands()) {
            for (Word w : c.words()) if (w instanceof Word.Literal lit) literals.add(lit.text());
            int from = source.indexOf(c.text(), at);
            if (from < 0) from = at;
            at = from + c.text().length();
            commands.add(dict(Map.of("scriptfrom", Value.of(from), "scriptto", Value.of(at - 1), "script", Value.of(c.text())),
                    "scriptfrom", "scriptto", "script"));
        }
        List<Value> variables = new ArrayList<>();
        if (t.params() != null) {
            for (Proc.Param p : t.params()) variables.add(Value.ofList(List.of(Value.ofStrings(List.of("scalar", "arg")), Value.of(p.name()))));
        }
        Map<String, Value> d = new LinkedHashMap<>();
        d.put("literals", Value.ofStrings(new ArrayList<>(literals)));
        d.put("variables", Value.ofList(variables));
        d.put("exception", Value.EMPTY);
        d.put("instructions", Value.EMPTY);
        d.put("auxiliary", Value.EMPTY);
        d.put("commands", Value.ofList(commands));
        d.put("script", t.script());
        d.put("namespace", Value.of(t.namespace()));
        d.put("stackdepth", Value.ZERO);
        d.put("exceptdepth", Value.ZERO);
        // Where the body was written, when it lies in a sourced file (TIP 280).
        String file = t.proc() == null ? null : t.proc().sourceFile();
        if (file != null) {
            d.put("initiallinenumber", Value.of(t.proc().sourceLine()));
            d.put("sourcefile", Value.of(file));
        }
        return dict(d, d.keySet().toArray(new String[0]));
    }

    private static Value dict(Map<String, Value> entries, String... order) {
        List<Value> out = new ArrayList<>();
        for (String k : order) {
            out.add(Value.of(k));
            out.add(entries.get(k));
        }
        return Value.ofList(out);
    }

    /**
     * What a value holds: its internal form and whether its text exists yet. A JVM object has no
     * reference count, so, unlike Tcl's, the answer names none.
     */
    private static Value representation(Interp in, Value[] a) throws TclException {
        if (a.length != 2) throw TclException.wrongArgs(a, 1, "value");
        Value v = a[1];
        StringBuilder sb = new StringBuilder("value is a ").append(v.internalType())
                .append(" (a JVM object: no refcount), object identity 0x").append(Integer.toHexString(System.identityHashCode(v)));
        if (!v.internalType().equals("pure string")) sb.append(", internal representation ").append(v.internalType());
        if (v.hasStringRep()) {
            String text = v.toString();
            sb.append(", string representation \"").append(text.length() > 16 ? text.substring(0, 13) + "..." : text).append('"');
        } else {
            sb.append(", no string representation");
        }
        return Value.of(sb.toString());
    }
}
