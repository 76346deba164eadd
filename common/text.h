/* text: the characters that the office's text (names, addresses, memos,
 * references, reasons, affidavit fields) must not hold. */
#ifndef ACCTKIT_TEXT_H
#define ACCTKIT_TEXT_H

#include <stddef.h>

/* The length in bytes of the character that s starts with when it is one
 * text must not hold, else 0: a C0 control or DEL ('\n' and '\t' allowed
 * when lines), a C1 control as UTF-8 (C2 80..C2 9F; U+009B is a terminal's
 * CSI), or a bidirectional embedding, override or isolate (U+202A..U+202E,
 * U+2066..U+2069), which makes text display in another order than it is
 * stored: a name or memo would read one way on a screen or a document and
 * another in the store and in a search. */
size_t text_control_len(const char *s, int lines);

/* Whether s holds any such character. */
int text_has_control(const char *s, int lines);

#endif
