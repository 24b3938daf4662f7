package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** File system commands: file, glob, pwd, cd. Relative names resolve against {@link WorkingDirectory}. */
final class FileCommands {
    private FileCommands() {}

    private static final String[] SUBCOMMANDS = {"atime", "attributes", "channels", "copy", "delete", "dirname",
        "executable", "exists", "extension", "isdirectory", "isfile", "join", "link", "lstat", "mkdir", "mtime",
        "nativename", "normalize", "owned", "pathtype", "readable", "readlink", "rename", "rootname", "separator",
        "size", "split", "stat", "system", "tail", "tempfile", "type", "volumes", "writable"};

    static void install(Interp in) {
        in.register("file", FileCommands::file);
        in.register("glob", GlobCommand::glob);
        in.register("pwd", (i, a) -> {
            if (a.length != 1) throw TclException.wrongArgs(a, 1, "");
            return Value.of(WorkingDirectory.of(i).toString());
        });
        in.register("cd", FileCommands::cd);
    }

    private static Value cd(Interp in, Value[] a) throws TclException {
        if (a.length > 2) throw TclException.wrongArgs(a, 1, "?dirName?");
        String name = a.length == 2 ? a[1].toString() : "~";
        if (name.indexOf('\0') >= 0) {
            throw PosixError.EINVAL.error("couldn't change working directory to \"" + name + "\"");
        }
        if (name.isEmpty()) throw PosixError.ENOENT.error("couldn't change working directory to \"\"");
        Path p = WorkingDirectory.resolve(in, name);
        if (!Files.exists(p)) throw PosixError.ENOENT.error("couldn't change working directory to \"" + name + "\"");
        if (!Files.isDirectory(p)) throw PosixError.ENOTDIR.error("couldn't change working directory to \"" + name + "\"");
        WorkingDirectory.set(in, p);
        return Value.EMPTY;
    }

    private static void arity(Value[] a, int min, int max, String usage) throws TclException {
        if (a.length < min || (max >= 0 && a.length > max)) throw TclException.wrongArgs(a, 2, usage);
    }

    private static Value file(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        try {
            return file(in, sub, a);
        } catch (InvalidPathException e) {
            // A name holding a NUL, which no system call can be given: Tcl's call fails with EINVAL.
            String name = a.length > 2 ? a[2].toString() : "";
            throw PosixError.EINVAL.error(switch (sub) {
                case "mkdir" -> "can't create directory \"" + name + "\"";
                case "delete" -> "error deleting \"" + name + "\"";
                case "readlink" -> "could not read link \"" + name + "\"";
                case "copy", "rename" -> "error " + (sub.equals("copy") ? "copying" : "renaming") + " \"" + a[a.length - 2]
                        + "\" to \"" + a[a.length - 1] + "\"";
                default -> "could not read \"" + name + "\"";
            });
        }
    }

