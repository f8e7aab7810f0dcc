#ifndef KP_PRINTF_H
#define KP_PRINTF_H

/* A function that takes a printf format at argument f and its values from
 * argument a (0: a va_list), checked by the compiler. On Windows,
 * kiemphieu uses MinGW's C99 printf (__USE_MINGW_ANSI_STDIO), which the
 * compiler knows as gnu_printf, not the runtime's own. */
#if defined(__MINGW32__)
#define KP_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define KP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

#endif
