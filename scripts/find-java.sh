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
jexpect_java_on_path() { # sets java to the JDK folder of the `java` on PATH (empty without one)
    local dirs d bin
    java=
    IFS=: read -ra dirs <<<"$PATH"
    for d in "${dirs[@]}"; do [ -n "$d" ] && [ -f "$d/java" ] && [ -x "$d/java" ] && { bin=$d/java; break; }; done
    [ -n "${bin:-}" ] || return 0
    # PATH names the JDK's own bin folder; or its java is a link (/usr/bin/java, through
    # /etc/alternatives) to an installed JDK, which -ef recognises without a fork; or readlink says.
    [ -L "$bin" ] || { java=${bin%/bin/java}; return 0; }
    for d in "${installed[@]}"; do [ "$bin" -ef "$d/bin/java" ] && { java=$d; return 0; }; done
    java=$(readlink -f "$bin") && java=${java%/bin/java}
}
jexpect_find_java() {
    [ -n "${JAVA_HOME:-}" ] && jexpect_java_ok "$JAVA_HOME" && { export JAVA_HOME; return 0; }
    local java c installed=(/usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* /usr/lib/jvm/*
             /opt/java/* /opt/jdk* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home)
    jexpect_java_on_path
    for c in "$java" "${installed[@]}"; do
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

# Under an address-space limit (`ulimit -v`, which spawned programs inherit too) the JVM's defaults
# do not fit: it reserves 1 GB of class space, a heap of a quarter of the machine's memory, the
# launcher's -Xss for each of its ~25 threads, and glibc a 64 MB malloc arena per thread. Appends
# to the `jvm` array the sizes that fit LIMIT (kB). Fixed: what the JVM maps whatever it runs (the
# JDK's module image, libjvm, the class cache, 64 MB of metaspace, class space, code cache,
# libraries); of the room left, up to half for 32 thread stacks of 4-16 MB (Tcl's own tests of
# deep nesting need 4 MB) and the rest for the heap. A limit below the fixed part plus 144 MB says
# so and fails, where the JVM would fail with an error file.
jexpect_fit_memory() { # LIMIT
    local sizes fixed_mb room_mb stack_mb
    sizes=$(stat -L -c %s "$JAVA_HOME/lib/modules" "$JAVA_HOME/lib/server/libjvm.so" 2>/dev/null) || sizes=0
    fixed_mb=$((( ${sizes//$'\n'/+} ) / 1048576 + 24 + 64 + 32 + 16 + 40))
    room_mb=$(($1 / 1024 - fixed_mb))
    if ((room_mb < 32 * 4 + 16)); then
        echo "jexpect: the address-space limit (ulimit -v $1) is below what the JVM needs: about" \
            "$(((fixed_mb + 32 * 4 + 16) * 1024)) kB, $((${sizes%%$'\n'*} / 1024)) kB of it the JDK's module image" >&2
        return 1
    fi
    stack_mb=$((room_mb / 64))
    ((stack_mb < 4)) && stack_mb=4
    ((stack_mb > 16)) && stack_mb=16
    export MALLOC_ARENA_MAX=1
    jvm+=("-Xss${stack_mb}m" -XX:CompressedClassSpaceSize=32m -XX:ReservedCodeCacheSize=16m)
    # Above half the limit the JVM's own choice (the lesser of that and a quarter of the memory) fits.
    ((room_mb - 32 * stack_mb < $1 / 2048)) && jvm+=("-Xmx$((room_mb - 32 * stack_mb))m")
    return 0
}
