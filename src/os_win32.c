/*
 * The operating system, for 64-bit Windows 10 and 11 (src/os.h), built with
 * MinGW-w64. Paths are UTF-8 inside kiemphieu and wide (UTF-16) at every
 * call into Windows, so that Vietnamese file and folder names work
 * whatever the system's code page; the console is switched to UTF-8 and
 * to virtual-terminal sequences for colour. Windows' own code-page tables
 * (MultiByteToWideChar) decode Windows-1258; libunistring does the
 * UTF-16 arithmetic.
 */
#include "os.h"

#include <conio.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>
#include <windows.h>
#include <shellapi.h>

#include "kiemphieu/model.h"
#include "kiemphieu/xalloc.h"

/* --- UTF-8 <-> UTF-16 at the edges --- */

/* path as a new wide string, or NULL (errno EINVAL: not UTF-8). */
static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	wchar_t *w;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	w = kp_xmalloc((size_t)n * sizeof(*w));
	MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
	return w;
}

/* A wide string as new UTF-8. */
static char *narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0)
		return kp_xstrdup("");
	s = kp_xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

/* errno for the last Windows error. */
static int set_errno(void)
{
	switch (GetLastError()) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_DRIVE:
	case ERROR_BAD_NETPATH:
	case ERROR_BAD_NET_NAME:
		errno = ENOENT;
		break;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
	case ERROR_WRITE_PROTECT:
		errno = EACCES;
		break;
	case ERROR_FILE_EXISTS:
	case ERROR_ALREADY_EXISTS:
		errno = EEXIST;
		break;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		errno = ENOSPC;
		break;
	case ERROR_DIRECTORY:
		errno = ENOTDIR;
		break;
	case ERROR_DIR_NOT_EMPTY:
		errno = ENOTEMPTY;
		break;
	case ERROR_FILENAME_EXCED_RANGE:
		errno = ENAMETOOLONG;
		break;
	case ERROR_NOT_ENOUGH_MEMORY:
	case ERROR_OUTOFMEMORY:
		errno = ENOMEM;
		break;
	case ERROR_CANT_RESOLVE_FILENAME:
		errno = ELOOP;
		break;
	default:
		errno = EIO;
		break;
	}
	return -1;
}

static HANDLE handle_of(int fd)
{
	return (HANDLE)_get_osfhandle(fd);
}

/* --- files --- */

static int64_t filetime(LARGE_INTEGER t)
{
	return (int64_t)t.QuadPart;
}

static int stamp_of(HANDLE h, struct kp_os_stamp *s)
{
	BY_HANDLE_FILE_INFORMATION fi;
	FILE_BASIC_INFO bi;

	if (!GetFileInformationByHandle(h, &fi))
		return set_errno();
	memset(s, 0, sizeof(*s));
	s->size = ((uint64_t)fi.nFileSizeHigh << 32) | fi.nFileSizeLow;
	s->dev = fi.dwVolumeSerialNumber;
	s->ino = ((uint64_t)fi.nFileIndexHigh << 32) | fi.nFileIndexLow;
	if (GetFileInformationByHandleEx(h, FileBasicInfo, &bi, sizeof(bi))) {
		/* 100 ns units */
		s->mtime_s = filetime(bi.LastWriteTime) / 10000000;
		s->mtime_ns = filetime(bi.LastWriteTime) % 10000000 * 100;
		s->ctime_s = filetime(bi.ChangeTime) / 10000000;
		s->ctime_ns = filetime(bi.ChangeTime) % 10000000 * 100;
	} else {
		s->mtime_s = ((int64_t)fi.ftLastWriteTime.dwHighDateTime << 32) |
			     fi.ftLastWriteTime.dwLowDateTime;
	}
	return 0;
}

