#ifndef KP_EXIT_H
#define KP_EXIT_H

/*
 * Exit statuses of the kiemphieu program, the one table that the man page,
 * docs/formats.md and the end-to-end tests repeat. Library functions return
 * these same values as their status, so that a command can pass a status
 * straight out.
 */
enum kp_exit {
	KP_EXIT_OK = 0,		/* success */
	KP_EXIT_DATA = 1,	/* the input data is invalid (or a check failed) */
	KP_EXIT_USAGE = 2,	/* the command line is wrong */
	KP_EXIT_IO = 3,		/* I/O or system error: unreadable file, full disk, no memory */
	KP_EXIT_PENDING = 4,	/* tally: valid data, but a contest needs a further round */
	KP_EXIT_INCOMPLETE = 5	/* progress --require-complete: some congress is not done */
};

#endif
