/* doc: where a program's documents go.
 *
 * Text for an 80-column printer: to standard output one after another,
 * separated by form feeds, or with -o DIR one file a document, DIR/NUMBER.txt.
 * Documents are kept in memory until doc_out_flush(), so that a program
 * prints them only once its transaction is committed. */
#ifndef ACCTKIT_DOC_H
#define ACCTKIT_DOC_H

#include <stdio.h>

struct diag;
struct doc_out;

/* dir NULL: standard output.  dir must exist (EXIT_REFUSED otherwise).
 * Free with doc_out_free(). */
struct doc_out *doc_out_new(const char *dir, struct diag *d);

/* Starts the document numbered number (a file name: letters, digits, '-');
 * returns the stream to write it into, valid until doc_end(). */
FILE *doc_begin(struct doc_out *o, const char *number, struct diag *d);
int doc_end(struct doc_out *o, struct diag *d);

/* Writes every document ended so far to its place; the number written. */
int doc_out_flush(struct doc_out *o, struct diag *d);

/* Frees o; documents not flushed are dropped (a rolled-back batch). */
void doc_out_free(struct doc_out *o);

#endif
