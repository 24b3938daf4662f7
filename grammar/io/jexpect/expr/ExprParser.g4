/*
 * Tcl 8.6 expression syntax. Alternatives are listed from tightest to loosest binding: unary
 * operators bind tighter than "**" (so -2**2 is 4), "**" and "?:" associate to the right, and
 * == != eq ne in ni share one level, as in Tcl's own parser.
 */
parser grammar ExprParser;

options { tokenVocab = ExprLexer; }

top : expr EOF ;

expr
    : primary                                           # operand
    | op=(MINUS | PLUS | TILDE | NOT) expr              # unary
    | <assoc=right> expr op=POW expr                    # binary
    | expr op=(MUL | DIV | MOD) expr                    # binary
    | expr op=(PLUS | MINUS) expr                       # binary
    | expr op=(SHL | SHR) expr                          # binary
    | expr op=(LT | GT | LE | GE) expr                  # binary
    | expr op=(EQ | NE | STREQ | STRNE | IN | NI) expr  # binary
    | expr op=BITAND expr                               # binary
    | expr op=BITXOR expr                               # binary
    | expr op=BITOR expr                                # binary
    | expr op=AND expr                                  # binary
    | expr op=OR expr                                   # binary
    | <assoc=right> expr QUESTION expr COLON expr       # ternary
    ;

primary
    : NUMBER                                            # number
    | BAREWORD LPAREN ( expr ( COMMA expr )* )? RPAREN  # call
    | BAREWORD                                          # word
    | ( VARIABLE | SCRIPT | QUOTED )                    # substituted
    | BRACED                                            # braced
    | LPAREN expr RPAREN                                # parens
    ;
