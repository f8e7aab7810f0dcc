#ifndef KP_OS_H
#define KP_OS_H

/*
 * What kiemphieu needs of the operating system, in one place (git keeps
 * its Windows port in compat/mingw.c the same way): files, folders, paths,
 * processes and the terminal. src/os_posix.c implements it for Debian;
 * nothing else includes a system header for these. Private to the library
 * and the program. Paths are UTF-8. Functions that fail set errno.
 */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What identifies the contents of an open file at one moment: if any of
 * these changes, the file was written or replaced. */
struct kp_os_stamp {
	uint64_t size, dev, ino;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
};

/* Open `path` to read it, never blocking: a FIFO, a device, a folder or a
 * link to one is refused (-2, errno untouched); a file that cannot be
 * opened gives -1 with errno. On success the descriptor, and its size and
 * stamp when the pointers are not NULL. */
int kp_os_open_input(const char *path, struct kp_os_stamp *stamp);

/* The stamp of an open file; 0, or -1 with errno. */
int kp_os_fstamp(int fd, struct kp_os_stamp *stamp);

/* Non-zero when two stamps differ. */
int kp_os_stamp_changed(const struct kp_os_stamp *a, const struct kp_os_stamp *b);

/* Read up to n bytes at offset off, retrying on EINTR: the count, 0 at the
 * end, or -1 with errno. */
ssize_t kp_os_pread(int fd, void *buf, size_t n, uint64_t off);

int kp_os_close(int fd);

/* The absolute path with every link resolved, as a new string; NULL with
 * errno when it does not exist. */
char *kp_os_realpath(const char *path);
/* The same for path, which is the folder `real` (resolved already) joined
 * with `name`: on POSIX, when name is one plain name of a folder that is no
 * link, real/name without resolving every folder above it again (one
 * lstat for them all); anything else, and on Windows (whose resolution
 * also settles the case of each name), kp_os_realpath(path). */
char *kp_os_realpath_child(const char *real, const char *name, const char *path);

/* Non-zero when `inner` (a real path) is `outer` or inside it. */
int kp_os_path_within(const char *inner, const char *outer);

/* Non-zero when path is a symbolic link (not followed). */
int kp_os_is_link(const char *path);

/* Non-zero when path is a folder (links followed). */
int kp_os_is_dir(const char *path);

/* Non-zero when path is a regular file (links followed). */
int kp_os_is_file(const char *path);

/* 0 when something is at path (links followed), else -1 with errno
 * (ENOENT: nothing there). */
int kp_os_exists(const char *path);

/* The names in folder `dir` but those starting with '.', sorted by bytes,
 * as new strings (*names, NULL-ended; free each and the array): their
 * count, or -1 with errno when the folder cannot be read. */
long kp_os_list_dir(const char *dir, char ***names);

/* Make the folder (mode 0755 less the umask); an existing folder is not
 * an error: 0, or -1 with errno. */
int kp_os_mkdir(const char *dir);

/* Remove the file (not a folder): 0, or -1 with errno. */
int kp_os_remove(const char *path);

/* What is at path: the link itself unless follow. */
enum kp_os_kind { KP_OS_NONE, KP_OS_FILE, KP_OS_DIR, KP_OS_LINK, KP_OS_OTHER };
enum kp_os_kind kp_os_kind(const char *path, int follow);

/* Open what is at path (a device, a pipe, a file) to write into it as it
 * is: the descriptor, or -1 with errno. */
int kp_os_open_output(const char *path);

/* Write all of p[0..len) to fd, retrying on EINTR: 0, or -1 with errno. */
int kp_os_write_all(int fd, const void *p, size_t len);

/* The folder of the running program into dir[0..n): 0, or -1. */
int kp_os_exe_dir(char *dir, size_t n);

/* The processors this process may run on (at least 1). */
unsigned kp_os_cores(void);

/* This process's id, and whether process `pid` is still running. */
long kp_os_pid(void);
int kp_os_pid_alive(long pid);

/* The path of the regular file that file descriptor fd writes to (stdout
 * redirected to a file), as a new string, or NULL. */
char *kp_os_fd_path(int fd);

/*
 * A new file for writing beside `path` (in its folder), named
 * ".NAME.kiemphieu-PID-RANDOM.tmp" so that one a crash left behind is
 * known as kiemphieu's own, with the permissions the umask gives (0666 &
 * ~umask, as any program's new file). Its name into *tmp (a new string);
 * the descriptor, or -1 with errno.
 */
