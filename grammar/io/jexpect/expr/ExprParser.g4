/*
 * Tcl 8.6 expression syntax: one rule per precedence level, from loosest to tightest binding.
 * Unary operators bind tighter than "**" (so -2**2 is 4), "**" and "?:" associate to the right,
 * the other binary operators to the left, and == != eq ne in ni share one level, as in Tcl's own
 * parser.
 *
 * Every decision is LL(1) (a level is its operands separated by its operators, a function call a
 * bareword followed by "("), so the parser never runs ANTLR's adaptive prediction: a script's
 * first expression does not pay for its ATN simulation, which ran in the bytecode interpreter.
 * Syntax errors are found and worded by ExprChecker before this parser runs.
 */
parser grammar ExprParser;

options { tokenVocab = ExprLexer; }

top         : expr EOF ;

expr        : disjunction ( QUESTION expr COLON expr )? ;
disjunction : conjunction ( OR conjunction )* ;
conjunction : bitOr ( AND bitOr )* ;
bitOr       : bitXor ( BITOR bitXor )* ;
bitXor      : bitAnd ( BITXOR bitAnd )* ;
bitAnd      : equality ( BITAND equality )* ;
equality    : comparison ( ( EQ | NE | STREQ | STRNE | IN | NI ) comparison )* ;
comparison  : shift ( ( LT | GT | LE | GE ) shift )* ;
shift       : sum ( ( SHL | SHR ) sum )* ;
sum         : product ( ( PLUS | MINUS ) product )* ;
product     : power ( ( MUL | DIV | MOD ) power )* ;
power       : unary ( POW power )? ;
unary       : op=( MINUS | PLUS | TILDE | NOT ) unary | primary ;

primary
    : NUMBER                                                # number
    | BAREWORD ( call=LPAREN ( expr ( COMMA expr )* )? RPAREN )?  # word
    | ( VARIABLE | SCRIPT | QUOTED )                        # substituted
    | BRACED                                                # braced
    | LPAREN expr RPAREN                                    # parens
    ;