int kp_os_open_input(const char *path, struct kp_os_stamp *stamp)
{
	wchar_t *w = wide(path);
	BY_HANDLE_FILE_INFORMATION fi;
	HANDLE h;
	int fd;

	if (!w)
		return -1;
	/* others may read, write or rename it meanwhile (Excel keeps what it
	 * has open locked the other way round); FILE_FLAG_BACKUP_SEMANTICS
	 * opens a folder too, to say it is one */
	h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return set_errno();
	if (GetFileType(h) != FILE_TYPE_DISK) {
		CloseHandle(h);
		return -2;
	}
	if (!GetFileInformationByHandle(h, &fi)) {
		set_errno();
		CloseHandle(h);
		return -1;
	}
	if (fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
		CloseHandle(h);
		return -3;
	}
	if (stamp && stamp_of(h, stamp) != 0) {
		CloseHandle(h);
		return -1;
	}
	fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_BINARY);
	if (fd < 0)
		CloseHandle(h);
	return fd;
}

int kp_os_fstamp(int fd, struct kp_os_stamp *stamp)
{
	HANDLE h = handle_of(fd);

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	return stamp_of(h, stamp);
}

int kp_os_stamp_changed(const struct kp_os_stamp *a, const struct kp_os_stamp *b)
{
	return a->size != b->size || a->dev != b->dev || a->ino != b->ino ||
	       a->mtime_s != b->mtime_s || a->mtime_ns != b->mtime_ns ||
	       a->ctime_s != b->ctime_s || a->ctime_ns != b->ctime_ns;
}

ssize_t kp_os_pread(int fd, void *buf, size_t n, uint64_t off)
{
	HANDLE h = handle_of(fd);
	OVERLAPPED ov;
	DWORD got = 0;

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	/* an offset of its own for each read: the parts of a file are read
	 * side by side through the one handle */
	memset(&ov, 0, sizeof(ov));
	ov.Offset = (DWORD)off;
	ov.OffsetHigh = (DWORD)(off >> 32);
	if (n > 0x40000000)
		n = 0x40000000;
	if (!ReadFile(h, buf, (DWORD)n, &got, &ov)) {
		if (GetLastError() == ERROR_HANDLE_EOF)
			return 0;
		return set_errno();
	}
	return (ssize_t)got;
}

int kp_os_close(int fd)
{
	return _close(fd);
}

/* The final path of an open handle as UTF-8, "\\?\" taken off. */
static char *final_path(HANDLE h)
{
	DWORD n = GetFinalPathNameByHandleW(h, NULL, 0, FILE_NAME_NORMALIZED);
	wchar_t *w, *p;
	char *s;

	if (!n) {
		set_errno();
		return NULL;
	}
	w = kp_xmalloc(((size_t)n + 1) * sizeof(*w));
	if (!GetFinalPathNameByHandleW(h, w, n + 1, FILE_NAME_NORMALIZED)) {
		set_errno();
		free(w);
		return NULL;
	}
	p = w;
	if (wcsncmp(p, L"\\\\?\\UNC\\", 8) == 0) {
		p += 6;
		p[0] = L'\\';
	} else if (wcsncmp(p, L"\\\\?\\", 4) == 0) {
		p += 4;
	}
	s = narrow(p);
	free(w);
	return s;
}

char *kp_os_realpath_child(const char *real, const char *name, const char *path)
{
	(void)real;
	(void)name;
	return kp_os_realpath(path);
}

char *kp_os_realpath(const char *path)
{
	wchar_t *w = wide(path);
	HANDLE h;
	char *s;

	if (!w)
		return NULL;
	h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		set_errno();
		return NULL;
	}
	s = final_path(h);
	CloseHandle(h);
	return s;
}

int kp_os_path_within(const char *inner, const char *outer)
{
	size_t n = strlen(outer);

	/* a drive's root, "C:\", ends in its separator */
	if (n && kp_os_is_sep((unsigned char)outer[n - 1]))
		return strncmp(inner, outer, n) == 0;
	return strncmp(inner, outer, n) == 0 &&
	       (inner[n] == '\0' || kp_os_is_sep((unsigned char)inner[n]));
}

static DWORD attributes(const char *path)
{
	wchar_t *w = wide(path);
	DWORD a;

	if (!w)
		return INVALID_FILE_ATTRIBUTES;
	a = GetFileAttributesW(w);
	free(w);
	return a;
}

enum kp_os_kind kp_os_kind(const char *path, int follow)
{
	DWORD a = attributes(path);

