/* template: documents from text templates with {{field}} placeholders.
 *
 * A placeholder is {{name}}, or {{name:<N}} / {{name:>N}} to pad the value
 * to N characters, left or right aligned (a longer value is not cut).
 * A line may start with {{?name}}: it is written only when the field name is
 * not empty.
 * Names are lowercase letters, digits and '_'.  Templates are looked for in
 * $ACCTKIT_TEMPLATES (a site's own), then $ACCTKIT_DATADIR/templates, then
 * the installed package data directory. */
#ifndef ACCTKIT_TEMPLATE_H
#define ACCTKIT_TEMPLATE_H

#include <stddef.h>
#include <stdio.h>

struct diag;
struct template;

/* Finds and reads the template called name (such as "receipt.txt").
 * NULL and d filled: not found (EXIT_REFUSED, naming the places looked
 * in), a malformed placeholder (EXIT_DATAERR, "receipt.txt:7: ...").
 * Free with template_free(). */
struct template *template_load(const char *name, struct diag *d);

/* As template_load, from text in memory; name is used in messages. */
struct template *template_parse(const char *name, const char *text,
				struct diag *d);

void template_free(struct template *t);

struct template_field {
	const char *name, *value;
};

/* Checks that every placeholder of t is one of the n fields' names: -1 and
 * "receipt.txt:7: unknown field 'foo'" (EXIT_DATAERR) for the first that is
 * not.  Programs call it once, before they write anything. */
int template_check(const struct template *t,
		   const struct template_field *fields, size_t n,
		   struct diag *d);

/* Writes t to fp with each placeholder replaced by its field's value; an
 * unknown placeholder fails as in template_check, before anything is
 * written. */
int template_render(const struct template *t, FILE *fp,
		    const struct template_field *fields, size_t n,
		    struct diag *d);

#endif
