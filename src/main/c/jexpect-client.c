/*
 * jexpect-client: runs a script in jexpect's resident server (README.md, "Resident mode").
 *
 * usage (by the launcher): jexpect-client DIR NJARS JAR... NWORDS SERVER-COMMAND... [jexpect args...]
 *   DIR             the socket directory (made 0700; must be ours and private)
 *   JAR...          the class path's jars: their paths, sizes and times, with the server command,
 *                   make the key in the socket's name, so a rebuilt tree never meets a stale server
 *   SERVER-COMMAND  how to start the server (java ... io.jexpect.server.ResidentServer ...)
 *
 * It connects to DIR/BUILD-LOCALE.sock (starting the server, detached, when nobody listens), sends its
 * standard input, output and error (and its controlling terminal, when it has one) as descriptors with its pid, the signals it ignores, its
 * directory, arguments and environment; then forwards the signals the script handles and waits
 * for the end: an exit status, or a signal to die by, which it then dies by itself.
 * A C program because it must start in a millisecond: a Python client alone costs ~45 ms here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <dirent.h>
#include <unistd.h>

extern char **environ;

/* Frame types and dispositions: io.jexpect.server.Frame. */
enum { RUN = 'R', SIGNAL = 'S', STOP = 'Q', STATUS = 'T' };
enum { STARTED = 'A', DISPOSITION = 'D', EXIT = 'X', KILLED = 'K', TEXT = 'M' };
enum { DEFAULT = 0, IGNORE = 1, FORWARD = 2 };
#define MAXSIG 64

static int signal_pipe[2] = {-1, -1};

/*
 * What the server keeps of the environment of the client that starts it: the locale, which sets
 * the JVM's encoding of file names (and is part of the key), PATH and HOME. Nothing else: a
 * script sees its own client's environment, and a daemon must not carry one caller's variables
 * (a test harness that kills every process carrying its marker would kill the server).
 */
static const char *const SERVER_ENV[] = {"LANG", "LC_ALL", "LC_CTYPE", "PATH", "HOME", NULL};

static void die(const char *what) {
    fprintf(stderr, "jexpect: resident mode: %s\n", what);
    exit(1);
}

/* A growing byte buffer for one frame. */
struct buf { unsigned char *p; size_t n, cap; };

static void put(struct buf *b, const void *data, size_t n) {
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 256;
        b->p = realloc(b->p, b->cap);
        if (!b->p) die("out of memory");
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put32(struct buf *b, uint32_t v) {
    unsigned char c[4] = {v, v >> 8, v >> 16, v >> 24};
    put(b, c, 4);
}

static void put64(struct buf *b, uint64_t v) {
    put32(b, (uint32_t) v);
    put32(b, (uint32_t) (v >> 32));
}

static void putstr(struct buf *b, const char *s) {
    size_t n = strlen(s);
    put32(b, (uint32_t) n);
    put(b, s, n);
}

/* Starts a frame: its length is filled in by finish(). */
static void begin(struct buf *b, char type) {
    b->n = 0;
    put32(b, 0);
    put(b, &type, 1);
}

static void finish(struct buf *b) {
    uint32_t len = (uint32_t) (b->n - 4);
    unsigned char c[4] = {len, len >> 8, len >> 16, len >> 24};
    memcpy(b->p, c, 4);
}

static uint32_t get32(const unsigned char *p) {
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t) p[3] << 24;
}

static int write_all(int fd, const void *p, size_t n) {
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t) w;
    }
    return 0;
}

/* FNV-1a, 64 bits. */
static uint64_t hash(uint64_t h, const void *p, size_t n) {
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) h = (h ^ c[i]) * 1099511628211ULL;
    return h;
}

static void private_dir(const char *dir) {
    struct stat st;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) die("cannot make the socket directory");
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) die("the socket directory is not a directory");
    if (st.st_uid != getuid() || (st.st_mode & 077) != 0) die("the socket directory is not private to this user");
}

