/**
 * The engine: spawned programs, their output buffers and Expect's matching rules, as a plain Java
 * library that knows nothing about Tcl.
 *
 * <ul>
 *   <li>{@link io.jexpect.engine.Engine} starts {@link io.jexpect.engine.Session}s (a program on a
 *       real pseudo-terminal, on pipes, or given streams such as stdin/stdout), holds the defaults
 *       for new sessions (match_max, remove_nulls) and ends every remaining process group on
 *       {@code shutdownAll()} or from a JVM shutdown hook.</li>
 *   <li>One poller thread per engine only drains and decodes every session's output (UTF-8 by
 *       default, split characters kept whole, bad bytes to U+FFFD) into its
 *       {@link io.jexpect.engine.MatchBuffer}; {@code send} writes on the caller's thread, with a
 *       timeout when the program stops reading.</li>
 *   <li>{@link io.jexpect.engine.Expecter} waits on one or many sessions for a list of
 *       {@link io.jexpect.engine.Case}s ({@link io.jexpect.engine.Pattern}: glob, exact, Tcl regex,
 *       null, eof, timeout, default, full_buffer) and returns an
 *       {@link io.jexpect.engine.ExpectResult}: first case in list order wins, the buffer is
 *       consumed up to the match, eof at once when a program is gone, timeout on a monotonic
 *       deadline.</li>
 *   <li>{@code close()} hangs up, then escalates to SIGTERM and SIGKILL in the background;
 *       {@code waitFor()} reaps and gives an {@link io.jexpect.engine.ExitStatus} with Tcl's signal
 *       names and messages.</li>
 * </ul>
 * See {@code docs/engine.md}.
 */
package io.jexpect.engine;
