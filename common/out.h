/* out: a program's rows, as CSV or as an aligned table (or JSON).
 *
 * CSV (with a header) when standard output is not a terminal, a table when it
 * is; --format csv|table overrides.  A table wider than the terminal is shown
 * one record at a time ("column  value" lines), as psql's expanded mode.
 * JSON is for the programs that say so (acct-report): an array of objects,
 * one a row and one a line, keyed by the column names; a numeric column's
 * value is the JSON number CSV would show (12.50), null when empty; every
 * other value a JSON string.  Footers are not written in CSV or JSON. */
#ifndef ACCTKIT_OUT_H
#define ACCTKIT_OUT_H

#include <stdio.h>
#include <stdint.h>

enum out_format { OUT_AUTO, OUT_CSV, OUT_TABLE, OUT_JSON };

/* Parses "csv" or "table"; returns -1 for anything else (json too). */
int out_parse_format(const char *s, enum out_format *f);

/* Parses "csv", "table" or "json": for a program that writes JSON. */
int out_parse_format_json(const char *s, enum out_format *f);

struct out;

/* A writer on fp; cols is a NULL-terminated list of column names, a name
 * starting with '>' is a right-aligned (numeric) column, the '>' not shown.
 * Free with out_free(), which writes what a table has buffered. */
struct out *out_new(FILE *fp, enum out_format f, const char *const *cols);

/* True if the writer makes a table (useful for extra human lines). */
int out_is_table(const struct out *o);

/* Fields of the current row, in column order; out_row_end() ends the row. */
void out_field(struct out *o, const char *s);
void out_money(struct out *o, int64_t cents);
void out_int(struct out *o, long long n);
void out_date(struct out *o, int day);	/* DATE_NONE is written empty */
void out_row_end(struct out *o);

/* A line under a table (a total); ignored in CSV and JSON. */
void out_footer(struct out *o, const char *line);

/* With on, a table draws after each value of a numeric column a bar of
 * block characters (U+2588 and the eighths U+258F..U+2589), as long as the
 * value is to the column's largest value: 10 cells, fewer when the terminal
 * has no room for them, none when it has no room for one each; a value
 * above zero gets at least an eighth, zero and negative values none, and
 * text that is not a number (an empty field) none.  A column with no value
 * above zero has no room for bars.  A table too wide even without bars is
 * shown expanded, with 10-cell bars.  CSV and JSON are not changed.  Call
 * before out_free().  on is OUT_BARS_BLOCKS for the block characters (a
 * UTF-8 terminal), OUT_BARS_ASCII for '#' a whole cell (rounded, at least
 * one), 0 for none. */
enum { OUT_BARS_BLOCKS = 1, OUT_BARS_ASCII = 2 };
void out_bars(struct out *o, int on);

/* Writes a buffered table and frees everything; a held writer's rows are
 * dropped (a run rolled back). */
void out_free(struct out *o);

/* A writer whose rows are held in memory, for a program that prints its
 * records only once its transaction is committed: out_print_held() writes
 * them to standard output and frees the writer.  OUT_AUTO, and a table's
 * width, are standard output's. */
struct out *out_new_held(enum out_format f, const char *const *cols);
void out_print_held(struct out *o);

#endif
