package io.jexpect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exported packages name no internal type: whatever a user can call takes and returns only
 * the JDK's types, the API's own, and the JUnit Platform's (the test engine) and AssertJ's (the
 * assertions).
 */
class ApiSurfaceTest {
    private static final List<String> EXPORTED = List.of("io.jexpect.api", "io.jexpect.api.assertions", "io.jexpect.harness");

    @Test
    void noInternalTypeInAnExportedSignature() throws Exception {
        TreeSet<String> leaks = new TreeSet<>();
        for (Class<?> c : exportedClasses()) {
            if (!visible(c)) continue;
            check(c.getGenericSuperclass(), c.getName() + " extends", leaks);
            for (Type t : c.getGenericInterfaces()) check(t, c.getName() + " implements", leaks);
            List<Member> members = new ArrayList<>();
            members.addAll(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredConstructors()));
            members.addAll(List.of(c.getDeclaredFields()));
            for (Member m : members) {
                if (m.isSynthetic() || !(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) continue;
                String where = c.getName() + "." + m.getName();
                if (m instanceof Field f) check(f.getGenericType(), where, leaks);
                if (m instanceof Method meth) check(meth.getGenericReturnType(), where, leaks);
                if (m instanceof Executable e) {
                    for (Type t : e.getGenericParameterTypes()) check(t, where, leaks);
                    for (Type t : e.getGenericExceptionTypes()) check(t, where, leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) return false;
        }
        return true;
    }

    private static void check(Type t, String where, TreeSet<String> leaks) {
        switch (t) {
            case null -> { }
            case Class<?> c when c.isArray() -> check(c.getComponentType(), where, leaks);
            case Class<?> c -> {
                String pkg = c.getPackageName();
                boolean ok = c.isPrimitive() || pkg.startsWith("java.") || EXPORTED.contains(pkg)
                        || pkg.startsWith("org.junit.platform.engine") || pkg.startsWith("org.assertj.core.api");
                if (!ok) leaks.add(where + ": " + c.getName());
            }
            case ParameterizedType p -> {
                check(p.getRawType(), where, leaks);
                for (Type a : p.getActualTypeArguments()) check(a, where, leaks);
            }
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) check(b, where, leaks);
                for (Type b : w.getLowerBounds()) check(b, where, leaks);
            }
            case GenericArrayType g -> check(g.getGenericComponentType(), where, leaks);
            case TypeVariable<?> v -> { } // its bounds are checked where it is declared
            default -> leaks.add(where + ": unknown " + t);
        }
    }

    private static List<Class<?>> exportedClasses() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
        Path classes = Path.of(Jexpect.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : EXPORTED) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".class") && !n.equals("package-info.class")) {
                        found.add(Class.forName(pkg + "." + n.substring(0, n.length() - 6)));
                    }
                }
            }
        }
        assertThat(found).extracting(Class::getSimpleName).contains("ExpectSession", "ExpTestEngine");
        return found;
    }
}
