/*
 * Tcl scripts: commands of words of parts. Braced bodies stay text here; they are parsed again
 * (and cached) when a command such as if, while or proc evaluates them, exactly as Tcl does.
 *
 * Every decision is LL(1) (the lexer makes WS tokens maximal, and a word ends only where WS, a
 * separator or the end follows), so the parser never runs ANTLR's adaptive prediction: a script's
 * first parse does not pay for its ATN simulation, which ran in the bytecode interpreter at start.
 * A command keeps the blanks after its last word, as Tcl's command text does.
 */
parser grammar TclParser;

options { tokenVocab = TclLexer; }

script      : commandList EOF ;
commandList : WS? command? ( CMD_SEP WS? command? )* ;
command     : word ( WS word? )* ;
word        : EXPAND? ( braced | quoted | bare ) ;
braced      : ( BRACE_WORD | MISSING_BRACE ) trailing+=part* ;
quoted      : QUOTE_OPEN part* ( QUOTE_CLOSE | MISSING_QUOTE ) trailing+=part* ;
bare        : part+ ;
part        : TEXT | TEXT_CHAR | ESCAPE | variable | substitution ;
variable    : VAR_SIMPLE | VAR_BRACED | MISSING_VAR_BRACE | VAR_INDEX part* ( INDEX_CLOSE | MISSING_PAREN ) ;
substitution: LBRACKET commandList ( RBRACKET | MISSING_BRACKET ) ;