	if (a == INVALID_FILE_ATTRIBUTES)
		return KP_OS_NONE;
	if ((a & FILE_ATTRIBUTE_REPARSE_POINT) && !follow)
		return KP_OS_LINK;
	if (a & FILE_ATTRIBUTE_REPARSE_POINT) {
		/* where the link leads, if anywhere */
		wchar_t *w = wide(path);
		BY_HANDLE_FILE_INFORMATION fi;
		HANDLE h;

		if (!w)
			return KP_OS_NONE;
		h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
				NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
		free(w);
		if (h == INVALID_HANDLE_VALUE)
			return KP_OS_NONE;
		a = GetFileInformationByHandle(h, &fi) ? fi.dwFileAttributes
						       : INVALID_FILE_ATTRIBUTES;
		CloseHandle(h);
		if (a == INVALID_FILE_ATTRIBUTES)
			return KP_OS_NONE;
	}
	if (a & FILE_ATTRIBUTE_DIRECTORY)
		return KP_OS_DIR;
	if (a & FILE_ATTRIBUTE_DEVICE)
		return KP_OS_OTHER;
	return KP_OS_FILE;
}

int kp_os_is_link(const char *path)
{
	return kp_os_kind(path, 0) == KP_OS_LINK;
}

int kp_os_is_dir(const char *path)
{
	return kp_os_kind(path, 1) == KP_OS_DIR;
}

int kp_os_is_file(const char *path)
{
	return kp_os_kind(path, 1) == KP_OS_FILE;
}

int kp_os_exists(const char *path)
{
	if (kp_os_kind(path, 1) != KP_OS_NONE)
		return 0;
	return set_errno();
}

long kp_os_pid(void)
{
	return (long)GetCurrentProcessId();
}

int kp_os_pid_alive(long pid)
{
	HANDLE h;
	DWORD code;
	int alive;

	if (pid <= 0)
		return 0;
	h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, (DWORD)pid);
	if (!h) /* denied: it runs, as someone else */
		return GetLastError() == ERROR_ACCESS_DENIED;
	alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
	CloseHandle(h);
	return alive;
}

char *kp_os_fd_path(int fd)
{
	HANDLE h = handle_of(fd);

	if (h == INVALID_HANDLE_VALUE || GetFileType(h) != FILE_TYPE_DISK)
		return NULL;
	return final_path(h);
}

