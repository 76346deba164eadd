/* csvio: reading CSV (RFC 4180) over libcsv, and writing it.
 *
 * The reader requires a header row, skips a UTF-8 byte order mark, accepts
 * CRLF or LF, refuses a row with the wrong number of fields, NUL bytes,
 * invalid UTF-8, an unclosed quote, duplicate column names and a header of
 * more than 65,536 columns (a row's fields past the header's are counted,
 * not kept), and knows the
 * line on which each row starts, so that every message can name file, line
 * and column. */
#ifndef ACCTKIT_CSVIO_H
#define ACCTKIT_CSVIO_H

#include <stdio.h>
#include <stddef.h>

struct diag;
struct csvio_reader;

/* Opens path ("-" is standard input, named "stdin" in messages) and reads the
 * header.  Returns NULL and fills d (EXIT_DATAERR for bad data, EXIT_REFUSED
 * when the file cannot be opened).  Free with csvio_close(). */
struct csvio_reader *csvio_open(const char *path, struct diag *d);

/* As csvio_open, over an open stream named name for messages; the stream is
 * not closed by csvio_close(). */
struct csvio_reader *csvio_open_stream(FILE *fp, const char *name,
				       struct diag *d);

void csvio_close(struct csvio_reader *r);

/* The header: number of columns, a column's name, and the index of a column
 * by name (-1 if there is none). */
size_t csvio_ncolumns(const struct csvio_reader *r);
const char *csvio_column_name(const struct csvio_reader *r, size_t i);
int csvio_column(const struct csvio_reader *r, const char *name);

/* Reads the next row: 1 a row, 0 end of input, -1 error (d filled,
 * EXIT_DATAERR, with "file:line: why"). */
int csvio_next(struct csvio_reader *r, struct diag *d);

/* A field of the current row, NUL-terminated; valid until the next call of
 * csvio_next().  An index of -1 (an absent optional column) gives "". */
const char *csvio_field(const struct csvio_reader *r, int i);

/* The line on which the current row starts (the header is line 1 unless
 * blank lines come before it), and the name used in messages (the file's,
 * any control character in it escaped as diag_quote() does). */
unsigned long csvio_line(const struct csvio_reader *r);
const char *csvio_name(const struct csvio_reader *r);

/* For progress: the bytes read so far, and the size of the file (-1 when
 * it is not a regular file, such as a pipe). */
unsigned long long csvio_bytes_read(const struct csvio_reader *r);
long long csvio_size(const struct csvio_reader *r);

/* Fills d with "file:line: column 'name': " and the printf-style rest, for an
 * error in field i of the current row; returns -1. */
int csvio_fail(const struct csvio_reader *r, struct diag *d, int status,
	       int i, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Writes one field with RFC 4180 quoting, only where needed (a comma, quote,
 * CR or LF, a leading or trailing space or tab, or a leading byte order
 * mark, which a reader would skip at the start of a file); an empty string
 * is written as nothing. */
void csvio_write_field(FILE *fp, const char *s);

#endif
