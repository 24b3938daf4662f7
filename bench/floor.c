/*
 * bench/floor.c — the "floor" tool of scripts/bench: each workload done with bare system calls
 * (forkpty, write, poll, read, waitpid) and memmem for the awaited text, with no interpreter and no
 * pattern engine. Its time is what the pty, the kernel and the spawned programs cost by themselves,
 * the least any Expect can take; scripts/bench compiles it with cc and reports the others against it.
 *
 * usage: floor empty | stream FILE KIND MATCHMAX | lines FILE MATCHMAX
 *              | roundtrip N echo|noecho | prompts N
 * (pexpect_bench.py's arguments; KIND and MATCHMAX are ignored: the floor only waits for the text).
 * It prints what the workload's script in bench/ prints. prompts runs
 * $BENCH_ROOT/examples/bin/echo_prompt.py.
 * No floor for hello world, for spawning (forkpty, Expect's way, measured slower here than
 * jexpect's spawn, so it would be no floor) or for regex5 (a regex engine is the work measured).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/* A spawned program on a pty and what it printed that was not consumed yet. */
typedef struct {
    int fd;
    pid_t pid;
    char *buf;
    size_t len, cap;
} Session;

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void spawn(Session *s, char **argv, int echo) {
    s->pid = forkpty(&s->fd, NULL, NULL, NULL);
    if (s->pid < 0) die("forkpty");
    if (s->pid == 0) {
        if (!echo) {
            struct termios t;
            tcgetattr(0, &t);
            t.c_lflag &= ~ECHO;
            tcsetattr(0, TCSANOW, &t);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    s->cap = 1 << 16;
    s->len = 0;
    s->buf = malloc(s->cap);
}

/* Reads what is there (waiting in poll when nothing is); 0 at the end of the output. */
static ssize_t fill(Session *s) {
    if (s->cap - s->len < 4096) {
        s->cap *= 2;
        s->buf = realloc(s->buf, s->cap);
    }
    for (;;) {
        struct pollfd p = {s->fd, POLLIN, 0};
        if (poll(&p, 1, -1) < 0 && errno != EINTR) die("poll");
        ssize_t n = read(s->fd, s->buf + s->len, s->cap - s->len);
        if (n > 0) {
            s->len += n;
            return n;
        }
        if (n == 0 || errno == EIO) return 0;
        if (errno != EINTR && errno != EAGAIN) die("read");
    }
}

/* Waits for TEXT and consumes the output through it; keeps only what could still begin it. */
static int expect(Session *s, const char *text) {
    size_t n = strlen(text);
    for (;;) {
        char *at = memmem(s->buf, s->len, text, n);
        if (at) {
            size_t end = at - s->buf + n;
            memmove(s->buf, s->buf + end, s->len - end);
            s->len -= end;
            return 1;
        }
        if (s->len >= n) { /* nothing before the last n-1 bytes can begin TEXT */
            memmove(s->buf, s->buf + s->len - (n - 1), n - 1);
            s->len = n - 1;
        }
        if (fill(s) == 0) return 0;
    }
}

static int finish(Session *s) {
    while (fill(s) > 0) s->len = 0;
    close(s->fd);
    int status;
    if (waitpid(s->pid, &status, 0) < 0) die("waitpid");
    free(s->buf);
    return status;
}

static int stream(char *file) {
    Session s;
    spawn(&s, (char *[]){"cat", file, NULL}, 1);
    if (!expect(&s, "##BENCH-END##")) return puts("EOF before marker"), 1;
    finish(&s);
    puts("OK");
    return 0;
}

static int lines(char *file) {
    Session s;
    spawn(&s, (char *[]){"cat", file, NULL}, 1);
    long count = 0;
    size_t at = 0;
    for (;;) {
        char *eol = memmem(s.buf + at, s.len - at, "\r\n", 2);
        if (!eol) {
            memmove(s.buf, s.buf + at, s.len - at);
            s.len -= at;
            at = 0;
            if (fill(&s) == 0) return printf("EOF after %ld lines\n", count), 1;
            continue;
        }
        size_t n = eol - (s.buf + at);
        if (n == 13 && memcmp(s.buf + at, "Hello there!!", 13) == 0) count++;
        else if (n == 21 && memcmp(s.buf + at, "=== END OF OUTPUT ===", 21) == 0) break;
        at += n + 2;
    }
    finish(&s);
    printf("OK %ld\n", count);
    return 0;
}

static int roundtrip(int count, int echo) {
    Session s;
    spawn(&s, (char *[]){"cat", NULL}, echo);
    char out[64], want[160];
    int ok = 0;
    for (int i = 1; i <= count; i++) {
        int n = snprintf(out, sizeof out, "line %d\r", i);
        if (echo) snprintf(want, sizeof want, "line %d\r\nline %d\r\n", i, i);
        else snprintf(want, sizeof want, "line %d\r\n", i);
        if (write(s.fd, out, n) != n) die("write");
        if (!expect(&s, want)) return printf("EOF at %d\n", i), 1;
        ok++;
    }
    close(s.fd);
    waitpid(s.pid, NULL, 0);
    printf("OK %d\n", ok);
    return 0;
}

static int prompts(int count) {
    const char *root = getenv("BENCH_ROOT");
    char program[4096];
    snprintf(program, sizeof program, "%s/examples/bin/echo_prompt.py", root ? root : ".");
    Session s;
    spawn(&s, (char *[]){"python3", program, NULL}, 1);
    char out[64], want[64];
    int echoed = 0;
    for (int i = 1; i <= count; i++) {
        if (!expect(&s, "Enter text to echo: ")) return printf("EOF after %d\n", i - 1), 1;
        int n = snprintf(out, sizeof out, "line %d\r", i);
        if (write(s.fd, out, n) != n) die("write");
        snprintf(want, sizeof want, "Echo: line %d\r\n", i);
        if (!expect(&s, want)) return printf("EOF after %d\n", i), 1;
        echoed++;
    }
    if (!expect(&s, "Enter text to echo: ") || write(s.fd, "quit\r", 5) != 5 || !expect(&s, "Goodbye."))
        return puts("no goodbye"), 1;
    finish(&s);
    printf("OK %d\n", echoed);
    return 0;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "empty")) return 0;
    if (!strcmp(mode, "stream") && argc > 2) return stream(argv[2]);
    if (!strcmp(mode, "lines") && argc > 2) return lines(argv[2]);
    if (!strcmp(mode, "roundtrip") && argc > 2) return roundtrip(atoi(argv[2]), !(argc > 3 && !strcmp(argv[3], "noecho")));
    if (!strcmp(mode, "prompts") && argc > 2) return prompts(atoi(argv[2]));
    fprintf(stderr, "floor: no floor for \"%s\" (see the usage at the top of bench/floor.c)\n", mode);
    return 2;
}