int kp_os_create_temp(const char *path, char **tmp);

/* Put the finished file `tmp` at `path`, replacing whatever is there (a
 * file, or a link itself, never what a link points to): 0, or -1 with
 * errno. */
int kp_os_replace(const char *tmp, const char *path);

/* Put `tmp` at `path` only if nothing is there: 0, or -1 with errno
 * (EEXIST when something is). */
int kp_os_place_new(const char *tmp, const char *path);

/* Remove the temporary files of kiemphieu processes no longer running
 * (named as kp_os_create_temp names them) from the folder `dir`. */
void kp_os_remove_stale_temps(const char *dir);

/* Flush an open file to disk: 0, or -1 with errno (EINVAL, a device that
 * cannot be flushed, is not an error). */
int kp_os_fsync(int fd);

/* The columns of the terminal fd is, or 0 when it is not a terminal. */
unsigned kp_os_terminal_columns(int fd);

/* Non-zero when fd is a terminal. */
int kp_os_isatty(int fd);

/* --- what the program's start and the rest of the code ask of the system --- */

/* At the start of main: on Windows the arguments as UTF-8 (from the wide
 * command line), standard streams in binary (a '\n' stays one byte) and a
 * console set to UTF-8 with colour sequences on; nothing elsewhere. */
void kp_os_init(int *argc, char ***argv);

/* Where the catalogues of gettext's `domain` are (a folder in UTF-8;
 * Windows' libintl takes it wide, for a folder with Vietnamese in its
 * name). */
void kp_os_bindtextdomain(const char *domain, const char *dir);

/* Non-zero when a write to standard output failed with err because its
 * reader has gone (`kiemphieu ... | head`): not worth a message. */
int kp_os_output_gone(int err);

/* Set an environment variable for this process: 0, or -1. */
int kp_os_setenv(const char *name, const char *value);

/* The language of the user's interface when the environment names none:
 * "vi" or "en" from Windows' UI language; NULL elsewhere. */
const char *kp_os_ui_language(void);

/* The folder for temporary files ($TMPDIR, /tmp; Windows' own), as a new
 * string. */
char *kp_os_temp_dir(void);

/* errnum's description in English, whatever the locale, or NULL. */
const char *kp_os_strerror(int errnum);

/* qsort with a context for the comparison. */
void kp_os_sort(void *base, size_t n, size_t size,
		int (*cmp)(const void *, const void *, void *), void *ctx);

/* Non-zero for a character that separates folders in a path ('/'; on
 * Windows '\' too), and the one to join with under `path` (the one it
 * already uses). */
int kp_os_is_sep(int c);
int kp_os_is_absolute(const char *path);
char kp_os_sep_for(const char *path);

/* Non-zero when this process has a console of its own that closes when
 * it ends (a program started by dropping a folder on it in Explorer). */
int kp_os_console_closes(void);

/* Wait until a key is pressed (on that console). */
void kp_os_wait_key(void);

/*
 * Character sets, with the semantics of iconv(3): UTF-16LE, UTF-16BE and
 * CP1258 to UTF-8, and UTF-8 to UTF-16LE. kp_os_conv returns (size_t)-1
 * with errno EILSEQ (invalid input at *in), EINVAL (input cut in a
 * character) or E2BIG (no room); in == NULL ends the input (and resets).
 */
struct kp_os_conv;
struct kp_os_conv *kp_os_conv_open(const char *to, const char *from);
size_t kp_os_conv(struct kp_os_conv *cd, char **in, size_t *inleft, char **out,
		  size_t *outleft);
void kp_os_conv_close(struct kp_os_conv *cd);

/* --- shared by the platform modules (src/os_common.c) --- */

/* The name of a temporary file beside `path` for process pid, with six
 * random letters drawn from *seed, into out[0..n). */
void kp_os_temp_name(char *out, size_t n, const char *path, long pid, uint64_t *seed);

/* The pid in a name made by kp_os_temp_name, or 0 for any other name. */
long kp_os_temp_pid(const char *name);

/* Sort names by their bytes. */
void kp_os_sort_names(char **v, size_t n);

/*
 * The function `sym` of kiemphieu's module `name` (kiemphieu-NAME.so: the
 * code that needs a large library, loaded only when it is used), looked
 * for beside the program, in ../lib/kiemphieu from it and in the folder
 * make install puts it in; NULL when it
 * cannot be loaded, with the reason in *why (static text).
 */
void *kp_os_module_sym(const char *name, const char *sym, const char **why);

#endif