static int connect_to(const char *path) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof a.sun_path) die("socket path too long");
    strcpy(a.sun_path, path);
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) die("socket failed");
    if (connect(s, (struct sockaddr *) &a, sizeof a) == 0) return s;
    close(s);
    return -1;
}

/* Starts the server detached (its own session, output to LOG); returns when it listens or died. */
static void start_server(char **cmd, int ncmd, const char *sock, const char *log) {
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) die("pipe failed");
    pid_t child = fork();
    if (child < 0) die("fork failed");
    if (child == 0) {
        setsid();
        if (fork() != 0) _exit(0); /* the server is nobody's child: never our zombie */
        if (chdir("/") != 0) _exit(127); /* it holds no caller's directory busy */
        int nul = open("/dev/null", O_RDONLY);
        int out = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (nul < 0 || out < 0) _exit(127);
        dup2(nul, 0);
        dup2(out, 1);
        dup2(out, 2);
        dup2(ready[1], 3); /* without close-on-exec: the server closes it when it listens */
        for (int fd = 4; fd < 1024; fd++) close(fd);
        for (int s = 1; s <= MAXSIG; s++) signal(s, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        char **argv = calloc((size_t) ncmd + 7, sizeof *argv);
        int i = 0;
        for (; i < ncmd; i++) argv[i] = cmd[i];
        argv[i++] = "--socket";
        argv[i++] = (char *) sock;
        argv[i++] = "--ready-fd";
        argv[i++] = "3";
        char *envp[sizeof SERVER_ENV / sizeof *SERVER_ENV];
        int k = 0;
        for (const char *const *name = SERVER_ENV; *name; name++) {
            const char *v = getenv(*name);
            if (!v) continue;
            envp[k] = malloc(strlen(*name) + strlen(v) + 2);
            sprintf(envp[k++], "%s=%s", *name, v);
        }
        envp[k] = NULL;
        execve(argv[0], argv, envp);
        _exit(127);
    }
    close(ready[1]);
    waitpid(child, NULL, 0);
    char c;
    while (read(ready[0], &c, 1) < 0 && errno == EINTR) {
    }
    close(ready[0]);
}

/* Connects, starting the server first when nobody listens; one starter at a time (a lock). */
static int connect_or_start(char **cmd, int ncmd, const char *dir, const char *key) {
    char sock[4096], lock[4096], log[4096];
    snprintf(sock, sizeof sock, "%s/%s.sock", dir, key);
    int s = connect_to(sock);
    if (s >= 0) return s;
    snprintf(lock, sizeof lock, "%s/%s.start", dir, key);
    snprintf(log, sizeof log, "%s/%s.log", dir, key);
    int l = open(lock, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (l < 0 || flock(l, LOCK_EX) != 0) die("cannot lock the server's start");
    s = connect_to(sock);
    if (s < 0) {
        start_server(cmd, ncmd, sock, log);
        s = connect_to(sock);
    }
    close(l);
    if (s < 0) {
        fprintf(stderr, "jexpect: resident mode: the server did not start; see %s\n", log);
        exit(1);
    }
    return s;
}

static void on_signal(int sig) {
    unsigned char c = (unsigned char) sig;
    int saved = errno;
    (void) !write(signal_pipe[1], &c, 1);
    errno = saved;
}

static void set_disposition(int sig, int how) {
    if (sig < 1 || sig > MAXSIG || sig == SIGKILL || sig == SIGSTOP) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = how == FORWARD ? on_signal : how == IGNORE ? SIG_IGN : SIG_DFL;
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, NULL);
}

static void die_by(int sig) {
    set_disposition(sig, DEFAULT);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);
    exit(128 + sig); /* a signal whose default is not to die */
}

/* Reads exactly n bytes; 0 at the end of the stream. */
static int read_all(int fd, unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return 0;
        p += r;
        n -= (size_t) r;
    }
    return 1;
}

/*
 * Waits for the server's frames (and forwards signals meanwhile); exits as the script ended.
 * Returns only when the connection ended before the server took the script (it was going idle).
 */
