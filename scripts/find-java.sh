# Sourced by jexpect's launchers: sets JAVA_HOME to a JDK 25 or newer, or says what to install,
# and JEXPECT_JAVA_VERSION to its full version. Looks at $JAVA_HOME, `java` on PATH, then the
# usual install folders. Start-up time matters here: bash builtins only where it can.
jexpect_java_ok() { # JAVA_HOME candidate
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    JEXPECT_JAVA_VERSION=
    # The release file names the version without starting a JVM.
    if [ -f "$1/release" ]; then
        local line runtime=
        while IFS= read -r line; do
            line=${line%\"}
            case $line in
                JAVA_RUNTIME_VERSION=*) runtime=${line#*=\"} ;;
                JAVA_VERSION=*) JEXPECT_JAVA_VERSION=${line#*=\"} ;;
            esac
        done <"$1/release"
        JEXPECT_JAVA_VERSION=${runtime:-$JEXPECT_JAVA_VERSION}
    else
        JEXPECT_JAVA_VERSION=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
            sed -n 's/^ *java.runtime.version = //p')
    fi
    local major=${JEXPECT_JAVA_VERSION%%[!0-9]*}
    [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null
}
jexpect_find_java() {
    [ -n "${JAVA_HOME:-}" ] && jexpect_java_ok "$JAVA_HOME" && { export JAVA_HOME; return 0; }
    local java c
    java=$(command -v java) && java=$(readlink -f "$java") && java=${java%/bin/java}
    for c in "$java" \
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
