package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tcl 8.6's glob, step for step as tclFileName.c (Tcl_GlobObjCmd, TclGlob, DoGlob) and
 * tclUnixFile.c (TclpMatchInDirectory, NativeMatchType) do it: a pattern is taken one path
 * component at a time, braces first, so the names come back as Tcl builds them ("glob -dir d *"
 * gives "d/x", "glob *" gives "x", "glob {}" gives ".").
 */
final class GlobCommand {
    private static final String[] OPTIONS = {"-directory", "-join", "-nocomplain", "-path", "-tails", "-types", "--"};
    private static final int NONE = 0, DIRECTORY = 1, PATH = 2;

    // File types and permissions of -types.
    private static final int BLOCK = 1, CHAR = 2, DIR = 4, PIPE = 8, FILE = 16, LINK = 32, SOCKET = 64;
    private static final int READ = 1, WRITE = 2, EXECUTE = 4, HIDDEN = 8, READONLY = 16;

    private record Types(int kinds, int perms) {}

    private static final Types DIRECTORIES_ONLY = new Types(DIR, 0);

    /** A directory prefix: the name as results show it, and the directory it names. */
    private record Prefix(String shown, Path path) {
        Prefix join(String name) {
            String s = shown.isEmpty() ? name : shown + (shown.endsWith("/") ? "" : "/") + name;
            return new Prefix(s, resolve(path, name));
        }
    }

    private final Interp in;
    private final Types types;

    private GlobCommand(Interp in, Types types) {
        this.in = in;
        this.types = types;
    }

    static Value glob(Interp in, Value[] a) throws TclException {
        boolean nocomplain = false, tails = false, join = false;
        int mode = NONE;
        String pathOrDir = null;
        Value typeList = null;
        int i = 1;
        options:
        for (; i < a.length; i++) {
            if (!a[i].toString().startsWith("-")) break;
            String opt = OPTIONS[OptionTable.lookup(a[i], "option", OPTIONS)];
            switch (opt) {
                case "--" -> { i++; break options; }
                case "-nocomplain" -> nocomplain = true;
                case "-tails" -> tails = true;
                case "-join" -> join = true;
                default -> {
                    if (i + 1 >= a.length) throw TclException.error("missing argument to \"" + opt + "\"", "TCL", "ARGUMENT", "MISSING");
                    if (opt.equals("-directory")) {
                        if (mode != NONE) throw combination(mode == DIRECTORY ? "\"-directory\" may only be used once" : "\"-directory\" cannot be used with \"-path\"");
                        mode = DIRECTORY;
                        pathOrDir = a[++i].toString();
                    } else if (opt.equals("-path")) {
                        // Tcl's own message says "-dictionary" where it means "-directory".
                        if (mode != NONE) throw combination(mode == PATH ? "\"-path\" may only be used once" : "\"-path\" cannot be used with \"-dictionary\"");
                        mode = PATH;
                        pathOrDir = a[++i].toString();
                    } else {
                        typeList = a[++i];
                    }
                }
            }
        }
        if (tails && pathOrDir == null) throw combination("\"-tails\" must be used with either \"-directory\" or \"-path\"");
        // -path a/b: search a for names starting with b (quoted against glob characters).
        String prefix = "";
        if (mode == PATH) {
            int last = pathOrDir.lastIndexOf('/');
            if (last == pathOrDir.length() - 1) {
                mode = DIRECTORY;
            } else {
                prefix = quote(pathOrDir.substring(last + 1));
                if (last < 0) {
                    tails = false;
                    pathOrDir = null;
                } else {
                    pathOrDir = pathOrDir.substring(0, last);
                    if (pathOrDir.indexOf('/') < 0) pathOrDir += "/";
                }
            }
        }
        GlobCommand g = new GlobCommand(in, typeList == null ? null : types(typeList));
        Prefix base = pathOrDir == null ? null : new Prefix(pathOrDir, WorkingDirectory.refused(pathOrDir) ? null
                : WorkingDirectory.resolve(in, pathOrDir));
        List<Value> out = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (int k = i; k < a.length; k++) patterns.add(a[k].toString());
        if (join) {
            prefix += String.join("/", patterns);
            g.glob(prefix, base, mode == DIRECTORY, tails, out);
        } else {
            for (String p : patterns) g.glob(prefix + p, base, mode == DIRECTORY, tails, out);
        }
        if (out.isEmpty() && !nocomplain) {
            String shown = join ? prefix : String.join(" ", patterns);
            String s = join || patterns.size() == 1 ? "" : "s";
            throw TclException.error("no files matched glob pattern" + s + " \"" + shown + "\"", "TCL", "OPERATION", "GLOB", "NOMATCH");
        }
        return Value.ofList(out);
    }

