/*
 * Tcl's word syntax (the "dodecalogue"), as tokens.
 *
 * Tcl is context sensitive: '{', '"' and '#' mean something only at the start of a word or
 * command, and ']' closes a command substitution only inside one. Two flags track the position
 * (set in emit()), and the mode stack tracks nesting: '[' pushes a fresh command mode that ']'
 * pops, so substitutions nest to any depth inside bare words, quotes and array indices.
 * The lexer never fails: an unterminated construct becomes a MISSING_* token that the AST
 * builder reports in Tcl's words ("missing close-brace").
 */
lexer grammar TclLexer;

tokens { MISSING_QUOTE, MISSING_BRACKET, MISSING_PAREN, MISSING_VAR_BRACE }

@members {
    private boolean atCommandStart = true;
    private boolean atWordStart = true;

    @Override
    public Token emit() {
        Token t = super.emit();
        switch (t.getType()) {
            case CMD_SEP, LBRACKET -> { atCommandStart = true; atWordStart = true; }
            case WS -> { atWordStart = true; }
            case EXPAND -> { atCommandStart = false; atWordStart = true; }
            default -> { atCommandStart = false; atWordStart = false; }
        }
        return t;
    }

    /** At end of input inside a quote, bracket or index, report what is missing, once per level. */
    @Override
    public Token nextToken() {
        if (_input.LA(1) == EOF && !_modeStack.isEmpty()) {
            int missing = switch (_mode) {
                case QUOTE -> MISSING_QUOTE;
                case INDEX -> MISSING_PAREN;
                default -> MISSING_BRACKET;
            };
            popMode();
            Token t = _factory.create(_tokenFactorySourcePair, missing, "", DEFAULT_TOKEN_CHANNEL,
                    _input.index(), _input.index() - 1, getLine(), getCharPositionInLine());
            emit(t);
            atWordStart = false;
            return t;
        }
        return super.nextToken();
    }

    private boolean expansionFollows() {
        int c = _input.LA(1);
        return c != EOF && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';'
                && !(c == ']' && !_modeStack.isEmpty());
    }
}

// ---- command level --------------------------------------------------------------------------

COMMENT      : {atCommandStart}? '#' ( '\\' . | ~[\\\n] )* -> channel(HIDDEN) ;
CMD_SEP      : [\n;] ;
WS           : ( [ \t\r\f\u000B] | '\\' '\r'? '\n' [ \t]* )+ ;
EXPAND       : {atWordStart}? '{*}' {expansionFollows()}? ;
BRACE_WORD   : {atWordStart}? '{' BRACE_BODY* '}' ;
MISSING_BRACE: {atWordStart}? '{' BRACE_BODY* EOF ;
QUOTE_OPEN   : {atWordStart}? '"' -> pushMode(QUOTE) ;
LBRACKET     : '[' -> pushMode(DEFAULT_MODE) ;
RBRACKET     : {!_modeStack.isEmpty()}? ']' -> popMode ;
VAR_SIMPLE   : '$' NAME ;
VAR_BRACED   : '$' '{' ~'}'* '}' ;
VAR_UNBRACED : '$' '{' ~'}'* EOF -> type(MISSING_VAR_BRACE) ;
VAR_INDEX    : '$' NAME? '(' -> pushMode(INDEX) ;
ESCAPE       : BACKSLASH_SEQ ;
TEXT         : ~[ \t\r\f\u000B\n;$[\]\\{}"]+ ;
TEXT_CHAR    : . ;   // '$' without a name, and '{' '"' '}' ']' where they are not special

// ---- inside "..." -----------------------------------------------------------------------------

mode QUOTE;
QUOTE_CLOSE  : '"' -> popMode ;
Q_LBRACKET   : '[' -> type(LBRACKET), pushMode(DEFAULT_MODE) ;
Q_VAR_SIMPLE : '$' NAME -> type(VAR_SIMPLE) ;
Q_VAR_BRACED : '$' '{' ~'}'* '}' -> type(VAR_BRACED) ;
Q_VAR_UNBRACED : '$' '{' ~'}'* EOF -> type(MISSING_VAR_BRACE) ;
Q_VAR_INDEX  : '$' NAME? '(' -> type(VAR_INDEX), pushMode(INDEX) ;
Q_ESCAPE     : BACKSLASH_SEQ -> type(ESCAPE) ;
Q_TEXT       : ~["$[\\]+ -> type(TEXT) ;
Q_TEXT_CHAR  : . -> type(TEXT_CHAR) ;

// ---- inside $name(...) -------------------------------------------------------------------------

mode INDEX;
INDEX_CLOSE  : ')' -> popMode ;
I_LBRACKET   : '[' -> type(LBRACKET), pushMode(DEFAULT_MODE) ;
I_VAR_SIMPLE : '$' NAME -> type(VAR_SIMPLE) ;
I_VAR_BRACED : '$' '{' ~'}'* '}' -> type(VAR_BRACED) ;
I_VAR_UNBRACED : '$' '{' ~'}'* EOF -> type(MISSING_VAR_BRACE) ;
I_VAR_INDEX  : '$' NAME? '(' -> type(VAR_INDEX), pushMode(INDEX) ;
I_ESCAPE     : BACKSLASH_SEQ -> type(ESCAPE) ;
I_TEXT       : ~[)$[\\]+ -> type(TEXT) ;
I_TEXT_CHAR  : . -> type(TEXT_CHAR) ;

// ---- shared pieces ----------------------------------------------------------------------------

fragment NAME       : ( [a-zA-Z0-9_] | '::' ':'* )+ ;
fragment BRACE_BODY : '{' BRACE_BODY* '}' | '\\' . | ~[{}\\] ;
fragment HEX        : [0-9a-fA-F] ;
fragment BACKSLASH_SEQ
    : '\\' '\r'? '\n' [ \t]*
    | '\\' [0-7] [0-7]? [0-7]?
    | '\\x' HEX HEX?
    | '\\u' HEX HEX? HEX? HEX?
    | '\\U' HEX HEX? HEX? HEX? HEX? HEX? HEX? HEX?
    | '\\' .
    | '\\'
    ;
