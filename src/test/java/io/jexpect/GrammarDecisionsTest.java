package io.jexpect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.expr.ExprParser;
import io.jexpect.script.TclParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.LL1Analyzer;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.junit.jupiter.api.Test;

/**
 * Both parsers decide every branch on one token: a decision that is not LL(1) makes the generated
 * parser run ANTLR's adaptive prediction, whose ATN simulation a script pays for at its first parse
 * (it runs in the bytecode interpreter then). This is the analysis the ANTLR tool makes to choose.
 */
class GrammarDecisionsTest {
    @Test
    void theScriptGrammarIsLl1() {
        assertThat(notLl1(TclParser._ATN, TclParser.ruleNames)).isEmpty();
    }

    @Test
    void theExpressionGrammarIsLl1() {
        assertThat(notLl1(ExprParser._ATN, ExprParser.ruleNames)).isEmpty();
    }

    /** The rules of the decisions whose alternatives' first tokens overlap (or depend on a predicate). */
    private static List<String> notLl1(ATN atn, String[] ruleNames) {
        List<String> rules = new ArrayList<>();
        LL1Analyzer analyzer = new LL1Analyzer(atn);
        for (DecisionState s : atn.decisionToState) {
            IntervalSet seen = new IntervalSet();
            for (IntervalSet look : analyzer.getDecisionLookahead(s)) {
                if (look == null || !look.and(seen).isNil()) {
                    rules.add(ruleNames[s.ruleIndex] + " (decision " + s.decision + ")");
                    break;
                }
                seen.addAll(look);
            }
        }
        return rules;
    }
}
