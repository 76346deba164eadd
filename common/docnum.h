/* docnum: the numbers of the office's numbered records, a letter, the
 * year and a place in the year's series from 1, at least six digits:
 * R2026-000123 (a receipt), H2026-000001 (a held adjustment). */
#ifndef ACCTKIT_DOCNUM_H
#define ACCTKIT_DOCNUM_H

#include <stdint.h>

/* Whether s has the form letter, four digits, '-' and digits, whether or
 * not such a record could exist. */
int docnum_like(const char *s, char letter);

/* Parses such a number: 0 with the year and place, or -1 when s is not one
 * (fewer than 6 or more than 9 digits, place 0, year before 1900). */
int docnum_parse(const char *s, char letter, int *year, int64_t *seq);

#endif