    private static Value file(Interp in, String sub, Value[] a) throws TclException {
        switch (sub) {
            case "exists", "isfile", "isdirectory", "readable", "writable", "executable", "owned" -> {
                arity(a, 3, 3, "name");
                String name = a[2].toString();
                // Tcl answers 0 for names it cannot even look up (empty, NUL, unknown ~user, no HOME).
                if (name.isEmpty() || name.indexOf('\0') >= 0) return Value.ZERO;
                Path p;
                try {
                    p = WorkingDirectory.resolve(in, name);
                } catch (TclException e) {
                    return Value.ZERO;
                }
                return Value.of(switch (sub) {
                    case "exists" -> Files.exists(p);
                    case "isfile" -> Files.isRegularFile(p);
                    case "isdirectory" -> Files.isDirectory(p);
                    case "readable" -> Files.isReadable(p);
                    case "writable" -> Files.isWritable(p);
                    case "executable" -> Files.isExecutable(p);
                    default -> owned(p);
                });
            }
            case "join" -> {
                if (a.length < 3) throw TclException.wrongArgs(a, 2, "name ?name ...?");
                List<String> parts = new ArrayList<>();
                for (int i = 2; i < a.length; i++) parts.add(a[i].toString());
                return Value.of(join(parts));
            }
            case "tail" -> {
                arity(a, 3, 3, "name");
                List<String> s = split(a[2].toString());
                if (s.size() == 1 && s.get(0).startsWith("~")) s = split(WorkingDirectory.expandTilde(in, s.get(0)));
                if (s.isEmpty()) return Value.EMPTY;
                String last = s.get(s.size() - 1);
                if (s.size() == 1 && last.equals("/")) return Value.EMPTY;
                return Value.of(last); // "a/~b" has the tail "./~b", as in Tcl: not a user's home
            }
            case "dirname" -> {
                arity(a, 3, 3, "name");
                String name = a[2].toString();
                List<String> s = split(name);
                // A lone ~ or ~user is its home directory (a later ~x is just a name).
                if (s.size() == 1 && s.get(0).startsWith("~")) name = WorkingDirectory.expandTilde(in, s.get(0));
                return Value.of(dirname(name));
            }
            case "extension" -> {
                arity(a, 3, 3, "name");
                String n = a[2].toString();
                int dot = extensionStart(n);
                return dot < 0 ? Value.EMPTY : Value.of(n.substring(dot));
            }
            case "rootname" -> {
                arity(a, 3, 3, "name");
                String n = a[2].toString();
                int dot = extensionStart(n);
                return dot < 0 ? a[2] : Value.of(n.substring(0, dot));
            }
            case "split" -> {
                arity(a, 3, 3, "name");
                return Value.ofStrings(split(a[2].toString()));
            }
            case "nativename" -> {
                arity(a, 3, 3, "name");
                return Value.of(join(split(WorkingDirectory.expandTilde(in, a[2].toString()))));
            }
            case "pathtype" -> {
                arity(a, 3, 3, "name");
                String n = a[2].toString();
                return Value.of(n.startsWith("/") || n.startsWith("~") ? "absolute" : "relative");
            }
            case "normalize" -> {
                arity(a, 3, 3, "name");
                String name = a[2].toString();
                if (name.isEmpty()) return Value.EMPTY;
                // A NUL cannot be in a Java path; Tcl just prefixes the directory.
                if (name.indexOf('\0') >= 0) return Value.of(name.startsWith("/") ? name : WorkingDirectory.of(in) + "/" + name);
                return Value.of(normalize(WorkingDirectory.resolve(in, name)).toString());
            }
            case "separator" -> {
                arity(a, 2, 3, "?name?");
                return Value.of("/");
            }
            case "size" -> {
                arity(a, 3, 3, "name");
                return Value.of(attrs(in, a[2], true).size());
            }
            case "type" -> {
                arity(a, 3, 3, "name");
                return Value.of(type(attrs(in, a[2], false)));
            }
            case "mtime", "atime" -> {
                arity(a, 3, 4, "name ?time?");
                Path p = path(in, a[2].toString(), "could not read \"" + a[2] + "\"");
                String attr = sub.equals("mtime") ? "lastModifiedTime" : "lastAccessTime";
                if (a.length == 4) {
                    long t = a[3].asLong();
                    try {
                        Files.setAttribute(p, attr, FileTime.fromMillis(t * 1000));
                    } catch (IOException e) {
                        throw PosixError.of(e).error("could not set " + (sub.equals("mtime") ? "modification" : "access")
                                + " time for file \"" + a[2] + "\"");
                    }
                    return Value.of(t);
                }
                BasicFileAttributes at = attrs(in, a[2], true);
                FileTime ft = sub.equals("mtime") ? at.lastModifiedTime() : at.lastAccessTime();
                return Value.of(ft.toMillis() / 1000);
            }
            case "stat", "lstat" -> {
                arity(a, 4, 4, "name varName");
                return stat(in, a[2], a[3].toString(), sub.equals("stat"));
            }
            case "readlink" -> {
                arity(a, 3, 3, "name");
                return readLink(in, a[2].toString());
            }
            case "link" -> {
                return link(in, a);
            }
            case "mkdir" -> {
                for (int i = 2; i < a.length; i++) mkdir(in, a[i].toString());
                return Value.EMPTY;
            }
            case "delete" -> {
                return delete(in, a);
            }
            case "rename", "copy" -> {
                return copyOrRename(in, a, sub.equals("rename"));
            }
            case "attributes" -> {
                return attributes(in, a);
            }
            case "channels" -> {
                arity(a, 2, 3, "?pattern?");
                List<Value> out = new ArrayList<>();
                for (String n : in.channels().names()) {
                    if (a.length == 2 || GlobMatch.matches(a[2].toString(), n)) out.add(Value.of(n));
                }
                return Value.ofList(out);
            }
            case "tempfile" -> {
                return TempFile.create(in, a);
            }
            case "volumes" -> {
                arity(a, 2, 2, "");
                return Value.of("/");
            }
            default -> throw TclException.error("file " + sub + " is not supported");
        }
    }

