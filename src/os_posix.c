/* The operating system, for Debian and other POSIX systems (src/os.h). */
#include "os.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <libintl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kiemphieu/xalloc.h"

static void stamp_of(const struct stat *st, struct kp_os_stamp *s)
{
	s->size = (uint64_t)st->st_size;
	s->dev = (uint64_t)st->st_dev;
	s->ino = (uint64_t)st->st_ino;
	s->mtime_s = (int64_t)st->st_mtim.tv_sec;
	s->mtime_ns = (int64_t)st->st_mtim.tv_nsec;
	s->ctime_s = (int64_t)st->st_ctim.tv_sec;
	s->ctime_ns = (int64_t)st->st_ctim.tv_nsec;
}

int kp_os_open_input(const char *path, struct kp_os_stamp *stamp)
{
	struct stat st;
	int fd;

	/* O_NONBLOCK: opening a FIFO to read waits for a writer, forever */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? -3 : -2;
	}
	/* (O_NONBLOCK stays: it changes nothing in reading a regular file) */
	if (stamp)
		stamp_of(&st, stamp);
	return fd;
}

int kp_os_fstamp(int fd, struct kp_os_stamp *stamp)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -1;
	stamp_of(&st, stamp);
	return 0;
}

int kp_os_stamp_changed(const struct kp_os_stamp *a, const struct kp_os_stamp *b)
{
	return a->size != b->size || a->dev != b->dev || a->ino != b->ino ||
	       a->mtime_s != b->mtime_s || a->mtime_ns != b->mtime_ns ||
	       a->ctime_s != b->ctime_s || a->ctime_ns != b->ctime_ns;
}

ssize_t kp_os_pread(int fd, void *buf, size_t n, uint64_t off)
{
	ssize_t r;

	do
		r = pread(fd, buf, n, (off_t)off);
	while (r < 0 && errno == EINTR);
	return r;
}

int kp_os_close(int fd)
{
	return close(fd);
}

char *kp_os_realpath(const char *path)
{
	return realpath(path, NULL);
}

char *kp_os_realpath_child(const char *real, const char *name, const char *path)
{
	struct stat st;
	size_t n;
	char *p;

	if (!real || !*real || !*name || strchr(name, '/') || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0)
		return realpath(path, NULL);
	n = strlen(real);
	p = kp_xmalloc(n + strlen(name) + 2);
	memcpy(p, real, n);
	if (real[n - 1] != '/')
		p[n++] = '/';
	strcpy(p + n, name);
	if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
		return p;
	free(p);
	return realpath(path, NULL);
}

int kp_os_path_within(const char *inner, const char *outer)
{
	size_t n = strlen(outer);

	if (n == 1 && outer[0] == '/')
		return inner[0] == '/';
	return strncmp(inner, outer, n) == 0 && (inner[n] == '\0' || inner[n] == '/');
}

int kp_os_is_link(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

int kp_os_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int kp_os_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

long kp_os_pid(void)
{
	return (long)getpid();
}

int kp_os_pid_alive(long pid)
{
	if (pid <= 0)
		return 0;
	/* EPERM: it runs, as someone else */
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

char *kp_os_fd_path(int fd)
{
	char link[64], *buf;
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	buf = malloc(PATH_MAX + 1);
	if (!buf)
		return NULL;
	n = readlink(link, buf, PATH_MAX);
	if (n <= 0 || buf[0] != '/') {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

int kp_os_create_temp(const char *path, char **tmp)
{
	size_t n = strlen(path) + 64;
	struct timespec ts;
	uint64_t seed;
	int fd, tries;

	*tmp = malloc(n);
	if (!*tmp)
		return -1;
	clock_gettime(CLOCK_REALTIME, &ts);
	seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
	       ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)tmp;
	for (tries = 0; tries < 100; tries++) {
		kp_os_temp_name(*tmp, n, path, (long)getpid(), &seed);
		/* 0666: the umask decides, as for any new file */
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
			  0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;

		free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return fd;
}

int kp_os_replace(const char *tmp, const char *path)
{
	return rename(tmp, path);
}

int kp_os_place_new(const char *tmp, const char *path)
{
	struct stat st;

	/* link() puts it in place only if nothing is there, atomically; a
	 * file system without links (FAT) gets a check and a rename */
	if (link(tmp, path) == 0)
		return 0;
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP)
		return -1;
	if (lstat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, path);
}

void kp_os_remove_stale_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		long pid = kp_os_temp_pid(de->d_name);
		struct stat st;
		char *p;
		size_t n;

		if (!pid || kp_os_pid_alive(pid))
			continue;
		n = strlen(dir) + strlen(de->d_name) + 2;
		p = malloc(n);
		if (!p)
			break;
		snprintf(p, n, "%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			unlink(p);
		free(p);
	}
	closedir(d);
}

int kp_os_fsync(int fd)
{
	if (fsync(fd) == 0 || errno == EINVAL)
		return 0;
	return -1;
}

unsigned kp_os_terminal_columns(int fd)
{
	struct winsize ws;

	if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0 || !ws.ws_col)
		return 0;
	return ws.ws_col;
}

int kp_os_isatty(int fd)
{
	return isatty(fd);
}

int kp_os_exe_dir(char *dir, size_t n)
{
	ssize_t len = readlink("/proc/self/exe", dir, n - 1);
	char *slash;

	if (len <= 0)
		return -1;
	dir[len] = '\0';
	slash = strrchr(dir, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return 0;
}

void *kp_os_module_sym(const char *name, const char *sym, const char **why)
{
	static struct { const char *name; void *h; } loaded[4];
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	static char reason[256];
	char dir[PATH_MAX], path[PATH_MAX + 64];
	void *h = NULL, *f;
	size_t i;

	pthread_mutex_lock(&mu);
	for (i = 0; i < 4 && loaded[i].name; i++)
		if (strcmp(loaded[i].name, name) == 0)
			h = loaded[i].h;
	if (!h && i < 4) {
		/* beside the program (build/, bin/), where make install puts
		 * it from there, and where it was built to be installed */
		static const char *const where[] = { "", "/../lib/kiemphieu", NULL };
		size_t k;

		const char *env = getenv("KIEMPHIEU_MODULES");

		reason[0] = '\0';
		if (env && env[0]) {
			/* the folder given, and only it */
			snprintf(path, sizeof(path), "%s/kiemphieu-%s.so", env, name);
			h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
			if (!h)
				snprintf(reason, sizeof(reason), "%s", dlerror());
		}
		for (k = 0; k < 3 && !h && !(env && env[0]); k++) {
			if (where[k] && kp_os_exe_dir(dir, sizeof(dir)) != 0)
				continue;
			if (where[k])
				snprintf(path, sizeof(path), "%s%s/kiemphieu-%s.so", dir,
					 where[k], name);
			else
				snprintf(path, sizeof(path), "%s/kiemphieu-%s.so",
					 KP_MODULEDIR, name);
			h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
			if (!h && (!reason[0] || access(path, F_OK) == 0))
				snprintf(reason, sizeof(reason), "%s", dlerror());
		}
		if (h) {
			loaded[i].name = name;
			loaded[i].h = h;
		}
	}
	pthread_mutex_unlock(&mu);
	if (!h) {
		if (why)
			*why = reason[0] ? reason : "its module was not found";
		return NULL;
	}
	f = dlsym(h, sym);
	if (!f && why)
		*why = "its module is of another version";
	return f;
}

int kp_os_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? 0 : -1;
}

long kp_os_list_dir(const char *dir, char ***names)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v;
	size_t n = 0, alloc = 0;

	*names = NULL;
	if (!d)
		return -1;
	v = kp_xgrow(NULL, &alloc, 1, sizeof(*v));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = kp_xgrow(v, &alloc, n + 2, sizeof(*v));
		v[n++] = kp_xstrdup(de->d_name);
	}
	closedir(d);
	v[n] = NULL;
	kp_os_sort_names(v, n);
	*names = v;
	return (long)n;
}