int kp_os_create_temp(const char *path, char **tmp)
{
	size_t n = strlen(path) + 64;
	uint64_t seed;
	LARGE_INTEGER t;
	int tries, fd = -1;

	*tmp = kp_xmalloc(n);
	QueryPerformanceCounter(&t);
	seed = (uint64_t)t.QuadPart ^ ((uint64_t)GetCurrentProcessId() << 40) ^
	       (uint64_t)(uintptr_t)tmp;
	for (tries = 0; tries < 100; tries++) {
		wchar_t *w;
		HANDLE h;

		kp_os_temp_name(*tmp, n, path, kp_os_pid(), &seed);
		w = wide(*tmp);
		if (!w)
			break;
		h = CreateFileW(w, GENERIC_READ | GENERIC_WRITE,
				FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
				CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
		free(w);
		if (h == INVALID_HANDLE_VALUE) {
			set_errno();
			if (errno == EEXIST)
				continue;
			break;
		}
		fd = _open_osfhandle((intptr_t)h, _O_WRONLY | _O_BINARY);
		if (fd < 0)
			CloseHandle(h);
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

static int move(const char *from, const char *to, DWORD flags)
{
	wchar_t *wf = wide(from), *wt = wf ? wide(to) : NULL;
	int ok;

	if (!wt) {
		free(wf);
		return -1;
	}
	ok = MoveFileExW(wf, wt, flags | MOVEFILE_WRITE_THROUGH);
	free(wf);
	free(wt);
	if (ok)
		return 0;
	set_errno();
	if (errno == EACCES && kp_os_kind(to, 0) == KP_OS_DIR)
		errno = EISDIR; /* what POSIX says of a folder in the way */
	return -1;
}

int kp_os_replace(const char *tmp, const char *path)
{
	/* in one step: readers see the old file or the new one */
	return move(tmp, path, MOVEFILE_REPLACE_EXISTING);
}

int kp_os_place_new(const char *tmp, const char *path)
{
	/* without MOVEFILE_REPLACE_EXISTING it fails if anything is there */
	return move(tmp, path, 0);
}

/* The names in dir (NULL-ended, not sorted, '.' ones included), or NULL
 * with errno. */
static char **listing(const char *dir, size_t *count)
{
	char *pattern = kp_path_join(dir, "*");
	wchar_t *w = wide(pattern);
	WIN32_FIND_DATAW fd;
	HANDLE h;
	char **v = NULL;
	size_t n = 0, alloc = 0;

	free(pattern);
	if (!w)
		return NULL;
	h = FindFirstFileExW(w, FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, 0);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		if (GetLastError() == ERROR_FILE_NOT_FOUND) { /* empty */
			v = kp_xgrow(NULL, &alloc, 1, sizeof(*v));
			v[0] = NULL;
			*count = 0;
			return v;
		}
		set_errno();
		return NULL;
	}
	v = kp_xgrow(NULL, &alloc, 1, sizeof(*v));
	do {
		v = kp_xgrow(v, &alloc, n + 2, sizeof(*v));
		v[n++] = narrow(fd.cFileName);
	} while (FindNextFileW(h, &fd));
	FindClose(h);
	v[n] = NULL;
	*count = n;
	return v;
}

void kp_os_remove_stale_temps(const char *dir)
{
	size_t n, i;
	char **v = listing(dir, &n);

	if (!v)
		return;
	for (i = 0; i < n; i++) {
		long pid = kp_os_temp_pid(v[i]);

		if (pid && !kp_os_pid_alive(pid)) {
			char *p = kp_path_join(dir, v[i]);

			if (kp_os_kind(p, 0) == KP_OS_FILE)
				kp_os_remove(p);
			free(p);
		}
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

long kp_os_list_dir(const char *dir, char ***names)
{
	size_t n, i, k = 0;
	char **v = listing(dir, &n);

	*names = NULL;
	if (!v)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i][0] == '.')
			free(v[i]);
		else
			v[k++] = v[i];
	}
	v[k] = NULL;
	kp_os_sort_names(v, k);
	*names = v;
	return (long)k;
}

int kp_os_mkdir(const char *dir)
{
	wchar_t *w = wide(dir);
	int ok;

	if (!w)
		return -1;
	ok = CreateDirectoryW(w, NULL) || GetLastError() == ERROR_ALREADY_EXISTS;
	if (!ok && GetLastError() == ERROR_PATH_NOT_FOUND) {
		/* "afile\x": say what POSIX says when a part is a file */
		char *parent = kp_xstrdup(dir), *sep = kp_path_last_sep(parent);

		set_errno();
		if (sep) {
			*sep = '\0';
			if (kp_os_kind(parent, 1) == KP_OS_FILE)
				errno = ENOTDIR;
		}
		free(parent);
	} else if (!ok) {
		set_errno();
	}
	free(w);
	return ok ? 0 : -1;
}

int kp_os_remove(const char *path)
{
	wchar_t *w = wide(path);
	int ok;

	if (!w)
		return -1;
	ok = DeleteFileW(w);
	if (!ok)
		set_errno();
	free(w);
	return ok ? 0 : -1;
}

int kp_os_open_output(const char *path)
{
	wchar_t *w = wide(path);
	HANDLE h;
	int fd;

	if (!w)
		return -1;
	h = CreateFileW(w, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
			OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		set_errno();
		if (errno == EACCES && kp_os_kind(path, 0) == KP_OS_DIR)
			errno = EISDIR;
		return -1;
	}
	fd = _open_osfhandle((intptr_t)h, _O_WRONLY | _O_BINARY);
	if (fd < 0)
		CloseHandle(h);
	return fd;
}

int kp_os_write_all(int fd, const void *p, size_t len)
{
	const char *c = p;

	while (len) {
		unsigned chunk = len > 0x40000000 ? 0x40000000 : (unsigned)len;
		int w = _write(fd, c, chunk);

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

int kp_os_fsync(int fd)
{
	HANDLE h = handle_of(fd);

	if (h == INVALID_HANDLE_VALUE || GetFileType(h) != FILE_TYPE_DISK)
		return 0;
	return FlushFileBuffers(h) ? 0 : set_errno();
}

int kp_os_isatty(int fd)
{
	DWORD mode;

	/* _isatty() is true for NUL too; a console has a mode */
	return GetConsoleMode(handle_of(fd), &mode) != 0;
}

unsigned kp_os_terminal_columns(int fd)
{
	CONSOLE_SCREEN_BUFFER_INFO ci;

	if (!GetConsoleScreenBufferInfo(handle_of(fd), &ci))
		return 0;
	return (unsigned)(ci.srWindow.Right - ci.srWindow.Left + 1);
}

int kp_os_exe_dir(char *dir, size_t n)
{
	wchar_t w[32768];
	DWORD len = GetModuleFileNameW(NULL, w, 32768);
	char *s, *sep;

	if (!len || len >= 32768)
		return -1;
	w[len] = L'\0';
	s = narrow(w);
	sep = kp_path_last_sep(s);
	if (!sep || strlen(s) >= n) {
		free(s);
		return -1;
	}
	*sep = '\0';
	memcpy(dir, s, strlen(s) + 1);
	free(s);
	return 0;
}

void *kp_os_module_sym(const char *name, const char *sym, const char **why)
{
	(void)name;
	(void)sym;
	/* kiemphieu.exe holds everything it has: no modules */
	if (why)
		*why = "this kiemphieu has no modules";
	return NULL;
}

unsigned kp_os_cores(void)
{
	DWORD n = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);

	return n > 0 ? (unsigned)n : 1;
}

/* --- the start, the environment, the console --- */

static int own_console;

void kp_os_init(int *argc, char ***argv)
{
	int n, i;
	wchar_t **wv = CommandLineToArgvW(GetCommandLineW(), &n);
	DWORD mode, list[2];
	HANDLE out;

	if (wv) {
		char **v = kp_xmalloc(((size_t)n + 1) * sizeof(*v));

		for (i = 0; i < n; i++)
			v[i] = narrow(wv[i]);
		v[n] = NULL;
		LocalFree(wv);
		*argc = n;
		*argv = v; /* kept to the end, as the C library's own argv */
	}
	/* '\n' is one byte in every output, as on Debian: Excel, browsers
	 * and Notepad read it; nothing is written twice as "\r\r\n" */
	_setmode(0, _O_BINARY);
	_setmode(1, _O_BINARY);
	_setmode(2, _O_BINARY);
	/* a diagnostic goes out when it is made, as on Debian */
	setvbuf(stderr, NULL, _IONBF, 0);
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	out = GetStdHandle(STD_OUTPUT_HANDLE);
	if (GetConsoleMode(out, &mode))
		SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
	out = GetStdHandle(STD_ERROR_HANDLE);
	if (GetConsoleMode(out, &mode))
		SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
	/* the only process on its console: started from Explorer, whose
	 * window closes when it ends */
	own_console = GetConsoleProcessList(list, 2) == 1;
}

void kp_os_bindtextdomain(const char *domain, const char *dir)
{
	wchar_t *w = wide(dir);

	if (w)
		wbindtextdomain(domain, w);
	free(w);
}

int kp_os_output_gone(int err)
{
	/* the C runtime says EINVAL for a pipe closed by its reader
	 * (ERROR_NO_DATA), EPIPE for ERROR_BROKEN_PIPE */
	return err == EPIPE || err == EINVAL;
}

int kp_os_setenv(const char *name, const char *value)
{
	return _putenv_s(name, value) == 0 ? 0 : -1;
}

const char *kp_os_ui_language(void)
{
	LANGID id = GetUserDefaultUILanguage();

	return PRIMARYLANGID(id) == LANG_VIETNAMESE ? "vi" : "en";
}

char *kp_os_temp_dir(void)
{
	wchar_t w[MAX_PATH + 2], sh[MAX_PATH + 2];
	DWORD n = GetTempPathW(MAX_PATH + 1, w), k;
	char *s;
	size_t len;

	if (!n || n > MAX_PATH + 1)
		return kp_xstrdup(".");
	w[n] = L'\0';
	/* its short (8.3) form where there is one: libxlsxwriter opens files
	 * by their ANSI name, which a user name such as "Nguyễn" breaks */
	k = GetShortPathNameW(w, sh, MAX_PATH + 1);
	s = narrow(k && k <= MAX_PATH + 1 ? sh : w);
	len = strlen(s);
	if (len > 3 && kp_os_is_sep((unsigned char)s[len - 1]))
		s[len - 1] = '\0';
	return s;
}

const char *kp_os_strerror(int errnum)
{
	/* the C runtime's messages are English */
	return strerror(errnum);
}

struct sort_ctx {
	int (*cmp)(const void *, const void *, void *);
	void *ctx;
};

static int sort_tramp(void *c, const void *a, const void *b)
{
	const struct sort_ctx *s = c;

	return s->cmp(a, b, s->ctx);
}

void kp_os_sort(void *base, size_t n, size_t size,
		int (*cmp)(const void *, const void *, void *), void *ctx)
{
	struct sort_ctx s = { cmp, ctx };

	qsort_s(base, n, size, sort_tramp, &s);
}

int kp_os_is_sep(int c)
{
	return c == '/' || c == '\\';
}

int kp_os_is_absolute(const char *path)
{
	return kp_os_is_sep((unsigned char)path[0]) ||
	       (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') && path[1] == ':');
}

char kp_os_sep_for(const char *path)
{
	/* the one the path already uses: "D:\dai-hoi" goes on with '\' */
	return strchr(path, '\\') && !strchr(path, '/') ? '\\' : '/';
}

int kp_os_console_closes(void)
{
	return own_console;
}

void kp_os_wait_key(void)
{
	if (own_console)
		(void)_getch();
}

/* --- character sets --- */

enum conv_kind { FROM_UTF16LE, FROM_UTF16BE, FROM_CP1258, TO_UTF16LE };

struct kp_os_conv {
	enum conv_kind kind;
	ucs4_t table[256];	/* CP1258: each byte, 0 where undefined */
	ucs4_t held;		/* CP1258: a letter its tone mark may follow */
};

struct kp_os_conv *kp_os_conv_open(const char *to, const char *from)
{
	struct kp_os_conv *c = kp_xcalloc(1, sizeof(*c));

	if (strcmp(to, "UTF-8") == 0 && strcmp(from, "UTF-16LE") == 0) {
		c->kind = FROM_UTF16LE;
	} else if (strcmp(to, "UTF-8") == 0 && strcmp(from, "UTF-16BE") == 0) {
		c->kind = FROM_UTF16BE;
	} else if (strcmp(to, "UTF-16LE") == 0 && strcmp(from, "UTF-8") == 0) {
		c->kind = TO_UTF16LE;
	} else if (strcmp(to, "UTF-8") == 0 && strcmp(from, "CP1258") == 0) {
		unsigned b;

		c->kind = FROM_CP1258;
		for (b = 0; b < 256; b++) {
			char ch = (char)b;
			wchar_t wc;

			/* Windows' table; the bytes it leaves undefined come
			 * back as C1 controls, which no text holds */
			if (MultiByteToWideChar(1258, MB_ERR_INVALID_CHARS, &ch, 1, &wc, 1) == 1 &&
			    !(wc >= 0x80 && wc <= 0x9f))
				c->table[b] = wc;
		}
		c->table[0] = 0;
	} else {
		free(c);
		errno = EINVAL;
		return NULL;
	}
	return c;
}

/* Put uc as UTF-8 at *out: 0, or -1 (E2BIG). */
static int put8(ucs4_t uc, char **out, size_t *outleft)
{
	uint8_t b[6];
	int n = u8_uctomb(b, uc, 6);

	if (n <= 0 || (size_t)n > *outleft) {
		errno = E2BIG;
		return -1;
	}
	memcpy(*out, b, (size_t)n);
	*out += n;
	*outleft -= (size_t)n;
	return 0;
}

static size_t from_utf16(struct kp_os_conv *c, char **in, size_t *inleft, char **out,
			 size_t *outleft)
{
	const unsigned char *p = (const unsigned char *)*in;
	int be = c->kind == FROM_UTF16BE;

	while (*inleft) {
		uint16_t u[2];
		ucs4_t uc;
		size_t k;
		int n;

		if (*inleft < 2)
			return errno = EINVAL, (size_t)-1;
		for (k = 0; k < 2 && 2 * k + 1 < *inleft; k++)
			u[k] = be ? (uint16_t)(p[2 * k] << 8 | p[2 * k + 1])
				  : (uint16_t)(p[2 * k + 1] << 8 | p[2 * k]);
		if (u[0] >= 0xd800 && u[0] < 0xdc00 && k < 2)
			return errno = EINVAL, (size_t)-1; /* its pair is cut */
		n = u16_mbtoucr(&uc, u, k);
		if (n < 0)
			return errno = EILSEQ, (size_t)-1;
		if (put8(uc, out, outleft) != 0)
			return (size_t)-1;
		p += 2 * (size_t)n;
		*in += 2 * n;
		*inleft -= 2 * (size_t)n;
	}
	return 0;
}

static size_t to_utf16(char **in, size_t *inleft, char **out, size_t *outleft)
{
	while (*inleft) {
		ucs4_t uc;
		uint16_t u[2];
		size_t k;
		int n = u8_mbtoucr(&uc, (const uint8_t *)*in, *inleft), m;

		if (n == -2)
			return errno = EINVAL, (size_t)-1;
		if (n < 0)
			return errno = EILSEQ, (size_t)-1;
		m = u16_uctomb(u, uc, 2);
		if (m <= 0)
			return errno = EILSEQ, (size_t)-1;
		if ((size_t)m * 2 > *outleft)
			return errno = E2BIG, (size_t)-1;
		for (k = 0; k < (size_t)m; k++) {
			(*out)[2 * k] = (char)(u[k] & 0xff);
			(*out)[2 * k + 1] = (char)(u[k] >> 8);
		}
		*out += 2 * m;
		*outleft -= 2 * (size_t)m;
		*in += n;
		*inleft -= (size_t)n;
	}
	return 0;
}

/* Windows-1258 writes a tone as a mark after its letter ("e" then U+0301);
 * as the GNU C library's converter, the pair comes out as one character
 * when Unicode has it, so that text reads the same on both systems. */
static size_t from_cp1258(struct kp_os_conv *c, char **in, size_t *inleft, char **out,
			  size_t *outleft)
{
	while (*inleft) {
		unsigned char b = (unsigned char)**in;
		ucs4_t uc = c->table[b];

		if (!uc && b) /* (what is held stays held, as in glibc) */
			return errno = EILSEQ, (size_t)-1;
		if (c->held) {
			ucs4_t both = uc ? uc_composition(c->held, uc) : 0;

			if (both) {
				c->held = both;
				(*in)++;
				(*inleft)--;
				continue;
			}
			if (put8(c->held, out, outleft) != 0)
				return (size_t)-1;
			c->held = 0;
		}
		if (uc >= 0x80 || (uc >= 'A' && uc <= 'Z') || (uc >= 'a' && uc <= 'z'))
			c->held = uc;
		else if (put8(uc, out, outleft) != 0)
			return (size_t)-1;
		(*in)++;
		(*inleft)--;
	}
	return 0;
}

size_t kp_os_conv(struct kp_os_conv *c, char **in, size_t *inleft, char **out,
		  size_t *outleft)
{
	if (!in || !*in || !inleft) { /* the end: what is held comes out */
		if (c->held && out) {
			if (put8(c->held, out, outleft) != 0)
				return (size_t)-1;
		}
		c->held = 0;
		return 0;
	}
	switch (c->kind) {
	case FROM_UTF16LE:
	case FROM_UTF16BE:
		return from_utf16(c, in, inleft, out, outleft);
	case FROM_CP1258:
		return from_cp1258(c, in, inleft, out, outleft);
	case TO_UTF16LE:
		break;
	}
	return to_utf16(in, inleft, out, outleft);
}

void kp_os_conv_close(struct kp_os_conv *c)
{
	free(c);
}