    // ---- path strings (Unix rules, as Tcl applies them to the text) --------------------------------

    /** Tcl's file split: a leading "/" element, then the non-empty components; later ~x become ./~x. */
    static List<String> split(String name) {
        List<String> out = new ArrayList<>();
        if (name.startsWith("/")) out.add("/");
        for (String part : name.split("/")) {
            if (part.isEmpty()) continue;
            if (part.startsWith("~") && !out.isEmpty()) part = "./" + part;
            out.add(part);
        }
        return out;
    }

    /**
     * Tcl's file join (TclJoinPath, TclpNativeJoinPath): an absolute (or ~) element discards what
     * came before; a later "./~x" loses its "./"; doubled and trailing slashes go.
     */
    static String join(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            String p = n;
            if (n.startsWith("/") || n.startsWith("~")) {
                sb.setLength(0);
                if (n.startsWith("/")) {
                    sb.append('/');
                    p = n.substring(1);
                }
            }
            if (sb.length() > 0 && p.startsWith("./~")) p = p.substring(2);
            if (p.isEmpty()) continue;
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') sb.append('/');
            boolean needsSep = false;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c != '/') {
                    sb.append(c);
                    needsSep = true;
                    continue;
                }
                while (i + 1 < p.length() && p.charAt(i + 1) == '/') i++;
                if (i + 1 < p.length() && needsSep) sb.append('/');
            }
        }
        return sb.toString();
    }

    static String dirname(String name) {
        List<String> s = split(name);
        if (s.isEmpty()) return ".";
        if (s.size() == 1) {
            String only = s.get(0);
            if (only.equals("/")) return "/";
            if (only.startsWith("~")) return only;
            return ".";
        }
        return join(s.subList(0, s.size() - 1));
    }

    /** Index of the extension's dot in the last component, or -1. */
    static int extensionStart(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash) return -1;
        return dot;
    }

    /** Absolute, with . and .. removed and symlinks in the directory part resolved (as Tcl does). */
    static Path normalize(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) return abs;
        try {
            return parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    private static boolean owned(Path p) {
        try {
            return Files.getOwner(p).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static BasicFileAttributes attrs(Interp in, Value name, boolean follow) throws TclException {
        Path p = path(in, name.toString(), "could not read \"" + name + "\"");
        try {
            return follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw PosixError.of(e).error("could not read \"" + name + "\"");
        }
    }

    private static String type(BasicFileAttributes at) {
        if (at.isSymbolicLink()) return "link";
        if (at.isDirectory()) return "directory";
        if (at.isRegularFile()) return "file";
        return "characterSpecial";
    }

    private static Value stat(Interp in, Value name, String varName, boolean follow) throws TclException {
        Path p = WorkingDirectory.resolve(in, name.toString());
        Map<String, Object> u;
        BasicFileAttributes at = attrs(in, name, follow);
        try {
            u = follow ? Files.readAttributes(p, "unix:*") : Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            u = Map.of();
        }
        // Set in Tcl's order (StoreStatData), which shows when the first one fails.
        Map<String, Value> fields = new LinkedHashMap<>();
        for (String k : new String[] {"dev", "ino", "nlink", "uid", "gid"}) {
            Object v = u.get(k);
            fields.put(k, Value.of(v instanceof Number n ? n.longValue() : 0));
        }
        fields.put("size", Value.of(at.size()));
        fields.put("atime", Value.of(at.lastAccessTime().toMillis() / 1000));
        fields.put("mtime", Value.of(at.lastModifiedTime().toMillis() / 1000));
        Object ctime = u.get("ctime");
        fields.put("ctime", Value.of(ctime instanceof FileTime ft ? ft.toMillis() / 1000 : at.creationTime().toMillis() / 1000));
        fields.put("mode", Value.of(u.get("mode") instanceof Number n ? n.longValue() : 0));
        fields.put("type", Value.of(type(at)));
        for (Map.Entry<String, Value> e : fields.entrySet()) in.setVar(varName, e.getKey(), e.getValue());
        return Value.EMPTY;
    }

    /** The attributes Tcl 8.6 has on Unix, in its order. */
    private static final String[] ATTRIBUTES = {"-group", "-owner", "-permissions"};

    private static Value attributes(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "name ?-option value ...?");
        String name = a[2].toString();
        Path p = path(in, name, "could not read \"" + name + "\"");
        if (a.length <= 4) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw PosixError.ENOENT.error("could not read \"" + name + "\"");
            try {
                if (a.length == 3) {
                    List<String> all = new ArrayList<>();
                    for (String attr : ATTRIBUTES) {
                        all.add(attr);
                        all.add(attribute(p, attr));
                    }
                    return Value.ofStrings(all);
                }
                return Value.of(attribute(p, ATTRIBUTES[OptionTable.lookup(a[3], "option", ATTRIBUTES)]));
            } catch (IOException e) {
                throw PosixError.of(e).error("could not read \"" + name + "\"");
            }
        }
        if (a.length % 2 == 0) {
            String last = ATTRIBUTES[OptionTable.lookup(a[a.length - 1], "option", ATTRIBUTES)];
            throw TclException.error("value for \"" + last + "\" missing", "TCL", "OPERATION", "FATTR", "NOVALUE");
        }
        for (int i = 3; i + 1 < a.length; i += 2) {
            String attr = ATTRIBUTES[OptionTable.lookup(a[i], "option", ATTRIBUTES)];
            setAttribute(p, name, attr, a[i + 1]);
        }
        return Value.EMPTY;
    }

    private static String attribute(Path p, String attr) throws IOException {
        return switch (attr) {
            case "-group" -> Files.readAttributes(p, "posix:group").get("group").toString();
            case "-owner" -> Files.getOwner(p).getName();
            default -> String.format("%05o", mode(p) & 07777);
        };
    }

    /** The full st_mode, set-id and sticky bits included (PosixFilePermission has no room for them). */
    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode");
    }

    /** As Tcl's SetGroupAttribute, SetOwnerAttribute and SetPermissionsAttribute, errors included. */
    private static void setAttribute(Path p, String name, String attr, Value value) throws TclException {
        String what = attr.substring(1);
        Number id = value.integerOrNull();
        try {
            switch (attr) {
                case "-group", "-owner" -> {
                    boolean group = attr.equals("-group");
                    if (id != null) {
                        Files.setAttribute(p, group ? "unix:gid" : "unix:uid", id.intValue());
                        return;
                    }
                    var lookup = p.getFileSystem().getUserPrincipalLookupService();
                    try {
                        if (group) Files.setAttribute(p, "posix:group", lookup.lookupPrincipalByGroupName(value.toString()));
                        else Files.setOwner(p, lookup.lookupPrincipalByName(value.toString()));
                    } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                        throw TclException.error("could not set " + what + " for file \"" + name + "\": "
                                + (group ? "group" : "user") + " \"" + value + "\" does not exist", "TCL", "OPERATION",
                                group ? "SETGRP" : "SETOWN", group ? "NO_GROUP" : "NO_USER");
                    }
                }
                default -> {
                    int mode;
                    if (id != null) {
                        mode = id.intValue() & 07777;
                    } else {
                        int old;
                        try {
                            old = mode(p) & 07777;
                        } catch (IOException e) {
                            throw PosixError.of(e).error("could not read \"" + name + "\"");
                        }
                        Integer parsed = PermissionString.parse(value.toString(), old);
                        if (parsed == null) {
                            throw TclException.error("unknown permission string format \"" + value + "\"", "TCL", "VALUE", "PERMISSION");
                        }
                        mode = parsed;
                    }
                    Files.setAttribute(p, "unix:mode", mode);
                }
            }
        } catch (IOException e) {
            throw PosixError.of(e).error("could not set " + what + " for file \"" + name + "\"");
        }
    }

    static Set<PosixFilePermission> modeToPermissions(int mode) {
        Set<PosixFilePermission> out = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission perm : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - perm.ordinal()))) != 0) out.add(perm);
        }
        return out;
    }

    private static final PosixError EFAULT = new PosixError("EFAULT", "bad address in system call argument");

    /**
     * A file name resolved for an operation reported as {@code what}: ...; a NUL in it is Tcl's EFAULT,
     * and the empty name is no file at all (never the current directory, as Java would have it).
     */
    private static Path path(Interp in, String name, String what) throws TclException {
        if (name.indexOf('\0') >= 0) throw EFAULT.error(what);
        if (name.isEmpty()) throw PosixError.ENOENT.error(what);
        return WorkingDirectory.resolve(in, name);
    }

    /** lstat: the attributes of the name itself (a link is not followed), or null if nothing is there. */
    private static BasicFileAttributes lstat(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Tcl's file mkdir: each component in turn, following links to directories, as Tcl names them. */
    private static void mkdir(Interp in, String name) throws TclException {
        String what = "can't create directory \"" + name + "\"";
        if (name.indexOf('\0') >= 0) throw PosixError.EINVAL.error(what); // mkdir(2) itself refuses it
        List<String> parts = split(name);
        if (parts.isEmpty()) throw PosixError.ENOENT.error(what);
        for (int j = 1; j <= parts.size(); j++) {
            String shown = join(parts.subList(0, j));
            Path target = WorkingDirectory.resolve(in, shown);
            String failure = "can't create directory \"" + shown + "\"";
            if (Files.isDirectory(target)) continue;
            if (Files.exists(target)) throw PosixError.EEXIST.error(failure);
            try {
                Files.createDirectory(target);
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile, or a dangling link: Tcl goes on unless a non-directory is there.
                if (Files.exists(target) && !Files.isDirectory(target)) throw PosixError.EEXIST.error(failure);
            } catch (IOException e) {
                throw PosixError.of(e).error(failure);
            }
        }
    }

    /** The leading "-force" and "--" of file delete/copy/rename (exact words, as Tcl), and where the names start. */
    private record ForceOption(boolean force, int first) {
        static ForceOption parse(Value[] a) throws TclException {
            int i = 2;
            boolean force = false;
            for (; i < a.length; i++) {
                String s = a[i].toString();
                if (s.equals("-force")) force = true;
                else if (s.equals("--")) { i++; break; }
                else if (s.startsWith("-")) {
                    throw TclException.error("bad option \"" + s + "\": must be -force or --", "TCL", "LOOKUP", "INDEX", "option", s);
                }
                else break;
            }
            return new ForceOption(force, i);
        }
    }

    /** Tcl's file delete: links themselves, never what they point to; a missing name is no error. */
    private static Value delete(Interp in, Value[] a) throws TclException {
        ForceOption opt = ForceOption.parse(a);
        for (int i = opt.first(); i < a.length; i++) {
            String name = a[i].toString();
            if (name.isEmpty()) continue;
            Path p = path(in, name, "error deleting \"" + name + "\"");
            try {
                BasicFileAttributes at = lstat(p);
                if (at == null) continue;
                if (!at.isDirectory()) {
                    Files.delete(p);
                    continue;
                }
                try {
                    Files.delete(p);
                } catch (DirectoryNotEmptyException e) {
                    if (!opt.force()) throw new PosixError("EEXIST", "directory not empty", "file already exists")
                            .error("error deleting \"" + name + "\"");
                    deleteTree(p, name);
                }
            } catch (IOException e) {
                throw PosixError.of(e).error("error deleting \"" + name + "\"");
            }
        }
        return Value.EMPTY;
    }

    /** Deletes a directory and what it holds, links as links; a failure names the entry as Tcl does. */
    private static void deleteTree(Path root, String name) throws TclException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes at) throws IOException {
                    delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw e;
                    delete(d);
                    return FileVisitResult.CONTINUE;
                }

                private void delete(Path f) throws IOException {
                    try {
                        Files.delete(f);
                    } catch (IOException e) {
                        throw new EntryFailure(f, e);
                    }
                }
            });
        } catch (EntryFailure e) {
            String shown = e.entry.equals(root) ? name : name + "/" + root.relativize(e.entry);
            throw PosixError.of(e.cause).error("error deleting \"" + shown + "\"");
        } catch (IOException e) {
            throw PosixError.of(e).error("error deleting \"" + name + "\"");
        }
    }

    /** An I/O failure on one entry of a tree walk, so the error can name that entry. */
    private static final class EntryFailure extends IOException {
        final Path entry;
        final IOException cause;

        EntryFailure(Path entry, IOException cause) {
            super(cause);
            this.entry = entry;
            this.cause = cause;
        }
    }

    /** Tcl's file copy/rename: into an existing directory (links to one count), else onto the one target. */
    private static Value copyOrRename(Interp in, Value[] a, boolean rename) throws TclException {
        ForceOption opt = ForceOption.parse(a);
        int i = opt.first();
        if (a.length - i < 2) throw TclException.wrongArgs(a, 2, "?-option value ...? source ?source ...? target");
        String verb = rename ? "renaming" : "copying";
        String targetName = a[a.length - 1].toString();
        if (targetName.isEmpty() || !Files.isDirectory(path(in, targetName, "error " + verb + " \"" + a[i] + "\" to \""
                + targetName + "\""))) {
            if (a.length - i > 2) {
                throw TclException.error("error " + verb + ": target \"" + targetName + "\" is not a directory",
                        "POSIX", "ENOTDIR", "not a directory");
            }
            copyRenameOne(in, a[i].toString(), targetName, true, rename, opt.force());
            return Value.EMPTY;
        }
        for (; i < a.length - 1; i++) {
            String src = a[i].toString();
            List<String> parts = split(src);
            if (parts.size() == 1 && src.startsWith("~")) parts = split(WorkingDirectory.expandTilde(in, src));
            String base = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
            copyRenameOne(in, src, join(List.of(targetName, base)), false, rename, opt.force());
        }
        return Value.EMPTY;
    }

    /** Tcl's CopyRenameOneFile: links are copied or renamed as links, never followed; no parent is created. */
    private static void copyRenameOne(Interp in, String srcName, String dstName, boolean targetIsAWord, boolean rename,
            boolean force) throws TclException {
        String verb = rename ? "renaming" : "copying";
        String onSource = "error " + verb + " \"" + srcName + "\"";
        // Tcl names only the source when the target is the same word (the same Tcl_Obj) as the source.
        String onTarget = targetIsAWord && srcName.equals(dstName) ? onSource : onSource + " to \"" + dstName + "\"";
        Path src = path(in, srcName, onSource);
        BasicFileAttributes sa, ta;
        try {
            sa = lstat(src);
        } catch (IOException e) {
            throw PosixError.of(e).error(onSource);
        }
        if (sa == null) throw PosixError.ENOENT.error(onSource);
        // Tcl's directory copy fails making the empty name, and says so.
        if (dstName.isEmpty() && sa.isDirectory() && !rename) throw PosixError.ENOENT.error("can't create directory \"\"");
        Path dst = path(in, dstName, onTarget);
        try {
            ta = lstat(dst);
        } catch (IOException e) {
            throw PosixError.of(e).error(onTarget);
        }
        if (ta != null) {
            if (!force) throw PosixError.EEXIST.error(onTarget);
            if (sa.fileKey() != null && sa.fileKey().equals(ta.fileKey())) return;
            if (sa.isDirectory() && !ta.isDirectory()) {
                throw TclException.error("can't overwrite file \"" + dstName + "\" with directory \"" + srcName + "\"");
            }
            if (!sa.isDirectory() && ta.isDirectory()) {
                throw TclException.error("can't overwrite directory \"" + dstName + "\" with file \"" + srcName + "\"");
            }
        }
        if (rename) {
            try {
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // Another file system: copy, then remove the original, as Tcl does.
            } catch (DirectoryNotEmptyException e) {
                throw PosixError.EEXIST.error(onTarget);
            } catch (FileSystemException e) {
                if ("Directory not empty".equals(e.getReason())) throw PosixError.EEXIST.error(onTarget);
                if ("Invalid argument".equals(e.getReason())) {
                    throw TclException.error(onTarget + ": trying to rename a volume or move a directory into itself");
                }
                throw PosixError.of(e).error(onTarget);
            } catch (IOException e) {
                throw PosixError.of(e).error(onTarget);
            }
        }
        if (sa.isDirectory()) {
            if (inside(src, dst)) {
                // Tcl would copy the copy into itself until the name is too long; refuse instead.
                throw TclException.error(onTarget + ": trying to copy a directory into itself");
            }
            copyDirectory(src, dst, srcName, dstName, onSource, onTarget);
        } else {
            try {
                copyFile(src, dst, sa, ta);
            } catch (IOException e) {
                throw PosixError.of(e).error(onTarget);
            }
        }
        if (rename) {
            if (sa.isDirectory()) deleteTree(src, srcName);
            else {
                try {
                    Files.delete(src);
                } catch (IOException e) {
                    throw PosixError.of(e).error(onSource);
                }
            }
        }
    }

    /** Whether dst is src itself or lies below it (after resolving the links on the way). */
    private static boolean inside(Path src, Path dst) {
        try {
            Path real = src.toRealPath();
            Path parent = normalize(dst.toAbsolutePath()).getParent();
            Path at = parent == null ? null : parent.toRealPath().resolve(dst.getFileName());
            return at != null && at.startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    /** A file or link onto a name that is not a directory: a link stays a link, a file keeps its mode and times. */
    private static void copyFile(Path src, Path dst, BasicFileAttributes sa, BasicFileAttributes ta) throws IOException {
        if (ta != null) Files.delete(dst);
        Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS);
        if (!sa.isSymbolicLink()) copyAttributes(src, dst, sa);
    }

    /** Tcl's CopyFileAtts: permissions, then access and modification times (the owner stays ours). */
    private static void copyAttributes(Path src, Path dst, BasicFileAttributes sa) throws IOException {
        try {
            Files.setPosixFilePermissions(dst, Files.getPosixFilePermissions(src, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the mode stays what creating gave.
        }
        Files.getFileAttributeView(dst, BasicFileAttributeView.class)
                .setTimes(sa.lastModifiedTime(), sa.lastAccessTime(), null);
    }

    /** Tcl's TraverseUnixTree copy: each directory made (never its parents), entries copied, then attributes. */
    private static void copyDirectory(Path src, Path dst, String srcName, String dstName, String onSource, String onTarget)
            throws TclException {
        try {
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes at) throws IOException {
                    Path to = dst.resolve(src.relativize(d).toString());
                    try {
                        Files.createDirectory(to);
                    } catch (IOException e) {
                        throw new EntryFailure(to, e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes at) throws IOException {
                    Path to = dst.resolve(src.relativize(f).toString());
                    try {
                        copyFile(f, to, at, null);
                    } catch (IOException e) {
                        throw new EntryFailure(to, e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    throw new EntryFailure(f, e);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw new EntryFailure(d, e);
                    Path to = dst.resolve(src.relativize(d).toString());
                    try {
                        copyAttributes(d, to, Files.readAttributes(d, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                    } catch (IOException x) {
                        throw new EntryFailure(to, x);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (EntryFailure e) {
            PosixError pe = PosixError.of(e.cause);
            if (e.entry.equals(src)) throw pe.error(onSource);
            if (e.entry.equals(dst)) throw pe.error(onTarget);
            String shown = e.entry.startsWith(dst) ? join(List.of(dstName, dst.relativize(e.entry).toString()))
                    : join(List.of(srcName, src.relativize(e.entry).toString()));
            throw pe.error(onTarget + ": \"" + shown + "\"");
        } catch (IOException e) {
            throw PosixError.of(e).error(onTarget);
        }
    }

    /** file readlink and one-argument file link: the link's own text. */
    private static Value readLink(Interp in, String name) throws TclException {
        String what = "could not read link \"" + name + "\"";
        Path p = path(in, name, what);
        try {
            return Value.of(Files.readSymbolicLink(p).toString());
        } catch (NotLinkException e) {
            throw PosixError.EINVAL.error(what);
        } catch (IOException e) {
            throw PosixError.of(e).error(what);
        }
    }

    /**
     * file link ?-symbolic|-hard? linkName ?target?, in TclpObjLink's order: the target must exist (a
     * symbolic link's relative to the link's directory), then the link's name must be free.
     */
    private static Value link(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length > 5) throw TclException.wrongArgs(a, 2, "?-linktype? linkname ?target?");
        boolean soft = true;
        int index = 2;
        if (a.length == 5) {
            String t = a[2].toString();
            if (t.equals("-")) {
                throw TclException.error("ambiguous option \"-\": must be -symbolic or -hard", "TCL", "LOOKUP", "INDEX", "option", t);
            }
            if (t.length() > 1 && "-symbolic".startsWith(t)) soft = true;
            else if (t.length() > 1 && "-hard".startsWith(t)) soft = false;
            else throw TclException.error("bad option \"" + t + "\": must be -symbolic or -hard", "TCL", "LOOKUP", "INDEX", "option", t);
            index = 3;
        }
        String name = a[index].toString();
        if (index + 1 >= a.length) return readLink(in, name);
        String targetName = a[index + 1].toString();
        String what = "could not create new link \"" + name + "\"";
        String failed = what + " pointing to \"" + targetName + "\"";
        if (name.indexOf('\0') >= 0) throw PosixError.EINVAL.error(failed);
        if (name.isEmpty()) throw missingLinkTarget(in, name, targetName);
        Path link = WorkingDirectory.resolve(in, name);
        Path targetPath = linkTarget(in, link, targetName, soft);
        if (targetPath == null || !Files.exists(targetPath)) throw missingLinkTarget(in, name, targetName);
        if (Files.exists(link)) throw linkExists(what);
        try {
            if (soft) Files.createSymbolicLink(link, Path.of(WorkingDirectory.expandTilde(in, targetName)));
            else Files.createLink(link, targetPath);
        } catch (FileAlreadyExistsException e) {
            throw linkExists(what); // a dangling link is in the way
        } catch (NoSuchFileException e) {
            throw missingLinkTarget(in, name, targetName);
        } catch (IOException e) {
            throw PosixError.of(e).error(failed);
        }
        return a[index + 1];
    }

    /** Where a new link's target is looked for, or null if its name cannot be a file's. */
    private static Path linkTarget(Interp in, Path link, String targetName, boolean soft) {
        if (targetName.isEmpty() || targetName.indexOf('\0') >= 0) return null;
        try {
            String target = WorkingDirectory.expandTilde(in, targetName);
            return soft ? link.resolveSibling(target) : WorkingDirectory.resolve(in, target);
        } catch (TclException e) {
            return null; // Tcl: the target "doesn't exist"
        }
    }

    private static TclException linkExists(String what) {
        return TclException.error(what + ": that path already exists", "POSIX", "EEXIST", "file already exists");
    }

    /** Tcl's ENOENT on file link: the target is named unless the link's own directory is missing. */
    private static TclException missingLinkTarget(Interp in, String name, String targetName) throws TclException {
        String what = "could not create new link \"" + name + "\"";
        Path dir = WorkingDirectory.resolve(in, dirname(name));
        if (!Files.exists(dir)) return PosixError.ENOENT.error(what);
        return TclException.error(what + ": target \"" + targetName + "\" doesn't exist", "POSIX", "ENOENT", "no such file or directory");
    }
}