int kp_os_mkdir(const char *dir)
{
	return mkdir(dir, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

int kp_os_remove(const char *path)
{
	return unlink(path);
}

enum kp_os_kind kp_os_kind(const char *path, int follow)
{
	struct stat st;

	if ((follow ? stat(path, &st) : lstat(path, &st)) != 0)
		return KP_OS_NONE;
	return S_ISREG(st.st_mode) ? KP_OS_FILE : S_ISDIR(st.st_mode) ? KP_OS_DIR :
	       S_ISLNK(st.st_mode) ? KP_OS_LINK : KP_OS_OTHER;
}

int kp_os_open_output(const char *path)
{
	return open(path, O_WRONLY | O_CLOEXEC);
}

int kp_os_write_all(int fd, const void *p, size_t len)
{
	const char *c = p;

	while (len) {
		ssize_t w = write(fd, c, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

unsigned kp_os_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

void kp_os_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}

void kp_os_bindtextdomain(const char *domain, const char *dir)
{
	bindtextdomain(domain, dir);
}

int kp_os_output_gone(int err)
{
	return err == EPIPE;
}

int kp_os_setenv(const char *name, const char *value)
{
	return setenv(name, value, 1);
}

const char *kp_os_ui_language(void)
{
	return NULL;
}

char *kp_os_temp_dir(void)
{
	const char *t = getenv("TMPDIR");

	return kp_xstrdup(t && t[0] ? t : "/tmp");
}

const char *kp_os_strerror(int errnum)
{
	return strerrordesc_np(errnum);
}

void kp_os_sort(void *base, size_t n, size_t size,
		int (*cmp)(const void *, const void *, void *), void *ctx)
{
	qsort_r(base, n, size, cmp, ctx);
}

int kp_os_is_sep(int c)
{
	return c == '/';
}

int kp_os_is_absolute(const char *path)
{
	return path[0] == '/';
}

char kp_os_sep_for(const char *path)
{
	(void)path;
	return '/';
}

int kp_os_console_closes(void)
{
	return 0;
}

void kp_os_wait_key(void)
{
}

struct kp_os_conv {
	iconv_t cd;
};

/* gcc -fanalyzer takes iconv_open()'s failure value, (iconv_t)-1, for an
 * allocation that is never released; every handle opened is closed */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
struct kp_os_conv *kp_os_conv_open(const char *to, const char *from)
{
	iconv_t cd = iconv_open(to, from);
	struct kp_os_conv *c;

	if (cd == (iconv_t)-1)
		return NULL;
	c = kp_xmalloc(sizeof(*c));
	c->cd = cd;
	return c;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

size_t kp_os_conv(struct kp_os_conv *c, char **in, size_t *inleft, char **out,
		  size_t *outleft)
{
	return iconv(c->cd, in, inleft, out, outleft);
}

void kp_os_conv_close(struct kp_os_conv *c)
{
	if (c) {
		iconv_close(c->cd);
		free(c);
	}
}