static void wait_for_end(int s) {
    int started = 0;
    struct buf frame = {0};
    for (;;) {
        struct pollfd p[2] = {{s, POLLIN, 0}, {signal_pipe[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            die("poll failed");
        }
        if (p[1].revents & POLLIN) {
            unsigned char sigs[64];
            ssize_t n = read(signal_pipe[0], sigs, sizeof sigs);
            for (ssize_t i = 0; i < n; i++) {
                begin(&frame, SIGNAL);
                put32(&frame, sigs[i]);
                finish(&frame);
                write_all(s, frame.p, frame.n);
            }
        }
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        unsigned char head[5];
        if (!read_all(s, head, 5)) {
            if (!started) return;
            die("lost the connection to the server");
        }
        uint32_t len = get32(head);
        if (len < 1 || len > (64u << 20)) die("bad frame from the server");
        unsigned char *body = malloc(len);
        if (!body || !read_all(s, body, len - 1)) die("lost the connection to the server");
        switch (head[4]) {
            case STARTED: started = 1; break;
            case DISPOSITION: if (len >= 9) set_disposition((int) get32(body), (int) get32(body + 4)); break;
            case TEXT: fwrite(body, 1, len - 1, stdout); putchar('\n'); fflush(stdout); started = 1; break;
            case EXIT: exit(len >= 5 ? (int) get32(body) : 1);
            case KILLED: die_by(len >= 5 ? (int) get32(body) : SIGKILL); break;
            default: break;
        }
        free(body);
    }
}

/*
 * The controlling terminal, opened by its own name (/dev/pts/N): a descriptor of /dev/tty would
 * name the server's, which has none. Its device number is in /proc/self/stat; a pseudo-terminal's
 * name follows from it, another's is in /sys. -1: none.
 */
static int open_terminal(void) {
    char text[1024], dev[300];
    int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return -1;
    text[n] = 0;
    char *p = strrchr(text, ')');
    unsigned tty;
    if (!p || sscanf(p, ") %*c %*d %*d %*d %u", &tty) != 1 || tty == 0) return -1;
    unsigned major = (tty >> 8) & 0xfff, minor = (tty & 0xff) | ((tty >> 12) & 0xfff00);
    if (major >= 136 && major <= 143) {
        snprintf(dev, sizeof dev, "/dev/pts/%u", (major - 136) * 256 + minor);
    } else {
        snprintf(dev, sizeof dev, "/sys/dev/char/%u:%u/uevent", major, minor);
        fd = open(dev, O_RDONLY | O_CLOEXEC);
        n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
        if (fd >= 0) close(fd);
        if (n <= 0) return -1;
        text[n] = 0;
        char *name = strstr(text, "DEVNAME=");
        if (!name) return -1;
        name[8 + strcspn(name + 8, "\n")] = 0;
        snprintf(dev, sizeof dev, "/dev/%s", name + 8);
    }
    struct stat st;
    fd = open(dev, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd >= 0 && (fstat(fd, &st) != 0 || st.st_rdev != makedev(major, minor))) { /* another namespace's */
        close(fd);
        fd = -1;
    }
    return fd;
}

/*
 * Sends a frame, with fds 0, 1 and 2 attached when pass_fds, and the controlling terminal when
 * there is one (stty, interact and send_tty act on it, as in a plain run).
 */
static int send_frame(int s, struct buf *b, int pass_fds) {
    if (!pass_fds) return write_all(s, b->p, b->n);
    int fds[4];
    for (int i = 0; i < 3; i++) {
        fds[i] = i;
        if (fcntl(i, F_GETFD) < 0) fds[i] = open("/dev/null", i == 0 ? O_RDONLY : O_WRONLY); /* a closed stream */
    }
    fds[3] = open_terminal();
    size_t nfds = fds[3] < 0 ? 3 : 4;
    union { struct cmsghdr h; char space[CMSG_SPACE(sizeof fds)]; } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {b->p, b->n};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.space,
                       .msg_controllen = CMSG_SPACE(nfds * sizeof *fds)};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(nfds * sizeof *fds);
    memcpy(CMSG_DATA(c), fds, nfds * sizeof *fds);
    ssize_t w;
    do w = sendmsg(s, &m, MSG_NOSIGNAL); while (w < 0 && errno == EINTR);
    if (fds[3] >= 0) close(fds[3]);
    if (w < 0) return -1;
    return w == (ssize_t) b->n ? 0 : write_all(s, b->p + w, b->n - (size_t) w);
}

static void usage_server(FILE *f) {
    fputs("usage: jexpect --server start|status|stop [--all]\n"
          "  start       start the resident server of this jexpect and this locale (if it is not running)\n"
          "  status      list every resident server of this user: pid, build, locale, uptime, scripts\n"
          "              running and served, idle limit (status 3 when none of this jexpect runs)\n"
          "  stop        stop the servers of this jexpect, in every locale, and wait for them to exit\n"
          "              (scripts still running end with status 143, their programs too)\n"
          "  stop --all  stop every server of this user, of any build\n"
          "A server serves one build and one locale (LANG, LC_ALL, LC_CTYPE).\n"
          "Resident mode (JEXPECT_RESIDENT=1) runs scripts in one warm JVM; see README.md.\n", f);
}

/*
 * Sends a request that needs no script (STATUS, STOP) and prints the server's answer, each line
 * after LABEL; returns the server's exit status, or -1 when the connection ended first.
 */
static int ask(int s, char type, const char *label) {
    struct buf b = {0};
    begin(&b, type);
    finish(&b);
    if (send_frame(s, &b, 0) != 0) return -1;
    for (;;) {
        unsigned char head[5];
        if (!read_all(s, head, 5)) return -1;
        uint32_t len = get32(head);
        if (len < 1 || len > (64u << 20)) return -1;
        unsigned char *body = malloc(len);
        if (!body || !read_all(s, body, len - 1)) return -1;
        if (head[4] == TEXT) printf("%s%.*s\n", label, (int) (len - 1), body);
        int status = head[4] == EXIT && len >= 5 ? (int) get32(body) : -2;
        free(body);
        if (status != -2) return status;
    }
}

/* Waits (up to 30 s) for the server of SOCKET to exit: until then it holds a lock on SOCKET.lock. */
static void await_exit(const char *socket) {
    char path[4096 + 8];
    snprintf(path, sizeof path, "%s.lock", socket);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct flock f = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    for (int i = 0; i < 1500 && fcntl(fd, F_SETLK, &f) != 0; i++) usleep(20000);
    close(fd);
}

static int is_socket_name(const struct dirent *e) {
    size_t n = strlen(e->d_name);
    return n > 5 && strcmp(e->d_name + n - 5, ".sock") == 0;
}

/*
 * --server status and stop reach every server in DIR: status lists them all (labelled by whether
 * they serve this build, and this locale), stop those of BUILD (every one with all). A socket
 * nobody listens on (a server that was killed) is passed over.
 */
static int every_server(const char *dir, const char *build, const char *key, int stop, int all) {
    struct dirent **names;
    int n = scandir(dir, &names, is_socket_name, alphasort), ours = 0;
    size_t nbuild = strlen(build), nkey = strlen(key);
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        int this_build = strncmp(name, build, nbuild) == 0 && name[nbuild] == '-';
        int this_locale = strncmp(name, key, nkey) == 0 && name[nkey] == '.';
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        free(names[i]);
        if (stop && !this_build && !all) continue;
        int s = connect_to(path);
        if (s < 0) continue;
        const char *label = stop ? "" : this_locale ? "jexpect resident server (this jexpect): "
                : this_build ? "jexpect resident server (this jexpect, another locale): "
                : "jexpect resident server (another jexpect or build): ";
        if (ask(s, stop ? STOP : STATUS, label) == 0 && (stop || this_build)) ours++;
        close(s);
        if (stop) await_exit(path);
    }
    if (n > 0) free(names);
    if (ours == 0) printf("jexpect: no resident server running%s (in %s)\n", all ? "" : " for this jexpect", dir);
    return ours > 0 || stop ? 0 : 3;
}

