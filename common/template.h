/* template: documents from text templates with {{field}} placeholders.
 *
 * A placeholder is {{name}}, or {{name:<N}} / {{name:>N}} to pad the value
 * to N characters, left or right aligned (a longer value is not cut).
 * Documents are for an 80-column printer: a {{name}} with no alignment
 * whose value would run past column TEMPLATE_WIDTH is folded at its
 * spaces, the further lines indented to the column the field starts in
 * (a word longer than the room is cut where the room ends); not when the
 * field starts less than TEMPLATE_FOLD_MIN columns from the edge, nor a
 * value that has a newline of its own.
 * A line may start with {{?name}}: it is written only when the field name is
 * not empty.
 * A section repeats lines: the lines between a line that is only
 * "{{#name}}" and a line that is only "{{/name}}" are written once for each
 * row of the section called name (none for no rows), their placeholders
 * taking the row's fields first, then the document's.  Sections do not
 * nest; one not closed, closed twice or closed by another name is an error
 * naming the template and line.
 * Names are lowercase letters, digits and '_'.  Templates are looked for in
 * $ACCTKIT_TEMPLATES (a site's own), then $ACCTKIT_DATADIR/templates, then
 * the installed package data directory. */
#ifndef ACCTKIT_TEMPLATE_H
#define ACCTKIT_TEMPLATE_H

#include <stddef.h>
#include <stdio.h>

#define TEMPLATE_WIDTH		80
#define TEMPLATE_FOLD_MIN	20

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

/* The rows of a section: its field names (nfields of them), and nrows
 * rows of nfields values each, row by row: the value of field f in row r
 * is values[r * nfields + f]. */
struct template_section {
	const char *name;
	const char *const *names;
	const char *const *values;
	size_t nfields, nrows;
};

/* As template_check and template_render, with sections: a section of the
 * template that is not among sections ("bill.txt:12: unknown section
 * 'lines'"), or a placeholder inside a section that is neither one of its
 * field names nor a document field, fails as an unknown field does. */
int template_check_sections(const struct template *t,
			    const struct template_field *fields, size_t n,
			    const struct template_section *sections,
			    size_t nsections, struct diag *d);
int template_render_sections(const struct template *t, FILE *fp,
			     const struct template_field *fields, size_t n,
			     const struct template_section *sections,
			     size_t nsections, struct diag *d);

#endif
