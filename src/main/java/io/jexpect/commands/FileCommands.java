package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        in.register("glob", FileCommands::glob);
        in.register("pwd", (i, a) -> {
            if (a.length != 1) throw TclException.wrongArgs(a, 1, "");
            return Value.of(WorkingDirectory.of(i).toString());
        });
        in.register("cd", FileCommands::cd);
    }

    private static Value cd(Interp in, Value[] a) throws TclException {
        if (a.length > 2) throw TclException.wrongArgs(a, 1, "?dirName?");
        String name = a.length == 2 ? a[1].toString() : "~";
        if (WorkingDirectory.refused(name)) throw PosixError.EINVAL.error("couldn't change working directory to \"" + name + "\"");
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
        String sub = Ensemble.subcommand(a[1], SUBCOMMANDS);
        a = a.clone();
        a[1] = Value.of(sub);
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
                if (a[2].toString().isEmpty() || WorkingDirectory.refused(a[2].toString())) return Value.ZERO;
                Path p = WorkingDirectory.resolve(in, a[2].toString());
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
                if (s.isEmpty()) return Value.EMPTY;
                String last = s.get(s.size() - 1);
                if (s.size() == 1 && (last.equals("/") || last.startsWith("~"))) return Value.EMPTY;
                return Value.of(last.startsWith("./~") ? last.substring(2) : last);
            }
            case "dirname" -> {
                arity(a, 3, 3, "name");
                return Value.of(dirname(a[2].toString()));
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
                return Value.of(join(split(WorkingDirectory.expandTilde(a[2].toString()))));
            }
            case "pathtype" -> {
                arity(a, 3, 3, "name");
                String n = a[2].toString();
                return Value.of(n.startsWith("/") || n.startsWith("~") ? "absolute" : "relative");
            }
            case "normalize" -> {
                arity(a, 3, 3, "name");
                if (a[2].toString().isEmpty()) return Value.EMPTY;
                return Value.of(normalize(WorkingDirectory.resolve(in, a[2].toString())).toString());
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
                Path p = WorkingDirectory.resolve(in, a[2].toString());
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
                try {
                    return Value.of(Files.readSymbolicLink(WorkingDirectory.resolve(in, a[2].toString())).toString());
                } catch (IOException e) {
                    PosixError pe = Files.exists(WorkingDirectory.resolve(in, a[2].toString()), LinkOption.NOFOLLOW_LINKS)
                            ? PosixError.EINVAL : PosixError.of(e);
                    throw pe.error("could not read link \"" + a[2] + "\"");
                }
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

    /** Tcl's file join: an absolute (or ~) element discards what came before. */
    static String join(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (n.startsWith("/") || n.startsWith("~")) sb.setLength(0);
            for (String part : split(n)) {
                if (part.equals("/")) {
                    sb.append('/');
                    continue;
                }
                if (part.startsWith("./~") && sb.length() == 0) part = part.substring(2);
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') sb.append('/');
                sb.append(part);
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
    private static int extensionStart(String name) {
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
        Path p = WorkingDirectory.resolve(in, name.toString());
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
        Map<String, Value> fields = new TreeMap<>();
        fields.put("atime", Value.of(at.lastAccessTime().toMillis() / 1000));
        fields.put("mtime", Value.of(at.lastModifiedTime().toMillis() / 1000));
        Object ctime = u.get("ctime");
        fields.put("ctime", Value.of(ctime instanceof FileTime ft ? ft.toMillis() / 1000 : at.creationTime().toMillis() / 1000));
        fields.put("size", Value.of(at.size()));
        fields.put("type", Value.of(type(at)));
        for (String k : new String[] {"dev", "ino", "nlink", "uid", "gid", "mode"}) {
            Object v = u.get(k);
            fields.put(k, Value.of(v instanceof Number n ? n.longValue() : 0));
        }
        for (Map.Entry<String, Value> e : fields.entrySet()) in.setVar(varName, e.getKey(), e.getValue());
        return Value.EMPTY;
    }

    private static Value attributes(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "name ?-option value ...?");
        Path p = WorkingDirectory.resolve(in, a[2].toString());
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw PosixError.ENOENT.error("could not read \"" + a[2] + "\"");
        }
        try {
            if (a.length == 3) {
                return Value.ofStrings(List.of("-group", Files.readAttributes(p, "posix:group").get("group").toString(),
                        "-owner", Files.getOwner(p).getName(), "-permissions", permissions(p)));
            }
            if (a.length == 4) {
                return switch (a[3].toString()) {
                    case "-permissions" -> Value.of(permissions(p));
                    case "-owner" -> Value.of(Files.getOwner(p).getName());
                    case "-group" -> Value.of(Files.readAttributes(p, "posix:group").get("group").toString());
                    default -> throw TclException.error("bad option \"" + a[3] + "\": must be -group, -owner, -permissions, or -readonly");
                };
            }
            for (int i = 3; i + 1 < a.length; i += 2) {
                if (!a[i].toString().equals("-permissions")) {
                    throw TclException.error("bad option \"" + a[i] + "\": must be -group, -owner, -permissions, or -readonly");
                }
                Files.setPosixFilePermissions(p, modeToPermissions((int) a[i + 1].asLong()));
            }
            return Value.EMPTY;
        } catch (IOException e) {
            throw PosixError.of(e).error("could not read \"" + a[2] + "\"");
        }
    }

    private static String permissions(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        int mode = 0;
        for (PosixFilePermission perm : perms) mode |= 1 << (8 - perm.ordinal());
        return String.format("%05o", mode);
    }

    static Set<PosixFilePermission> modeToPermissions(int mode) {
        Set<PosixFilePermission> out = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission perm : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - perm.ordinal()))) != 0) out.add(perm);
        }
        return out;
    }

    private static void mkdir(Interp in, String name) throws TclException {
        Path p = WorkingDirectory.resolve(in, name);
        // Tcl names the first existing component that is not a directory.
        Path cur = p.getRoot();
        for (Path part : p) {
            cur = cur == null ? part : cur.resolve(part);
            if (Files.exists(cur) && !Files.isDirectory(cur)) {
                String shown = cur.toString();
                Path base = WorkingDirectory.of(in);
                if (!name.startsWith("/") && cur.startsWith(base)) shown = base.relativize(cur).toString();
                throw PosixError.EEXIST.error("can't create directory \"" + shown + "\"");
            }
        }
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw PosixError.of(e).error("can't create directory \"" + name + "\"");
        }
    }

    /** The leading "-force" and "--" of file delete/copy/rename, and where the names start. */
    private record ForceOption(boolean force, int first) {
        static ForceOption parse(Value[] a) throws TclException {
            int i = 2;
            boolean force = false;
            for (; i < a.length; i++) {
                String s = a[i].toString();
                if (s.equals("-force")) force = true;
                else if (s.equals("--")) { i++; break; }
                else if (s.startsWith("-")) throw TclException.error("bad option \"" + s + "\": must be -force or --");
                else break;
            }
            return new ForceOption(force, i);
        }
    }

    private static Value delete(Interp in, Value[] a) throws TclException {
        ForceOption opt = ForceOption.parse(a);
        int i = opt.first();
        boolean force = opt.force();
        for (; i < a.length; i++) {
            String name = a[i].toString();
            Path p = WorkingDirectory.resolve(in, name);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                if (force && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
                    }
                } else {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw PosixError.of(e).error("error deleting \"" + name + "\"");
            }
        }
        return Value.EMPTY;
    }

    private static Value copyOrRename(Interp in, Value[] a, boolean rename) throws TclException {
        ForceOption opt = ForceOption.parse(a);
        int i = opt.first();
        boolean force = opt.force();
        if (a.length - i < 2) throw TclException.wrongArgs(a, 2, "?-option value ...? source ?source ...? target");
        String verb = rename ? "renaming" : "copying";
        String targetName = a[a.length - 1].toString();
        Path target = WorkingDirectory.resolve(in, targetName);
        boolean intoDir = Files.isDirectory(target);
        if (a.length - i > 2 && !intoDir) {
            throw PosixError.ENOTDIR.error("error " + verb + ": target \"" + targetName + "\" is not a directory");
        }
        for (; i < a.length - 1; i++) {
            String srcName = a[i].toString();
            Path src = WorkingDirectory.resolve(in, srcName);
            if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) throw PosixError.ENOENT.error("error " + verb + " \"" + srcName + "\"");
            Path dest = intoDir ? target.resolve(src.getFileName()) : target;
            String destName = intoDir ? join(List.of(targetName, src.getFileName().toString())) : targetName;
            try {
                if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                    if (!force) throw new FileAlreadyExistsException(dest.toString());
                    if (Files.isDirectory(dest) && Files.isDirectory(src)) {
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dest)) {
                            if (ds.iterator().hasNext()) throw new java.nio.file.DirectoryNotEmptyException(dest.toString());
                        }
                    }
                }
                if (rename) {
                    if (force && Files.isDirectory(dest) && !Files.isDirectory(src)) {
                        throw new java.nio.file.FileSystemException(dest.toString(), null, "illegal operation on a directory");
                    }
                    Files.move(src, dest, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    copyTree(src, dest);
                }
            } catch (IOException e) {
                throw PosixError.of(e).error("error " + verb + " \"" + srcName + "\" to \"" + destName + "\"");
            }
        }
        return Value.EMPTY;
    }

    private static void copyTree(Path src, Path dest) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path q : walk.toList()) {
                Path to = dest.resolve(src.relativize(q).toString());
                if (Files.isDirectory(q)) Files.createDirectories(to);
                else Files.copy(q, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    // ---- glob -------------------------------------------------------------------------------------

    private static final String[] GLOB_OPTIONS = {"-directory", "-join", "-nocomplain", "-path", "-tails", "-types", "--"};

    private static Value glob(Interp in, Value[] a) throws TclException {
        boolean nocomplain = false, tails = false, join = false;
        String directory = null, pathPrefix = null;
        List<String> types = new ArrayList<>();
        int i = 1;
        for (; i < a.length; i++) {
            String s = a[i].toString();
            if (!s.startsWith("-")) break;
            String opt = null;
            for (String o : GLOB_OPTIONS) if (o.equals(s)) opt = o;
            if (opt == null) {
                throw TclException.error("bad option \"" + s + "\": must be -directory, -join, -nocomplain, -path, -tails, -types, or --",
                        "TCL", "LOOKUP", "INDEX", "option", s);
            }
            if (opt.equals("--")) { i++; break; }
            switch (opt) {
                case "-nocomplain" -> nocomplain = true;
                case "-tails" -> tails = true;
                case "-join" -> join = true;
                default -> {
                    if (i + 1 >= a.length) throw TclException.error("missing argument to \"" + opt + "\"");
                    String v = a[++i].toString();
                    if (opt.equals("-directory")) directory = v;
                    else if (opt.equals("-path")) pathPrefix = v;
                    else for (Value t : a[i].asList()) types.add(t.toString());
                }
            }
        }
        for (String t : types) {
            if (!List.of("d", "f", "l", "p", "s", "b", "c", "r", "w", "x", "hidden", "readonly").contains(t)) {
                throw TclException.error("bad argument to \"-types\": " + t, "TCL", "ARGUMENT", "BAD");
            }
        }
        if (tails && directory == null && pathPrefix == null) {
            throw TclException.error("\"-tails\" must be used with either \"-directory\" or \"-path\"");
        }
        List<String> patterns = new ArrayList<>();
        if (join) {
            List<String> parts = new ArrayList<>();
            for (int k = i; k < a.length; k++) parts.add(a[k].toString());
            if (!parts.isEmpty()) patterns.add(join(parts));
        } else {
            for (int k = i; k < a.length; k++) patterns.add(a[k].toString());
        }
        // The base the matches are relative to (shown as written), and the prefix of each match.
        String base = directory;
        String namePrefix = "";
        if (pathPrefix != null) {
            base = dirname(pathPrefix);
            String tail = pathPrefix.endsWith("/") ? "" : split(pathPrefix).isEmpty() ? "" : split(pathPrefix).get(split(pathPrefix).size() - 1);
            namePrefix = escapeGlob(tail);
        }
        List<Value> out = new ArrayList<>();
        for (String pattern : patterns) {
            List<String> expanded = GlobBraces.expand(namePrefix + pattern);
            if (expanded == null) throw TclException.error("unmatched open-brace in file name");
            for (String p : expanded) {
                String shownBase = p.startsWith("/") || p.startsWith("~") ? null : base;
                if (WorkingDirectory.refused(p) || shownBase != null && WorkingDirectory.refused(shownBase)) continue; // names no file
                String rest = p.startsWith("~") ? WorkingDirectory.expandTilde(p) : p;
                boolean absolute = rest.startsWith("/");
                boolean dirsOnly = rest.endsWith("/") && rest.length() > 1;
                List<String> comps = split(rest);
                if (absolute) comps = comps.subList(1, comps.size());
                Path root = absolute ? Path.of("/")
                        : WorkingDirectory.resolve(in, shownBase == null ? "." : shownBase);
                List<String> found = new ArrayList<>();
                walk(root, "", comps, 0, found);
                for (String rel : found) {
                    Path fp = root.resolve(rel);
                    if (dirsOnly && !Files.isDirectory(fp)) continue;
                    if (!types.isEmpty() && !typeMatches(fp, types)) continue;
                    String shown = absolute ? "/" + rel : shownBase == null || tails ? rel : join(List.of(shownBase, rel));
                    out.add(Value.of(dirsOnly ? shown + "/" : shown));
                }
            }
        }
        if (out.isEmpty() && !nocomplain) {
            StringBuilder msg = new StringBuilder("no files matched glob pattern");
            if (patterns.size() != 1) msg.append('s');
            msg.append(" \"").append(String.join(" ", patterns)).append('"');
            throw TclException.error(msg.toString(), "TCL", "OPERATION", "GLOB", "NOMATCH");
        }
        return Value.ofList(out);
    }

    private static String escapeGlob(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static void walk(Path dir, String shown, List<String> comps, int k, List<String> found) {
        if (k == comps.size()) {
            if (!shown.isEmpty()) found.add(shown);
            return;
        }
        String comp = comps.get(k);
        boolean last = k == comps.size() - 1;
        if (GlobMatch.isLiteral(comp)) {
            Path next = dir.resolve(comp);
            if (last ? Files.exists(next, LinkOption.NOFOLLOW_LINKS) : Files.isDirectory(next)) {
                walk(next, shown + comp + (last ? "" : "/"), comps, k + 1, found);
            }
            return;
        }
        if (!Files.isDirectory(dir)) return;
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path q : ds) names.add(q.getFileName().toString());
        } catch (IOException e) {
            return;
        }
        boolean dotPattern = comp.startsWith(".") || comp.startsWith("\\.");
        for (String n : names) {
            if (n.startsWith(".") && !dotPattern) continue;
            if (!GlobMatch.matches(comp, n)) continue;
            Path next = dir.resolve(n);
            if (!last && !Files.isDirectory(next)) continue;
            walk(next, shown + n + (last ? "" : "/"), comps, k + 1, found);
        }
    }

    private static boolean typeMatches(Path p, List<String> types) {
        boolean anyKind = false, kindOk = false;
        for (String t : types) {
            switch (t) {
                case "d", "f", "l", "p", "s", "b", "c" -> {
                    anyKind = true;
                    boolean ok = switch (t) {
                        case "d" -> Files.isDirectory(p);
                        case "f" -> Files.isRegularFile(p);
                        case "l" -> Files.isSymbolicLink(p);
                        default -> !Files.isDirectory(p) && !Files.isRegularFile(p) && !Files.isSymbolicLink(p);
                    };
                    kindOk |= ok;
                }
                case "r" -> { if (!Files.isReadable(p)) return false; }
                case "w" -> { if (!Files.isWritable(p)) return false; }
                case "x" -> { if (!Files.isExecutable(p)) return false; }
                case "readonly" -> { if (Files.isWritable(p)) return false; }
                case "hidden" -> {
                    String tail = p.getFileName() == null ? "" : p.getFileName().toString();
                    if (!tail.startsWith(".")) return false;
                }
                default -> { }
            }
        }
        return !anyKind || kindOk;
    }
}
