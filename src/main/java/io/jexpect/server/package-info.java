/**
 * The resident server: one long-lived, warm JVM that runs the scripts of many {@code jexpect}
 * invocations, each brought by a small C client ({@code src/main/c/jexpect-client.c}) over a
 * per-user Unix socket, so that a script pays neither the JVM's start nor its warm-up. A client
 * sends its standard input, output and error (as descriptors), its directory, arguments,
 * environment and pid, forwards its signals and waits for the exit status; each script runs in an
 * interpreter of its own, as a plain run would. See README.md, "Resident mode".
 */
package io.jexpect.server;
