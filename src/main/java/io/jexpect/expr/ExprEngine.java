package io.jexpect.expr;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates Tcl expressions. Each distinct text is parsed once per interpreter and the tree is
 * kept, so a loop condition evaluated a million times is parsed once.
 */
public final class ExprEngine {
    private static final int CACHE_LIMIT = 8192;

    private final Map<String, ExprNode> cache = new HashMap<>();

    private ExprEngine() {}

    private static ExprEngine of(Interp in) {
        return in.extension(ExprEngine.class, ExprEngine::new);
    }

    /** The parsed expression, kept in the value as Tcl keeps its bytecode, and cached by its text. */
    private static ExprNode compile(Interp in, Value expr) {
        if (expr.code() instanceof ExprNode node) return node;
        ExprEngine engine = of(in);
        String text = expr.toString();
        ExprNode node = engine.cache.get(text);
        if (node == null) {
            if (engine.cache.size() >= CACHE_LIMIT) engine.cache.clear();
            node = ExprBuilder.build(text, in.parser());
            engine.cache.put(text, node);
        }
        expr.keepCode(node);
        return node;
    }

    /** The value of an expression. */
    public static Value evaluate(Interp in, Value expr) throws TclException {
        try {
            return compile(in, expr).eval(in);
        } catch (TclException e) {
            throw asCompiled(in, expr, e);
        }
    }

    /** The value of an expression as a condition (if, while, for). */
    public static boolean test(Interp in, Value expr) throws TclException {
        try {
            return compile(in, expr).test(in);
        } catch (TclException e) {
            throw asCompiled(in, expr, e);
        }
    }

    /**
     * Tcl folds the constant parts of an expression it compiles (a literal word in compiled code),
     * and an error found there starts the errorInfo with its message, so the first trace line is
     * "invoked from within"; expressions built at run time are not folded.
     */
    private static TclException asCompiled(Interp in, Value expr, TclException e) {
        if (e.takeRaisedWhileFolding() && e.isError() && in.compilesInline(expr)) e.setErrorInfo(String.valueOf(e.result()));
        return e;
    }
}
