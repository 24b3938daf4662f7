/*
* Copyright 2014 Basis Technology Corp.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

package io.jexpect.regex;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code from locale (regc_locale.c). jexpect: character classes follow Tcl 8.6's tables (the Basic
 * Multilingual Plane, by Unicode category, with Tcl's own choice of spaces) and case counterparts
 * are Character's simple case mappings, where the port used ICU's sets; names are only those of the
 * table below, as in Tcl.
 */
final class Locale {

/* ASCII character-name table */

    static final Map<String, Character> CNAME;

    //CHECKSTYLE:OFF
    static {
        CNAME = new HashMap<>();

        CNAME.put("NUL", '\0');
        CNAME.put("SOH", '\001');
        CNAME.put("STX", '\002');
        CNAME.put("ETX", '\003');
        CNAME.put("EOT", '\004');
        CNAME.put("ENQ", '\005');
        CNAME.put("ACK", '\006');
        CNAME.put("BEL", '\007');
        CNAME.put("alert", '\007');
        CNAME.put("BS", '\010');
        CNAME.put("backspace", '\b');
        CNAME.put("HT", '\011');
        CNAME.put("tab", '\t');
        CNAME.put("LF", '\012');
        CNAME.put("newline", '\n');
        CNAME.put("VT", '\013');
        CNAME.put("vertical-tab", '\u000b');
        CNAME.put("FF", '\014');
        CNAME.put("form-feed", '\f');
        CNAME.put("CR", '\015');
        CNAME.put("carriage-return", '\r');
        CNAME.put("SO", '\016');
        CNAME.put("SI", '\017');
        CNAME.put("DLE", '\020');
        CNAME.put("DC1", '\021');
        CNAME.put("DC2", '\022');
        CNAME.put("DC3", '\023');
        CNAME.put("DC4", '\024');
        CNAME.put("NAK", '\025');
        CNAME.put("SYN", '\026');
        CNAME.put("ETB", '\027');
        CNAME.put("CAN", '\030');
        CNAME.put("EM", '\031');
        CNAME.put("SUB", '\032');
        CNAME.put("ESC", '\033');
        CNAME.put("IS4", '\034');
        CNAME.put("FS", '\034');
        CNAME.put("IS3", '\035');
        CNAME.put("GS", '\035');
        CNAME.put("IS2", '\036');
        CNAME.put("RS", '\036');
        CNAME.put("IS1", '\037');
        CNAME.put("US", '\037');
        CNAME.put("space", ' ');
        CNAME.put("exclamation-mark", '!');
        CNAME.put("quotation-mark", '"');
        CNAME.put("number-sign", '#');
        CNAME.put("dollar-sign", '$');
        CNAME.put("percent-sign", '%');
        CNAME.put("ampersand", '&');
        CNAME.put("apostrophe", '\'');
        CNAME.put("left-parenthesis", '(');
        CNAME.put("right-parenthesis", ')');
        CNAME.put("asterisk", '*');
        CNAME.put("plus-sign", '+');
        CNAME.put("comma", ',');
        CNAME.put("hyphen", '-');
        CNAME.put("hyphen-minus", '-');
        CNAME.put("period", '.');
        CNAME.put("full-stop", '.');
        CNAME.put("slash", '/');
        CNAME.put("solidus", '/');
        CNAME.put("zero", '0');
        CNAME.put("one", '1');
        CNAME.put("two", '2');
        CNAME.put("three", '3');
        CNAME.put("four", '4');
        CNAME.put("five", '5');
        CNAME.put("six", '6');
        CNAME.put("seven", '7');
        CNAME.put("eight", '8');
        CNAME.put("nine", '9');
        CNAME.put("colon", ':');
        CNAME.put("semicolon", ';');
        CNAME.put("less-than-sign", '<');
        CNAME.put("equals-sign", '=');
        CNAME.put("greater-than-sign", '>');
        CNAME.put("question-mark", '?');
        CNAME.put("commercial-at", '@');
        CNAME.put("left-square-bracket", '[');
        CNAME.put("backslash", '\\');
        CNAME.put("reverse-solidus", '\\');
        CNAME.put("right-square-bracket", ']');
        CNAME.put("circumflex", '^');
        CNAME.put("circumflex-accent", '^');
        CNAME.put("underscore", '_');
        CNAME.put("low-line", '_');
        CNAME.put("grave-accent", '`');
        CNAME.put("left-brace", '{');
        CNAME.put("left-curly-bracket", '{');
        CNAME.put("vertical-line", '|');
        CNAME.put("right-brace", '}');
        CNAME.put("right-curly-bracket", '}');
        CNAME.put("tilde", '~');
        CNAME.put("DEL", '\177');
    }
    //CHECKSTYLE:ON


