/*
 * Tcl 8.6 expression lexemes. Operands that need substitution ($var, [script], "quoted") are
 * captured whole, with their nesting, and handed to the Tcl word parser; braced strings are
 * literal. The lexer never fails: malformed input becomes INVALID, INCOMPLETE or MISSING_*
 * tokens, reported in Tcl's words by the expression checker.
 */
lexer grammar ExprLexer;

WS          : [ \t\r\n\f\u000B]+ -> skip ;

// Operators (before BAREWORD so "eq" is an operator but "eqx" a bareword: longest match wins).
POW         : '**' ;
MUL         : '*' ;
DIV         : '/' ;
MOD         : '%' ;
PLUS        : '+' ;
MINUS       : '-' ;
SHL         : '<<' ;
SHR         : '>>' ;
LE          : '<=' ;
GE          : '>=' ;
LT          : '<' ;
GT          : '>' ;
EQ          : '==' ;
NE          : '!=' ;
STREQ       : 'eq' ;
STRNE       : 'ne' ;
IN          : 'in' ;
NI          : 'ni' ;
AND         : '&&' ;
OR          : '||' ;
BITAND      : '&' ;
BITXOR      : '^' ;
BITOR       : '|' ;
NOT         : '!' ;
TILDE       : '~' ;
QUESTION    : '?' ;
COLON       : ':' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
COMMA       : ',' ;
INCOMPLETE  : '=' ;

// Numbers; a digit string Tcl rejects (08) is still a NUMBER here and is reported as a bareword.
NUMBER
    : '0' [xX] [0-9a-fA-F]+
    | '0' [oO] [0-7]+
    | '0' [bB] [01]+
    | DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT?
    ;

// Function names, boolean words, Inf and NaN.
BAREWORD    : [a-zA-Z0-9_]+ ( '::' [a-zA-Z0-9_]+ )* ;

VARIABLE
    : '$' NAME
    | '$' '{' ~'}'* '}'
    | INDEXED
    ;
MISSING_PAREN   : '$' NAME? '(' INDEX_BODY* EOF ;
MISSING_VARBRACE: '$' '{' ~'}'* EOF ;

SCRIPT          : '[' SCRIPT_BODY* ']' ;
MISSING_BRACKET : '[' SCRIPT_BODY* EOF ;

QUOTED          : '"' QUOTE_BODY* '"' ;
MISSING_QUOTE   : '"' QUOTE_BODY* EOF ;

BRACED          : '{' BRACE_BODY* '}' ;
MISSING_BRACE   : '{' BRACE_BODY* EOF ;

INVALID     : . ;

fragment DIGITS      : [0-9]+ ;
fragment EXPONENT    : [eE] [+-]? DIGITS ;
fragment NAME        : ( [a-zA-Z0-9_] | '::' ':'* )+ ;
fragment ESCAPE      : '\\' . | '\\' EOF ;
fragment BRACE_BODY  : '{' BRACE_BODY* '}' | ESCAPE | ~[{}\\] ;
fragment NESTED      : '[' SCRIPT_BODY* ']' ;
fragment SCRIPT_BODY : NESTED | '{' BRACE_BODY* '}' | '"' QUOTE_BODY* '"' | ESCAPE | ~[[\]{}"\\] ;
fragment INDEXED     : '$' NAME? '(' INDEX_BODY* ')' ;   // "$(i)" names an element of the array ""
fragment QUOTE_BODY  : NESTED | INDEXED | ESCAPE | ~["\\[] ;
fragment INDEX_BODY  : NESTED | INDEXED | ESCAPE | ~[)\\[] ;
