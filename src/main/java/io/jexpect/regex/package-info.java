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


/**
 * Tcl's advanced regular expressions (Henry Spencer's engine), jexpect's own copy: taken from
 * Basis Technology's tcl-regex 0.14.1 (com.basistech.tclre, Apache License 2.0) and modified for
 * jexpect — no Guava, ICU4J, fastutil or SLF4J (JDK code in their place; character classes and
 * case folding as Tcl 8.6 has them), no command-line grep, no serialization. The compiler and the
 * matcher (Runtime, Dfa) follow Tcl 8.6.13's C sources (regcomp.c, regc_*.c, regexec.c,
 * rege_dfa.c) function by function; TclDifferentialTest holds the engine to tclsh's answers.
 * Files carry the original licence header; changes are marked "jexpect:" where they depart from
 * the C engine's logic. Internal: the module does not export it.
 *
 * <p>From the original description: this is a 100% Java version of the regular expression library from TCL,
 * in turn derived from the "Henry Spencer" HSRE package. The public API
 * to this package is designed to be close to the API of
 * the standard Java regular library in java.util.regex. However:
 * <ul>
 * <li>The pattern language is not the same as the Java.</li>
 * <li>The pattern compilation flags are different; see {@link io.jexpect.regex.PatternFlags}</li>
 * <li>Matcher creation accepts {@link io.jexpect.regex.ExecFlags} which change the runtime behavior.</li>
 * <li>Not all of the options to {@link java.util.regex.Matcher} are provided; note especially the
 * lack of 'transparent bounds'.</li>
 * </ul>
 * The point of entry into the API is {@link io.jexpect.regex.HsrePattern#compile(String, PatternFlags...)}.
 * This returns an object that implements {@link io.jexpect.regex.RePattern}, which will in turn
 * create objects that implement {@link io.jexpect.regex.ReMatcher}.
 */
package io.jexpect.regex;