    private static TclException combination(String message) {
        return TclException.error(message, "TCL", "OPERATION", "GLOB", "BADOPTIONCOMBINATION");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\[]*?{}".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** The -types list: one-letter kinds and permissions, hidden, readonly, and MacOS types (ignored here). */
    private static Types types(Value list) throws TclException {
        int kinds = 0, perms = 0;
        boolean macType = false, macCreator = false;
        for (Value look : list.asList()) {
            String s = look.toString();
            if (s.equals("hidden")) { perms |= HIDDEN; continue; }
            if (s.equals("readonly")) { perms |= READONLY; continue; }
            if (s.length() == 1) {
                int k = "bcdpfls".indexOf(s.charAt(0));
                int p = "rwx".indexOf(s.charAt(0));
                if (k >= 0) kinds |= 1 << k;
                else if (p >= 0) perms |= 1 << p;
                else throw badType(s);
                continue;
            }
            if (s.length() == 4) {
                if (macType) throw badMacType();
                macType = true;
                continue;
            }
            List<Value> mac = listOrNull(look);
            if (mac != null && mac.size() == 3 && mac.get(0).toString().equals("macintosh")) {
                String what = mac.get(1).toString();
                if (what.equals("type") || what.equals("creator")) {
                    boolean creator = what.equals("creator");
                    if (creator ? macCreator : macType) throw badMacType();
                    if (creator) macCreator = true;
                    else macType = true;
                    continue;
                }
            }
            throw badType(s);
        }
        return new Types(kinds, perms);
    }

    private static List<Value> listOrNull(Value v) {
        try {
            return v.asList();
        } catch (TclException e) {
            return null;
        }
    }

    private static TclException badType(String s) {
        return TclException.error("bad argument to \"-types\": " + s, "TCL", "ARGUMENT", "BAD");
    }

    private static TclException badMacType() {
        return TclException.error("only one MacOS type or creator argument to \"-types\" allowed", "TCL", "ARGUMENT", "BAD");
    }

    /** TclGlob: tilde and root handling, then the matches, cut to their tails if asked. */
    private void glob(String pattern, Prefix base, boolean dirFlag, boolean tails, List<Value> out) throws TclException {
        String tail = pattern;
        if (base == null && pattern.startsWith("~")) {
            int t = 1;
            while (t < pattern.length()) {
                char c = pattern.charAt(t);
                if (c == '\\' ? t + 1 == pattern.length() || pattern.charAt(t + 1) == '/' : c == '/') break;
                t++;
            }
            String home = FileCommands.join(List.of(WorkingDirectory.expandTilde(in, "~" + pattern.substring(1, t))));
            base = new Prefix(home, WorkingDirectory.of(in).resolve(home));
            dirFlag = true;
            tail = t < pattern.length() ? pattern.substring(t + 1) : "";
        } else if (base == null && pattern.startsWith("/")) {
            base = new Prefix("/", Path.of("/"));
            tail = pattern.substring(1);
        }
        List<Prefix> found = new ArrayList<>();
        if (tail.isEmpty() && base != null) matchFile(base, types, found);
        else doGlob(base, dirFlag, tail, found);
        int cut = -1;
        if (tails) {
            String pre = base.shown();
            cut = pre.length() + (!pre.isEmpty() && !pre.endsWith("/") ? 1 : 0);
        }
        for (Prefix f : found) {
            String name = f.shown();
            if (cut < 0) out.add(Value.of(name));
            else if (name.length() > cut) out.add(Value.of(name.substring(cut)));
            else if (name.length() == cut) out.add(Value.of(tail.isEmpty() || tail.charAt(0) != '/' ? "." : "/"));
            else out.add(Value.EMPTY); // the directory itself, as Tcl cuts it
        }
    }

    /** DoGlob: one component of the pattern at a time (braces expanded first), recursing into directories. */
    private void doGlob(Prefix dir, boolean joined, String pattern, List<Prefix> found) throws TclException {
        int n = pattern.length();
        int k = 0;
        while (k < n) {
            char c = pattern.charAt(k);
            if (c == '\\') {
                if (k + 1 < n && pattern.charAt(k + 1) == '/') k++;
                else break;
            } else if (c != '/') {
                break;
            }
            k++;
        }
        boolean rooted = n > 0 && (pattern.charAt(0) == '/' || pattern.startsWith("\\/"));
        String pat = pattern.substring(k);
        int len = pat.length();
        int p = 0;
        int open = -1, close = -1;
        boolean quoted = false;
        for (; p < len; p++) {
            char c = pat.charAt(p);
            if (quoted) {
                quoted = false;
            } else if (c == '\\') {
                quoted = true;
                if (p + 1 == len || pat.charAt(p + 1) == '/') break;
            } else if (c == '/') {
                break;
            } else if (c == '{') {
                open = p;
                close = skipTo(pat, p + 1, len, '}');
                if (close < 0) throw TclException.error("unmatched open-brace in file name", "TCL", "OPERATION", "GLOB", "BALANCE");
                break;
            } else if (c == '}') {
                throw TclException.error("unmatched close-brace in file name", "TCL", "OPERATION", "GLOB", "BALANCE");
            }
        }
        if (open >= 0) {
            String head = pat.substring(0, open);
            String rest = pat.substring(close + 1);
            int q = open;
            while (q != close) {
                int element = q + 1;
                q = skipTo(pat, element, close, ',');
                if (q < 0) q = close;
                doGlob(dir, joined, head + pat.substring(element, q) + rest, found);
            }
            return;
        }
        String component = pat.substring(0, p);
        boolean atEnd = p >= len;
        if (hasGlobCharacter(component)) {
            if (atEnd) {
                matchInDirectory(dir, component, types, found);
                return;
            }
            List<Prefix> subdirs = new ArrayList<>();
            matchInDirectory(dir, component, DIRECTORIES_ONLY, subdirs);
            for (Prefix sub : subdirs) doGlob(sub, true, pat.substring(p + 1), found);
            return;
        }
        if (atEnd && component.isEmpty() && (dir == null || dir.shown().isEmpty())) component = rooted ? "/" : ".";
        Prefix next = dir == null ? new Prefix(component, resolve(WorkingDirectory.of(in), component)) : dir.join(component);
        if (atEnd) matchFile(next, types, found);
        else doGlob(next, true, pat.substring(p + 1), found);
    }

    private static boolean hasGlobCharacter(String s) {
        for (int i = 0; i < s.length(); i++) if ("*[]?\\".indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    /** SkipToChar: the index of c at brace level 0 before end (backslash quotes), or -1. */
    private static int skipTo(String s, int from, int end, char c) {
        int level = 0;
        boolean quoted = false;
        for (int i = from; i < end; i++) {
            char ch = s.charAt(i);
            if (quoted) { quoted = false; continue; }
            if (level == 0 && ch == c) return i;
            if (ch == '{') level++;
            else if (ch == '}') level--;
            else if (ch == '\\') quoted = true;
        }
        return -1;
    }

    /** TclpMatchInDirectory with a pattern: the entries of a directory that match, in directory order. */
    private void matchInDirectory(Prefix dir, String pattern, Types want, List<Prefix> found) throws TclException {
        Path d = dir == null ? WorkingDirectory.of(in) : dir.path();
        if (d == null || !Files.isDirectory(d)) return;
        boolean hiddenPattern = pattern.startsWith(".") || pattern.startsWith("\\.");
        boolean hidden = hiddenPattern || want != null && (want.perms() & HIDDEN) != 0;
        List<String> names = new ArrayList<>();
        if (hidden) names.addAll(List.of(".", ".."));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path q : ds) names.add(q.getFileName().toString());
        } catch (AccessDeniedException e) {
            String shown = dir == null || dir.shown().isEmpty() ? "." : dir.shown();
            throw TclException.error("couldn't read directory \"" + shown + (shown.endsWith("/") ? "" : "/") + "\": permission denied",
                    "POSIX", "EACCES", "permission denied");
        } catch (IOException e) {
            return;
        }
        for (String name : names) {
            if (name.startsWith(".") != hidden) continue;
            if (!GlobMatch.matches(pattern, name)) continue;
            Prefix match = dir == null ? new Prefix(name, d.resolve(name)) : dir.join(name);
            if (want == null || matchesType(match.path(), name, want)) found.add(match);
        }
    }

    /** TclpMatchInDirectory without a pattern: the file itself, if it exists and is of the type. */
    private static void matchFile(Prefix file, Types want, List<Prefix> found) {
        String shown = file.shown();
        String tail = shown.substring(shown.lastIndexOf('/', shown.length() - 2) + 1);
        boolean ok = want == null ? file.path() != null && Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)
                : matchesType(file.path(), tail, want);
        if (ok) found.add(file);
    }

