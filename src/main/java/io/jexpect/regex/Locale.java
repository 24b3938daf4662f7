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
        case "alnum" -> set = CharSet.ofRuns(LETTERS, DIGITS);
        case "alpha" -> set = CharSet.ofRuns(LETTERS);
        case "ascii" -> set.add(0, 0x7f);
        case "blank" -> set.add('\t').add(' ');
        case "cntrl" -> set.addBmp(c -> isType(c, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE));
        case "digit" -> set = CharSet.ofRuns(DIGITS);
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

    /**
     * The BMP's letters ({@link Character#isLetter}) and decimal digits (type DECIMAL_DIGIT_NUMBER)
     * of Java 25's Unicode 16.0, as runs of two characters each (first, last): scanning the BMP for
     * them cost a script's first \w or \d ~15-20 ms of bytecode interpretation. LocaleTest checks
     * them against Character.
     */
    static final String LETTERS =
        "\u0041\u005a\u0061\u007a\u00aa\u00aa\u00b5\u00b5\u00ba\u00ba\u00c0\u00d6\u00d8\u00f6\u00f8\u02c1" +
        "\u02c6\u02d1\u02e0\u02e4\u02ec\u02ec\u02ee\u02ee\u0370\u0374\u0376\u0377\u037a\u037d\u037f\u037f" +
        "\u0386\u0386\u0388\u038a\u038c\u038c\u038e\u03a1\u03a3\u03f5\u03f7\u0481\u048a\u052f\u0531\u0556" +
        "\u0559\u0559\u0560\u0588\u05d0\u05ea\u05ef\u05f2\u0620\u064a\u066e\u066f\u0671\u06d3\u06d5\u06d5" +
        "\u06e5\u06e6\u06ee\u06ef\u06fa\u06fc\u06ff\u06ff\u0710\u0710\u0712\u072f\u074d\u07a5\u07b1\u07b1" +
        "\u07ca\u07ea\u07f4\u07f5\u07fa\u07fa\u0800\u0815\u081a\u081a\u0824\u0824\u0828\u0828\u0840\u0858" +
        "\u0860\u086a\u0870\u0887\u0889\u088e\u08a0\u08c9\u0904\u0939\u093d\u093d\u0950\u0950\u0958\u0961" +
        "\u0971\u0980\u0985\u098c\u098f\u0990\u0993\u09a8\u09aa\u09b0\u09b2\u09b2\u09b6\u09b9\u09bd\u09bd" +
        "\u09ce\u09ce\u09dc\u09dd\u09df\u09e1\u09f0\u09f1\u09fc\u09fc\u0a05\u0a0a\u0a0f\u0a10\u0a13\u0a28" +
        "\u0a2a\u0a30\u0a32\u0a33\u0a35\u0a36\u0a38\u0a39\u0a59\u0a5c\u0a5e\u0a5e\u0a72\u0a74\u0a85\u0a8d" +
        "\u0a8f\u0a91\u0a93\u0aa8\u0aaa\u0ab0\u0ab2\u0ab3\u0ab5\u0ab9\u0abd\u0abd\u0ad0\u0ad0\u0ae0\u0ae1" +
        "\u0af9\u0af9\u0b05\u0b0c\u0b0f\u0b10\u0b13\u0b28\u0b2a\u0b30\u0b32\u0b33\u0b35\u0b39\u0b3d\u0b3d" +
        "\u0b5c\u0b5d\u0b5f\u0b61\u0b71\u0b71\u0b83\u0b83\u0b85\u0b8a\u0b8e\u0b90\u0b92\u0b95\u0b99\u0b9a" +
        "\u0b9c\u0b9c\u0b9e\u0b9f\u0ba3\u0ba4\u0ba8\u0baa\u0bae\u0bb9\u0bd0\u0bd0\u0c05\u0c0c\u0c0e\u0c10" +
        "\u0c12\u0c28\u0c2a\u0c39\u0c3d\u0c3d\u0c58\u0c5a\u0c5d\u0c5d\u0c60\u0c61\u0c80\u0c80\u0c85\u0c8c" +
        "\u0c8e\u0c90\u0c92\u0ca8\u0caa\u0cb3\u0cb5\u0cb9\u0cbd\u0cbd\u0cdd\u0cde\u0ce0\u0ce1\u0cf1\u0cf2" +
        "\u0d04\u0d0c\u0d0e\u0d10\u0d12\u0d3a\u0d3d\u0d3d\u0d4e\u0d4e\u0d54\u0d56\u0d5f\u0d61\u0d7a\u0d7f" +
        "\u0d85\u0d96\u0d9a\u0db1\u0db3\u0dbb\u0dbd\u0dbd\u0dc0\u0dc6\u0e01\u0e30\u0e32\u0e33\u0e40\u0e46" +
        "\u0e81\u0e82\u0e84\u0e84\u0e86\u0e8a\u0e8c\u0ea3\u0ea5\u0ea5\u0ea7\u0eb0\u0eb2\u0eb3\u0ebd\u0ebd" +
        "\u0ec0\u0ec4\u0ec6\u0ec6\u0edc\u0edf\u0f00\u0f00\u0f40\u0f47\u0f49\u0f6c\u0f88\u0f8c\u1000\u102a" +
        "\u103f\u103f\u1050\u1055\u105a\u105d\u1061\u1061\u1065\u1066\u106e\u1070\u1075\u1081\u108e\u108e" +
        "\u10a0\u10c5\u10c7\u10c7\u10cd\u10cd\u10d0\u10fa\u10fc\u1248\u124a\u124d\u1250\u1256\u1258\u1258" +
        "\u125a\u125d\u1260\u1288\u128a\u128d\u1290\u12b0\u12b2\u12b5\u12b8\u12be\u12c0\u12c0\u12c2\u12c5" +
        "\u12c8\u12d6\u12d8\u1310\u1312\u1315\u1318\u135a\u1380\u138f\u13a0\u13f5\u13f8\u13fd\u1401\u166c" +
        "\u166f\u167f\u1681\u169a\u16a0\u16ea\u16f1\u16f8\u1700\u1711\u171f\u1731\u1740\u1751\u1760\u176c" +
        "\u176e\u1770\u1780\u17b3\u17d7\u17d7\u17dc\u17dc\u1820\u1878\u1880\u1884\u1887\u18a8\u18aa\u18aa" +
        "\u18b0\u18f5\u1900\u191e\u1950\u196d\u1970\u1974\u1980\u19ab\u19b0\u19c9\u1a00\u1a16\u1a20\u1a54" +
        "\u1aa7\u1aa7\u1b05\u1b33\u1b45\u1b4c\u1b83\u1ba0\u1bae\u1baf\u1bba\u1be5\u1c00\u1c23\u1c4d\u1c4f" +
        "\u1c5a\u1c7d\u1c80\u1c8a\u1c90\u1cba\u1cbd\u1cbf\u1ce9\u1cec\u1cee\u1cf3\u1cf5\u1cf6\u1cfa\u1cfa" +
        "\u1d00\u1dbf\u1e00\u1f15\u1f18\u1f1d\u1f20\u1f45\u1f48\u1f4d\u1f50\u1f57\u1f59\u1f59\u1f5b\u1f5b" +
        "\u1f5d\u1f5d\u1f5f\u1f7d\u1f80\u1fb4\u1fb6\u1fbc\u1fbe\u1fbe\u1fc2\u1fc4\u1fc6\u1fcc\u1fd0\u1fd3" +
        "\u1fd6\u1fdb\u1fe0\u1fec\u1ff2\u1ff4\u1ff6\u1ffc\u2071\u2071\u207f\u207f\u2090\u209c\u2102\u2102" +
        "\u2107\u2107\u210a\u2113\u2115\u2115\u2119\u211d\u2124\u2124\u2126\u2126\u2128\u2128\u212a\u212d" +
        "\u212f\u2139\u213c\u213f\u2145\u2149\u214e\u214e\u2183\u2184\u2c00\u2ce4\u2ceb\u2cee\u2cf2\u2cf3" +
        "\u2d00\u2d25\u2d27\u2d27\u2d2d\u2d2d\u2d30\u2d67\u2d6f\u2d6f\u2d80\u2d96\u2da0\u2da6\u2da8\u2dae" +
        "\u2db0\u2db6\u2db8\u2dbe\u2dc0\u2dc6\u2dc8\u2dce\u2dd0\u2dd6\u2dd8\u2dde\u2e2f\u2e2f\u3005\u3006" +
        "\u3031\u3035\u303b\u303c\u3041\u3096\u309d\u309f\u30a1\u30fa\u30fc\u30ff\u3105\u312f\u3131\u318e" +
        "\u31a0\u31bf\u31f0\u31ff\u3400\u4dbf\u4e00\ua48c\ua4d0\ua4fd\ua500\ua60c\ua610\ua61f\ua62a\ua62b" +
        "\ua640\ua66e\ua67f\ua69d\ua6a0\ua6e5\ua717\ua71f\ua722\ua788\ua78b\ua7cd\ua7d0\ua7d1\ua7d3\ua7d3" +
        "\ua7d5\ua7dc\ua7f2\ua801\ua803\ua805\ua807\ua80a\ua80c\ua822\ua840\ua873\ua882\ua8b3\ua8f2\ua8f7" +
        "\ua8fb\ua8fb\ua8fd\ua8fe\ua90a\ua925\ua930\ua946\ua960\ua97c\ua984\ua9b2\ua9cf\ua9cf\ua9e0\ua9e4" +
        "\ua9e6\ua9ef\ua9fa\ua9fe\uaa00\uaa28\uaa40\uaa42\uaa44\uaa4b\uaa60\uaa76\uaa7a\uaa7a\uaa7e\uaaaf" +
        "\uaab1\uaab1\uaab5\uaab6\uaab9\uaabd\uaac0\uaac0\uaac2\uaac2\uaadb\uaadd\uaae0\uaaea\uaaf2\uaaf4" +
        "\uab01\uab06\uab09\uab0e\uab11\uab16\uab20\uab26\uab28\uab2e\uab30\uab5a\uab5c\uab69\uab70\uabe2" +
        "\uac00\ud7a3\ud7b0\ud7c6\ud7cb\ud7fb\uf900\ufa6d\ufa70\ufad9\ufb00\ufb06\ufb13\ufb17\ufb1d\ufb1d" +
        "\ufb1f\ufb28\ufb2a\ufb36\ufb38\ufb3c\ufb3e\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46\ufbb1\ufbd3\ufd3d" +
        "\ufd50\ufd8f\ufd92\ufdc7\ufdf0\ufdfb\ufe70\ufe74\ufe76\ufefc\uff21\uff3a\uff41\uff5a\uff66\uffbe" +
        "\uffc2\uffc7\uffca\uffcf\uffd2\uffd7\uffda\uffdc";
    static final String DIGITS =
        "\u0030\u0039\u0660\u0669\u06f0\u06f9\u07c0\u07c9\u0966\u096f\u09e6\u09ef\u0a66\u0a6f\u0ae6\u0aef" +
        "\u0b66\u0b6f\u0be6\u0bef\u0c66\u0c6f\u0ce6\u0cef\u0d66\u0d6f\u0de6\u0def\u0e50\u0e59\u0ed0\u0ed9" +
        "\u0f20\u0f29\u1040\u1049\u1090\u1099\u17e0\u17e9\u1810\u1819\u1946\u194f\u19d0\u19d9\u1a80\u1a89" +
        "\u1a90\u1a99\u1b50\u1b59\u1bb0\u1bb9\u1c40\u1c49\u1c50\u1c59\ua620\ua629\ua8d0\ua8d9\ua900\ua909" +
        "\ua9d0\ua9d9\ua9f0\ua9f9\uaa50\uaa59\uabf0\uabf9\uff10\uff19";

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