int main(int argc, char **argv) {
    if (argc < 4) die("bad arguments from the launcher");
    const char *dir = argv[1];
    int njars = atoi(argv[2]);
    if (njars < 0 || 3 + njars >= argc) die("bad arguments from the launcher");
    char **jars = argv + 3;
    int ncmd = atoi(argv[3 + njars]);
    char **cmd = argv + 4 + njars;
    if (ncmd < 1 || 4 + njars + ncmd > argc) die("bad arguments from the launcher");
    char **args = cmd + ncmd;
    int nargs = argc - (4 + njars + ncmd);

    /* The key, BUILD-LOCALE: the build's part is shared by its servers in every locale. */
    uint64_t h = 14695981039346656037ULL, l = h;
    for (int i = 0; i < ncmd; i++) h = hash(h, cmd[i], strlen(cmd[i]) + 1);
    for (int i = 0; i < 3; i++) { /* the locale: LANG, LC_ALL, LC_CTYPE */
        const char *v = getenv(SERVER_ENV[i]);
        l = hash(l, v ? v : "", v ? strlen(v) + 1 : 1);
    }
    for (int i = 0; i < njars; i++) {
        struct stat st;
        h = hash(h, jars[i], strlen(jars[i]) + 1);
        if (stat(jars[i], &st) == 0) {
            h = hash(h, &st.st_size, sizeof st.st_size);
            h = hash(h, &st.st_mtim, sizeof st.st_mtim);
        }
    }
    char build[17], key[32];
    snprintf(build, sizeof build, "%016llx", (unsigned long long) h);
    snprintf(key, sizeof key, "%s-%08lx", build, (unsigned long) (uint32_t) (l ^ l >> 32));
    private_dir(dir);

    if (nargs >= 1 && strcmp(args[0], "--server") == 0) {
        const char *what = nargs >= 2 ? args[1] : "";
        if (strcmp(what, "--help") == 0 || strcmp(what, "-h") == 0) {
            usage_server(stdout);
            return 0;
        }
        int stop = strcmp(what, "stop") == 0, all = nargs == 3 && stop && strcmp(args[2], "--all") == 0;
        if (nargs > 3 || (nargs == 3 && !all) || (!stop && strcmp(what, "start") != 0 && strcmp(what, "status") != 0)) {
            usage_server(stderr);
            return 2;
        }
        if (strcmp(what, "start") != 0) return every_server(dir, build, key, stop, all);
        int s = connect_or_start(cmd, ncmd, dir, key);
        int status = ask(s, STATUS, "jexpect resident server (this jexpect): ");
        if (status < 0) die("the server went away");
        return status;
    }

    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) die("pipe failed");
    /* Expect's default traps (SIGINT, SIGTERM; SIGHUP unless ignored) are the script's from its start. */
    uint64_t ignored = 0;
    for (int sig = 1; sig <= MAXSIG; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) ignored |= 1ULL << (sig - 1);
    }
    set_disposition(SIGINT, FORWARD);
    set_disposition(SIGTERM, FORWARD);
    if (!(ignored & 1ULL << (SIGHUP - 1))) set_disposition(SIGHUP, FORWARD);

    struct buf b = {0};
    begin(&b, RUN);
    put32(&b, (uint32_t) getpid());
    put64(&b, ignored);
    char *cwd = getcwd(NULL, 0);
    putstr(&b, cwd ? cwd : "/");
    put32(&b, (uint32_t) nargs);
    for (int i = 0; i < nargs; i++) putstr(&b, args[i]);
    uint32_t nenv = 0;
    for (char **e = environ; *e; e++) nenv++;
    put32(&b, nenv);
    for (char **e = environ; *e; e++) putstr(&b, *e);
    finish(&b);

    /* A server that goes idle just as we connect closes the connection before it takes the script: retry. */
    for (int attempt = 0; attempt < 3; attempt++) {
        int s = connect_or_start(cmd, ncmd, dir, key);
        if (send_frame(s, &b, 1) == 0) wait_for_end(s);
        close(s);
        usleep(20000);
    }
    die("the server closed every connection");
    return 1;
}
