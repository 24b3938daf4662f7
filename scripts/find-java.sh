# Sourced by jexpect's launchers: sets JAVA_HOME to a JDK 25 or newer, or says what to install.
# Looks at $JAVA_HOME, `java` on PATH, then the usual install folders.
jexpect_java_ok() { # JAVA_HOME candidate
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    # The release file names the version without starting a JVM (startup time matters here).
    if [ -f "$1/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
    else
        v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    fi
    [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}
jexpect_find_java() {
    for c in "${JAVA_HOME:-}" \
             "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
             /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* /usr/lib/jvm/* \
             /opt/java/* /opt/jdk* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -n "$c" ] && jexpect_java_ok "$c" && { JAVA_HOME=$c; export JAVA_HOME; return 0; }
    done
    cat >&2 <<'MSG'
jexpect: needs a JDK 25 or newer (found none in JAVA_HOME, on PATH or in /usr/lib/jvm).
jexpect: Debian 12 has no openjdk-25 package: add Adoptium's apt repository and install
jexpect: temurin-25-jdk (see adoptium.net/installation/linux), or unpack a JDK 25 tarball
jexpect: (e.g. Temurin 25 from adoptium.net) and set JAVA_HOME to its folder.
MSG
    return 1
}