    /** NativeMatchType: permissions (by stat) and then any one of the kinds. */
    private static boolean matchesType(Path p, String tail, Types want) {
        if (p == null) return false;
        int mode;
        try {
            mode = (Integer) Files.getAttribute(p, "unix:mode");
        } catch (IOException | UnsupportedOperationException e) {
            return (want.kinds() & LINK) != 0 && Files.isSymbolicLink(p);
        }
        int perms = want.perms();
        if ((perms & READONLY) != 0 && (mode & 0222) != 0) return false;
        if ((perms & READ) != 0 && !Files.isReadable(p)) return false;
        if ((perms & WRITE) != 0 && !Files.isWritable(p)) return false;
        if ((perms & EXECUTE) != 0 && !Files.isExecutable(p)) return false;
        if ((perms & HIDDEN) != 0 && !tail.startsWith(".")) return false;
        if (want.kinds() == 0) return true;
        int kind = switch (mode & 0170000) {
            case 0060000 -> BLOCK;
            case 0020000 -> CHAR;
            case 0040000 -> DIR;
            case 0010000 -> PIPE;
            case 0140000 -> SOCKET;
            case 0100000 -> FILE;
            default -> 0;
        };
        return (want.kinds() & kind) != 0 || (want.kinds() & LINK) != 0 && Files.isSymbolicLink(p);
    }

    /** A name under a directory, or null where no system call would accept it (a NUL in it). */
    private static Path resolve(Path dir, String name) {
        if (dir == null || WorkingDirectory.refused(name)) return null;
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
