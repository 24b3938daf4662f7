package io.jexpect.commands;

import io.jexpect.interp.TclException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Maps Java I/O failures to Tcl's POSIX error messages and errorCode {@code POSIX ENAME msg}. */
record PosixError(String name, String message, String codeMessage) {
    PosixError(String name, String message) {
        this(name, message, message);
    }

    static final PosixError ENOENT = new PosixError("ENOENT", "no such file or directory");
    static final PosixError EEXIST = new PosixError("EEXIST", "file already exists");
    static final PosixError EACCES = new PosixError("EACCES", "permission denied");
    static final PosixError ENOTDIR = new PosixError("ENOTDIR", "not a directory");
    static final PosixError EISDIR = new PosixError("EISDIR", "illegal operation on a directory");
    static final PosixError EINVAL = new PosixError("EINVAL", "invalid argument");
    static final PosixError EIO = new PosixError("EIO", "input/output error");

    static PosixError of(IOException e) {
        if (e instanceof NoSuchFileException) return ENOENT;
        if (e instanceof FileAlreadyExistsException) return EEXIST;
        // Tcl reports a non-empty directory with EEXIST's code but its own words.
        if (e instanceof DirectoryNotEmptyException) return new PosixError("EEXIST", "directory not empty", "file already exists");
        if (e instanceof AccessDeniedException) return EACCES;
        if (e instanceof NotDirectoryException) return ENOTDIR;
        String m = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (m == null) m = e.getMessage();
        if (m == null) return EIO;
        String lower = m.toLowerCase();
        if (lower.contains("no such file")) return ENOENT;
        if (lower.contains("is a directory")) return EISDIR;
        if (lower.contains("not a directory")) return ENOTDIR;
        if (lower.contains("permission denied")) return EACCES;
        if (lower.contains("file exists")) return EEXIST;
        if (lower.contains("directory not empty")) return new PosixError("EEXIST", "directory not empty", "file already exists");
        if (lower.contains("operation not permitted")) return new PosixError("EPERM", "not owner");
        if (lower.contains("file name too long")) return new PosixError("ENAMETOOLONG", "file name too long");
        if (lower.contains("too many levels of symbolic links")) return new PosixError("ELOOP", "too many levels of symbolic links");
        if (lower.contains("invalid argument")) return EINVAL;
        return new PosixError("EIO", lower);
    }

    /** An error whose message is {@code prefix: message}. */
    TclException error(String prefix) {
        return TclException.error(prefix + ": " + message, "POSIX", name, codeMessage);
    }
}
