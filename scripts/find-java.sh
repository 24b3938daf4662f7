# Sourced by jexpect's scripts: sets JAVA_HOME to a JDK >= 21 or explains what to install.
# Looks at $JAVA_HOME, `java` on PATH, then the usual install folders.
jexpect_java_ok() { # JAVA_HOME candidate
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    # The release file names the version without starting a JVM (startup time matters here).
    if [ -f "$1/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
    else
        v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    fi
    [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null
}
jexpect_find_java() {
    for c in "${JAVA_HOME:-}" \
             "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
             /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*21* /usr/lib/jvm/* \
             /opt/java/* /opt/jdk* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -n "$c" ] && jexpect_java_ok "$c" && { JAVA_HOME=$c; export JAVA_HOME; return 0; }
    done
    echo "jexpect: needs a JDK 21 or newer (found none in JAVA_HOME, PATH or /usr/lib/jvm)." >&2
    echo "jexpect: install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
    return 1
}
