package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * {@code file tempfile ?nameVar? ?template?} as Tcl 8.6 on Unix (TclFileTemporaryCmd,
 * TclpOpenTemporaryFile): a new file "dir/base_XXXXXX.ext" made with O_EXCL and mode 0600, opened
 * for reading and writing; without nameVar the file is unlinked at once and lives on in the channel.
 */
final class TempFile {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFile() {}

    static Value create(Interp in, Value[] a) throws TclException {
        if (a.length > 4) throw TclException.wrongArgs(a, 2, "?nameVar? ?template?");
        String template = a.length > 3 ? a[3].toString() : "";
        String dir = null, base = null, ext = null;
        if (!template.isEmpty()) {
            if (template.indexOf('/') >= 0) dir = FileCommands.dirname(template);
            if (!template.endsWith("/")) {
                List<String> parts = FileCommands.split(template);
                String tail = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
                int dot = FileCommands.extensionStart(tail);
                base = dot < 0 ? tail : tail.substring(0, dot);
                int extDot = FileCommands.extensionStart(template);
                ext = extDot < 0 ? null : template.substring(extDot);
            }
        }
        String prefix = (dir != null ? dir : defaultDirectory(in)) + "/" + (base != null ? base : "tcl") + "_";
        String name;
        FileChannel fc;
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int k = 0; k < 6; k++) sb.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            if (ext != null) sb.append(ext);
            name = sb.toString();
            Path p = WorkingDirectory.of(in).resolve(name);
            try {
                fc = FileChannel.open(p, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(FileCommands.modeToPermissions(0600)));
                if (a.length < 3) Files.delete(p);
                break;
            } catch (FileAlreadyExistsException taken) {
                // another name, as mkstemp tries
            } catch (IOException e) {
                throw PosixError.of(e).error("can't create temporary file");
            }
        }
        Channel ch = in.channels().addFile(a.length < 3 ? null : WorkingDirectory.of(in).resolve(name), fc, true, true, false);
        if (a.length > 2) {
            try {
                in.setVar(a[2].toString(), Value.of(name));
            } catch (TclException e) {
                ch.close();
                in.channels().remove(ch.name());
                throw e;
            }
        }
        return Value.of(ch.name());
    }

    /** TMPDIR when it names a writable directory, else /tmp. */
    private static String defaultDirectory(Interp in) {
        Value tmp = in.getGlobalOrNull("env(TMPDIR)");
        if (tmp != null && !tmp.toString().isEmpty()) {
            Path p = Path.of(tmp.toString());
            if (Files.isDirectory(p) && Files.isWritable(p)) return tmp.toString();
        }
        return "/tmp";
    }
}
