package io.jexpect.engine;

/**
 * How the end of a line is read from a program: as it is (LF), carriage returns as newlines (CR),
 * CR LF pairs as one newline (CRLF), or any of the three (AUTO).
 */
public enum LineEnding {
    LF, CR, CRLF, AUTO
}