    private Locale() {
        //
    }


    /** A collating element: one character, or the name of one; -1 for an unknown name. */
    static int element(String what) {
        if (what.length() == 1) {
            return what.charAt(0);
        }
        Character c = CNAME.get(what);
        return c == null ? -1 : c;
    }

    /**
     * eclass - Because we have no MCCE support, this
     * just processing single characters.
     */
    static CharSet eclass(char c, boolean cases) {
        return cases ? allcases(c) : new CharSet().add(c);
    }

    /**
     * allcases - supply cvec for all case counterparts of a chr (including itself)
     */
    static CharSet allcases(int c) {
        return new CharSet().add(c).withCases();
    }

    /** Tcl 8.6's spaces (the first run is the one [:print:] leaves out). */
    private static final int[][] SPACES = {{0x09, 0x0d}, {0x20, 0x20}, {0x85, 0x85}, {0xa0, 0xa0}, {0x1680, 0x1680},
        {0x180e, 0x180e}, {0x2000, 0x200b}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x2060}, {0x3000, 0x3000},
        {0xfeff, 0xfeff}};

    /**
     * The characters of a class, as Tcl's cclass() gives them: under REG_ICASE lower and upper
     * become alnum, and no class is closed over case.
     *
     * @param cclassName class name
     * @param casefold whether the match ignores case
     * @return set
     */
    static CharSet cclass(String cclassName, boolean casefold) throws RegexException {
        if (casefold && (cclassName.equals("lower") || cclassName.equals("upper"))) {
            cclassName = "alnum";
        }
        CharSet known = CLASSES.get(cclassName);
        if (known == null) {
            known = computeClass(cclassName);
            known.forEachRange((from, to) -> { });  /* its runs, computed before it is shared */
            CLASSES.put(cclassName, known);
        }
        return known;
    }

    /**
     * jexpect: the classes computed so far (scanning the BMP for each \w was most of a compile's
     * time), shared: the caller only reads them.
     */
    private static final Map<String, CharSet> CLASSES = new ConcurrentHashMap<>();

    private static CharSet computeClass(String cclassName) throws RegexException {
        CharSet set = new CharSet();
        switch (cclassName) {
        case "alnum" -> set.addBmp(c -> Character.isLetter(c) || isDigit(c));
        case "alpha" -> set.addBmp(Character::isLetter);
        case "ascii" -> set.add(0, 0x7f);
        case "blank" -> set.add('\t').add(' ');
        case "cntrl" -> set.addBmp(c -> isType(c, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE));
        case "digit" -> set.addBmp(Locale::isDigit);
        case "graph" -> set.addBmp(Locale::isGraph);
        case "lower" -> set.addBmp(c -> Character.getType(c) == Character.LOWERCASE_LETTER);
        case "print" -> {
            set.addBmp(Locale::isGraph);
            for (int k = 1; k < SPACES.length; k++) {
                set.add(SPACES[k][0], SPACES[k][1]);
            }
        }
        case "punct" -> set.addBmp(c -> isType(c, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION));
        case "space" -> {
            for (int[] run : SPACES) {
                set.add(run[0], run[1]);
            }
        }
        case "upper" -> set.addBmp(c -> Character.getType(c) == Character.UPPERCASE_LETTER);
        case "xdigit" -> set.add('0', '9').add('a', 'f').add('A', 'F');
        default -> throw new RegexException("REG_ECTYPE");
        }
        return set;
    }

    private static boolean isDigit(int c) {
        return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Neither a control, format, private-use, surrogate or unassigned character nor a separator. */
    private static boolean isGraph(int c) {
        return !isType(c, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                Character.PARAGRAPH_SEPARATOR);
    }

    private static boolean isType(int c, int... types) {
        int t = Character.getType(c);
        for (int type : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }
}
