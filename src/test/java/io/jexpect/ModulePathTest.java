package io.jexpect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Programs;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jexpect as a module on the module path, as a modular application uses it: the API works with its
 * dependency as a module (antlr4-runtime), the .exp engine is found through the
 * service loader, and the internal packages are out of reach.
 */
class ModulePathTest {
    @TempDir
    Path dir;

    /** The module (target/classes), its runtime libraries (target/lib) and the JUnit Platform's engine API. */
    private static String modulePath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.exists(p.resolve("module-info.class"))) {
                entries.add(e);
                try (Stream<Path> jars = Files.list(p.resolveSibling("lib"))) {
                    jars.map(Path::toString).sorted().forEach(entries::add);
                }
            } else if (p.getFileName().toString().matches("(junit-platform-(engine|commons)|opentest4j|apiguardian-api)-.*\\.jar")) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private String compile(Path out, String moduleInfo, String mainClass) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + out.getFileName()));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("demo/Main.java"), mainClass);
        StringWriter messages = new StringWriter();
        boolean ok = ToolProvider.getSystemJavaCompiler().getTask(messages, null, null,
                List.of("-d", out.toString(), "--module-path", modulePath(), "--class-path", out.toString()), null,
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null)
                        .getJavaFileObjects(src.resolve("module-info.java"), src.resolve("demo/Main.java"))).call();
        return ok ? "" : messages.toString();
    }

    private static final String DEMO_MODULE = """
            module demo {
                requires io.jexpect;
                requires org.junit.platform.engine;
                uses org.junit.platform.engine.TestEngine;
            }
            """;

    @Test
    void aModularApplicationUsesTheApiAndFindsTheEngine() throws Exception {
        Path out = dir.resolve("demo");
        assertThat(compile(out, DEMO_MODULE, """
                package demo;

                import io.jexpect.api.ExpectSession;
                import io.jexpect.api.TclInterpreter;
                import java.util.ServiceLoader;
                import org.junit.platform.engine.TestEngine;

                public class Main {
                    public static void main(String[] args) {
                        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "read x; echo got $x")) {
                            s.sendLine("hi");
                            System.out.println(s.expectRegex("got (\\\\w+)").group(1));
                        }
                        try (TclInterpreter tcl = TclInterpreter.create()) {
                            System.out.println(tcl.eval("log_user 0; spawn echo tcl; expect -re {t(c)l}; string toupper $expect_out(1,string)"));
                        }
                        for (TestEngine e : ServiceLoader.load(TestEngine.class)) System.out.println("engine " + e.getId());
                    }
                }
                """)).isEmpty();
        Programs.Result r = Programs.run(dir, Map.of(), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=io.jexpect", "--module-path", modulePath() + File.pathSeparator + out,
                "-m", "demo/demo.Main"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hi\nC\nengine jexpect\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void theInternalPackagesAreOutOfReach() throws Exception {
        String errors = compile(dir.resolve("internal"), DEMO_MODULE, """
                package demo;

                public class Main {
                    io.jexpect.engine.Session session;
                    io.jexpect.interp.Interp interp;
                }
                """);
        assertThat(errors).contains("package io.jexpect.engine is not visible", "package io.jexpect.interp is not visible")
                .contains("(package io.jexpect.engine is declared in module io.jexpect, which does not export it)");
    }
}
