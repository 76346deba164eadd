/* fuzz_template: template_parse, template_check_sections and
 * template_render_sections over any template text.
 *
 * The input is the template's text up to its first NUL byte; after the NUL,
 * a byte gives the number of rows of the section "lines" (0 to 3), and the
 * rest, split at newlines, gives the values of the document's fields
 * (name, account, amount, due_on, note, blank) and then of the rows'
 * (item, amount, date).  Properties: a refusal is bad data naming the
 * template; a template that passes the check renders without error, the
 * same twice; one that fails it writes nothing; a text without "{{" renders
 * to itself. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "template.h"

#define NAME "fuzz.txt"
#define NDOC 6
#define NROW 3
#define ROWS_MAX 3

static const char *const doc_names[NDOC] = {
	"name", "account", "amount", "due_on", "note", "blank"
};
static const char *const row_names[NROW] = { "item", "amount", "date" };
static const char *const defaults[] = {
	"Ann Able", "1001", "1,234.56", "2026-12-17", ("Stra\xc3\x9f" "e"), ""
};

/* Renders to memory: the text and its length; -1 and d on failure. */
static int
render(const struct template *t, const struct template_field *fields,
       const struct template_section *sec, char **text, size_t *len,
       struct diag *d)
{
	FILE *fp = open_memstream(text, len);
	int rc;

	FUZZ_REQUIRE(fp, "open_memstream");
	rc = template_render_sections(t, fp, fields, NDOC, sec, 1, d);
	fclose(fp);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t len = nul ? (size_t) (nul - data) : size, nvalues = 0, i;
	size_t n1, n2;
	char *text = malloc(len + 1), *rest = NULL, *s, *out1, *out2;
	const char *values[NDOC + ROWS_MAX * NROW];
	const char *rowvals[ROWS_MAX * NROW];
	struct template_field fields[NDOC];
	struct template_section sec = { "lines", row_names, rowvals, NROW, 0 };
	struct diag d = DIAG_INIT, d2 = DIAG_INIT;
	struct template *t;
	FILE *null;
	int checked, rc;

	FUZZ_REQUIRE(text, "out of memory");
	memcpy(text, data, len);
	text[len] = '\0';

	/* the values: the input's, then the defaults, then "x" */
	if (nul && nul + 1 < data + size) {
		sec.nrows = nul[1] % (ROWS_MAX + 1);
		if (nul + 2 < data + size) {
			rest = malloc(size - len - 1);
			FUZZ_REQUIRE(rest, "out of memory");
			memcpy(rest, nul + 2, size - len - 2);
			rest[size - len - 2] = '\0';
			for (s = rest; nvalues < NDOC + ROWS_MAX * NROW; ) {
				values[nvalues++] = s;
				if (!(s = strchr(s, '\n')))
					break;
				*s++ = '\0';
			}
		}
	}
	for (i = 0; i < NDOC; i++) {
		fields[i].name = doc_names[i];
		fields[i].value = i < nvalues ? values[i] : defaults[i];
	}
	for (i = 0; i < ROWS_MAX * NROW; i++)
		rowvals[i] = NDOC + i < nvalues ? values[NDOC + i] : "x";

	t = template_parse(NAME, text, &d);
	if (!t) {
		FUZZ_REQUIRE(d.status == EXIT_DATAERR, "status %d: %s",
			     d.status, d.msg);
		FUZZ_REQUIRE(strncmp(d.msg, NAME ":", strlen(NAME) + 1) == 0,
			     "message '%s'", d.msg);
		goto done;
	}
	checked = template_check_sections(t, fields, NDOC, &sec, 1, &d);
	rc = render(t, fields, &sec, &out1, &n1, &d2);
	if (checked < 0) {
		FUZZ_REQUIRE(rc < 0 && n1 == 0, "rendered %zu bytes after a "
			     "failed check: %s", n1, d.msg);
		FUZZ_REQUIRE(strcmp(d.msg, d2.msg) == 0, "'%s' then '%s'",
			     d.msg, d2.msg);
		FUZZ_REQUIRE(d.status == EXIT_DATAERR, "status %d", d.status);
		free(out1);
	} else {
		FUZZ_REQUIRE(rc == 0, "checked, then refused: %s", d2.msg);
		FUZZ_REQUIRE(render(t, fields, &sec, &out2, &n2, &d2) == 0,
			     "refused the second time: %s", d2.msg);
		FUZZ_REQUIRE(n1 == n2 && memcmp(out1, out2, n1) == 0,
			     "two renderings differ");
		if (!strstr(text, "{{"))
			FUZZ_REQUIRE(n1 == len && memcmp(out1, text, len) == 0,
				     "text without placeholders changed");
		free(out1);
		free(out2);
	}
	/* without sections, as most documents are written */
	null = fopen("/dev/null", "w");
	FUZZ_REQUIRE(null, "/dev/null");
	rc = template_render(t, null, fields, NDOC, &d2);
	FUZZ_REQUIRE((rc < 0) == (template_check(t, fields, NDOC, &d2) < 0),
		     "render and check disagree");
	fclose(null);
	template_free(t);
done:
	free(rest);
	free(text);
	return 0;
}
