#include <config.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#include "diag.h"
#include "template.h"

#define NFIELDS(a) (sizeof (a) / sizeof (a)[0])

static struct diag d;
static char tmpdir[] = "/tmp/check_template.XXXXXX";
static int have_tmpdir;

static void
setup(void)
{
	struct diag empty = DIAG_INIT;

	d = empty;
}

static int
remove_one(const char *path, const struct stat *st, int flag,
	   struct FTW *ftw)
{
	(void) st;
	(void) flag;
	(void) ftw;
	return remove(path);
}

static void
teardown(void)
{
	if (have_tmpdir)
		nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	have_tmpdir = 0;
	strcpy(tmpdir + strlen(tmpdir) - 6, "XXXXXX");
	unsetenv("ACCTKIT_TEMPLATES");
	unsetenv("ACCTKIT_DATADIR");
}

/* A file under the test's own temporary directory, made on first use. */
static const char *
tmp_path(const char *rel)
{
	static char path[512];

	if (!have_tmpdir) {
		ck_assert_ptr_nonnull(mkdtemp(tmpdir));
		have_tmpdir = 1;
	}
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	return path;
}

static void
make_dir(const char *rel)
{
	ck_assert_int_eq(mkdir(tmp_path(rel), 0755), 0);
}

static void
write_file(const char *rel, const char *text, size_t len)
{
	FILE *fp = fopen(tmp_path(rel), "w");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Renders t into memory; the caller frees the text. */
static char *
render(const struct template *t, const struct template_field *fields,
       size_t n, int want_rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(template_render(t, fp, fields, n, &d), want_rc);
	ck_assert_int_eq(fclose(fp), 0);
	return text;
}

static char *
parse_render(const char *src, const struct template_field *fields,
	     size_t n)
{
	struct template *t = template_parse("t.txt", src, &d);
	char *text;

	ck_assert_msg(t != NULL, "%s", d.msg);
	text = render(t, fields, n, 0);
	template_free(t);
	return text;
}

START_TEST(render_plain)
{
	static const struct template_field f[] = {
		{ "name", "Ann Smith" },
		{ "amount", "$12.30" },
		{ "unused", "x" },
		{ "empty", NULL },
	};
	char *s;

	s = parse_render("Dear {{name}},\nyou owe {{amount}}.{{empty}}\n",
			 f, NFIELDS(f));
	ck_assert_str_eq(s, "Dear Ann Smith,\nyou owe $12.30.\n");
	free(s);
	s = parse_render("{{name}}{{name}}", f, NFIELDS(f));
	ck_assert_str_eq(s, "Ann SmithAnn Smith");
	free(s);
	/* single braces and a stray "}}" are text */
	s = parse_render("{a} }} {", f, NFIELDS(f));
	ck_assert_str_eq(s, "{a} }} {");
	free(s);
	s = parse_render("", f, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(conditional_lines)
{
	static const struct template_field f[] = {
		{ "x", "1" },
		{ "none", "" },
	};
	struct template *t;
	char *s;

	s = parse_render("a\n{{?x}}b {{x}}\nc\n", f, NFIELDS(f));
	ck_assert_str_eq(s, "a\nb 1\nc\n");
	free(s);
	s = parse_render("a\n{{?none}}b {{x}} {{none}}\nc\n", f, NFIELDS(f));
	ck_assert_str_eq(s, "a\nc\n");
	free(s);
	/* the last line, without a newline */
	s = parse_render("a\n{{?none}}b", f, NFIELDS(f));
	ck_assert_str_eq(s, "a\n");
	free(s);
	/* an empty line kept only when the field is there */
	s = parse_render("{{?none}}\n{{?x}}\nz", f, NFIELDS(f));
	ck_assert_str_eq(s, "\nz");
	free(s);
	/* the condition is a field like any other */
	t = template_parse("t.txt", "a\n{{?nope}}b\n", &d);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(template_check(t, f, NFIELDS(f), &d), -1);
	ck_assert_str_eq(d.msg, "t.txt:2: unknown field 'nope'");
	template_free(t);
	ck_assert_ptr_null(template_parse("t.txt", "{{?}}\n", &d));
	ck_assert_ptr_null(template_parse("t.txt", "{{?x:>3}}\n", &d));
}
END_TEST

START_TEST(pad_utf8)
{
	static const struct template_field f[] = {
		{ "name", "Zo\xc3\xab" },	/* 3 characters, 4 bytes */
		{ "euro", "\xe2\x82\xac" "5" },
	};
	char *s;

	s = parse_render("[{{name:<6}}][{{name:>6}}]\n", f, NFIELDS(f));
	ck_assert_str_eq(s, "[Zo\xc3\xab   ][   Zo\xc3\xab]\n");
	free(s);
	s = parse_render("[{{euro:>4}}][{{euro:<3}}]", f, NFIELDS(f));
	ck_assert_str_eq(s, "[  \xe2\x82\xac" "5][\xe2\x82\xac" "5 ]");
	free(s);
}
END_TEST

START_TEST(pad_longer)
{
	static const struct template_field f[] = {
		{ "name", "Zo\xc3\xab Smith" },
		{ "empty", "" },
	};
	char *s;

	s = parse_render("[{{name:<3}}][{{name:>9}}][{{name:<9}}]", f,
			 NFIELDS(f));
	ck_assert_str_eq(s, "[Zo\xc3\xab Smith][Zo\xc3\xab Smith]"
			 "[Zo\xc3\xab Smith]");
	free(s);
	s = parse_render("[{{empty:>3}}][{{empty:<2}}]", f, NFIELDS(f));
	ck_assert_str_eq(s, "[   ][  ]");
	free(s);
}
END_TEST

/* Every line of s at most TEMPLATE_WIDTH characters. */
static int
lines_fit(const char *s)
{
	size_t col = 0;

	for (; *s; s++) {
		if (*s == '\n')
			col = 0;
		else if (((unsigned char)*s & 0xc0) != 0x80
			 && ++col > TEMPLATE_WIDTH)
			return 0;
	}
	return 1;
}

START_TEST(fold_long)
{
	static const struct template_field f[] = {
		{ "name", "Margaret Anne Theodora Fitzwilliam-Worthington "
		  "and Bartholomew Alexander Montgomery-Featherstonehaugh" },
		{ "short", "Ann Smith" },
		{ "word", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
		  "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ" },	/* 88 */
		{ "utf8", "Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab "
		  "Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab "
		  "Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab Zo\xc3\xab" },
		{ "nl", "a b c d e f g h i j k l m n o p q r s t u v w x y z "
		  "a b c d e f g h i j k l m n o p q r s t u v w x y z\n" },
	};
	char *s;

	/* the label's column: 19; room 61 */
	s = parse_render("Name:              {{name}}\nnext\n", f, NFIELDS(f));
	ck_assert_str_eq(s,
		"Name:              Margaret Anne Theodora "
		"Fitzwilliam-Worthington and\n"
		"                   Bartholomew Alexander "
		"Montgomery-Featherstonehaugh\nnext\n");
	ck_assert(lines_fit(s));
	free(s);
	/* what fits is not touched, text after a folded field follows it */
	s = parse_render("Name:              {{short}}.\n", f, NFIELDS(f));
	ck_assert_str_eq(s, "Name:              Ann Smith.\n");
	free(s);
	/* a word longer than the room is cut at the room */
	s = parse_render("{{word}}|", f, NFIELDS(f));
	ck_assert_str_eq(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "ABCDEFGHIJKLMNOPQRSTUVWXYZAB\nCDEFGHIJ|");
	free(s);
	/* characters, not bytes: 15 x "Zoë" and their spaces, 59
	 * characters (74 bytes), fit from column 21, not from 22 */
	s = parse_render("                     {{utf8}}", f, NFIELDS(f));
	ck_assert(strchr(s, '\n') == NULL);
	free(s);
	s = parse_render("                      {{utf8}}", f, NFIELDS(f));
	ck_assert(strchr(s, '\n') != NULL);
	ck_assert(lines_fit(s));
	free(s);
	/* the column counts what a previous field wrote, padded or not */
	s = parse_render("{{short:<30}}{{short}}{{name}}", f, NFIELDS(f));
	ck_assert(lines_fit(s));
	ck_assert(strncmp(s, "Ann Smith                     Ann SmithMargaret "
			  "Anne Theodora", 52) == 0);
	free(s);
	/* too far right to fold; a value with its own newline */
	s = parse_render("                                                   "
			 "              {{name}}", f, NFIELDS(f));
	ck_assert(strchr(s, '\n') == NULL);
	free(s);
	s = parse_render("{{nl}}", f, NFIELDS(f));
	ck_assert_str_eq(s, f[4].value);
	free(s);
	/* an aligned field is padded, never folded */
	s = parse_render("{{name:<10}}", f, NFIELDS(f));
	ck_assert_str_eq(s, f[0].value);
	free(s);
}
END_TEST

START_TEST(malformed)
{
	static const char *const cases[][2] = {
		{ "{{x", "t.txt:1: placeholder '{{x' not closed" },
		{ "a\nb\n{{x\n}}\n", "t.txt:3: placeholder '{{x' not closed" },
		{ "ok {{a}} then {{b:>3}", "t.txt:1: placeholder "
		  "'{{b:>3}' not closed" },
		{ "\n{{", "t.txt:2: placeholder '{{' not closed" },
		{ "{{a {{b}}", "t.txt:1: '{{' inside placeholder '{{a {{b}}'" },
		{ "x\n{{{{b}}\ny", "t.txt:2: '{{' inside placeholder "
		  "'{{{{b}}'" },
		{ "\n\n\nx {{}}", "t.txt:4: placeholder '{{}}': "
		  "bad field name ''" },
		{ "{{Name}}", "t.txt:1: placeholder '{{Name}}': "
		  "bad field name 'Name'" },
		{ "{{ name }}", "t.txt:1: placeholder '{{ name }}': "
		  "bad field name ' name '" },
		{ "{{na-me}}", "t.txt:1: placeholder '{{na-me}}': "
		  "bad field name 'na-me'" },
		{ "{{na\tme}}", "t.txt:1: placeholder '{{na\\x09me}}': "
		  "bad field name 'na\\x09me'" },
		{ "{{{name}}}", "t.txt:1: placeholder '{{{name}}': "
		  "bad field name '{name'" },
		{ "{{:>5}}", "t.txt:1: placeholder '{{:>5}}': "
		  "bad field name ''" },
	};
	static const char *const widths[] = {
		":12", ":", ":>", ":<0", ":>1000", ":^5", ":>5x", ":>-1",
		":> 5", ":>5:", "::>5",
	};
	size_t i;

	for (i = 0; i < NFIELDS(cases); i++) {
		setup();
		ck_assert_ptr_null(template_parse("t.txt", cases[i][0], &d));
		ck_assert_str_eq(d.msg, cases[i][1]);
		ck_assert_int_eq(d.status, EXIT_DATAERR);
	}
	for (i = 0; i < NFIELDS(widths); i++) {
		char src[64], want[256];

		setup();
		snprintf(src, sizeof src, "a\n\nb {{amount%s}} c\n", widths[i]);
		snprintf(want, sizeof want, "t.txt:3: placeholder "
			 "'{{amount%s}}': bad width '%s' (use :<N or :>N, "
			 "N from 1 to 999)", widths[i], widths[i]);
		ck_assert_ptr_null(template_parse("t.txt", src, &d));
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.status, EXIT_DATAERR);
	}
}
END_TEST

START_TEST(widths_ok)
{
	static const struct template_field f[] = { { "a_1", "x" } };
	char *s;

	s = parse_render("{{a_1:>1}}{{a_1:<999}}|", f, NFIELDS(f));
	ck_assert_uint_eq(strlen(s), 1 + 999 + 1);
	ck_assert_int_eq(s[1000], '|');
	free(s);
}
END_TEST

START_TEST(unknown_field)
{
	static const struct template_field f[] = { { "known", "yes" } };
	struct template *t;
	char *s;

	t = template_parse("t.txt", "a\n{{known}}\n{{other:>4}}\n{{x}}\n",
			   &d);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(template_check(t, f, NFIELDS(f), &d), -1);
	ck_assert_str_eq(d.msg, "t.txt:3: unknown field 'other'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);

	/* nothing written, not even the text before the unknown field */
	setup();
	s = render(t, f, NFIELDS(f), -1);
	ck_assert_str_eq(d.msg, "t.txt:3: unknown field 'other'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	ck_assert_str_eq(s, "");
	free(s);
	template_free(t);
}
END_TEST

START_TEST(search_order)
{
	static const struct template_field f[] = { { "who", "x" } };
	struct template *t;
	char datadir[512], *s;

	make_dir("site");
	make_dir("data");
	make_dir("data/templates");
	write_file("site/n.txt", "site {{who}}\n", 13);
	write_file("data/templates/n.txt", "data {{who}}\n", 13);
	write_file("data/templates/only-data.txt", "only\n", 5);
	snprintf(datadir, sizeof datadir, "%s", tmp_path("data/"));
	setenv("ACCTKIT_TEMPLATES", tmp_path("site"), 1);
	setenv("ACCTKIT_DATADIR", datadir, 1);

	t = template_load("n.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render(t, f, NFIELDS(f), 0);
	ck_assert_str_eq(s, "site x\n");
	free(s);
	template_free(t);

	/* not in the site's directory: the data directory's */
	t = template_load("only-data.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render(t, f, 0, 0);
	ck_assert_str_eq(s, "only\n");
	free(s);
	template_free(t);

	unsetenv("ACCTKIT_TEMPLATES");
	t = template_load("n.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render(t, f, NFIELDS(f), 0);
	ck_assert_str_eq(s, "data x\n");
	free(s);
	template_free(t);

	/* an empty variable counts as unset */
	setenv("ACCTKIT_TEMPLATES", "", 1);
	t = template_load("n.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	template_free(t);
}
END_TEST

START_TEST(not_found)
{
	char want[2 * DIAG_MAX], site[512];

	make_dir("site");
	snprintf(site, sizeof site, "%s", tmp_path("site"));
	setenv("ACCTKIT_TEMPLATES", site, 1);
	setenv("ACCTKIT_DATADIR", tmp_path("nodata"), 1);
	snprintf(want, sizeof want, "template 'nope.txt': not found in %s, "
		 "%s/templates, %s/templates", site, tmp_path("nodata"),
		 ACCTKIT_PKGDATADIR);
	ck_assert_ptr_null(template_load("nope.txt", &d));
	ck_assert_str_eq(d.msg, want);
	ck_assert_int_eq(d.status, EXIT_REFUSED);
}
END_TEST

START_TEST(bad_names)
{
	static const char *const names[] = {
		"a/b.txt", "/etc/passwd", "../receipt.txt", ".hidden", ".", "",
		"receipt.txt/",
	};
	size_t i;

	setenv("ACCTKIT_TEMPLATES", "/", 1);
	for (i = 0; i < NFIELDS(names); i++) {
		char want[128];

		setup();
		snprintf(want, sizeof want,
			 "template name '%s': not a plain file name", names[i]);
		ck_assert_ptr_null(template_load(names[i], &d));
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.status, EXIT_REFUSED);
	}
}
END_TEST

START_TEST(unreadable)
{
	char want[2 * DIAG_MAX];

	/* a site's template that cannot be read does not fall back */
	make_dir("site");
	make_dir("site/r.txt");
	make_dir("data");
	make_dir("data/templates");
	write_file("data/templates/r.txt", "data\n", 5);
	setenv("ACCTKIT_TEMPLATES", tmp_path("site"), 1);
	setenv("ACCTKIT_DATADIR", tmp_path("data"), 1);
	snprintf(want, sizeof want, "%s: Is a directory",
		 tmp_path("site/r.txt"));
	ck_assert_ptr_null(template_load("r.txt", &d));
	ck_assert_str_eq(d.msg, want);
	ck_assert_int_eq(d.status, EXIT_REFUSED);

	setup();
	write_file("data/templates/nul.txt", "a\nb\0c\n", 6);
	ck_assert_ptr_null(template_load("nul.txt", &d));
	ck_assert_str_eq(d.msg, "nul.txt:2: NUL byte");
	ck_assert_int_eq(d.status, EXIT_DATAERR);

	setup();
	write_file("data/templates/bad.txt", "a\n{{b\n", 6);
	ck_assert_ptr_null(template_load("bad.txt", &d));
	ck_assert_str_eq(d.msg, "bad.txt:2: placeholder '{{b' not closed");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
}
END_TEST

/* Renders t with sections into memory; the caller frees the text. */
static char *
render_sections(const struct template *t,
		const struct template_field *fields, size_t n,
		const struct template_section *sections, size_t nsections,
		int want_rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(template_render_sections(t, fp, fields, n, sections,
						  nsections, &d), want_rc);
	ck_assert_int_eq(fclose(fp), 0);
	return text;
}

static const char *const line_names[] = { "item", "amount", "note" };
static const char *const line_values[] = {
	"Water", "$12.30", "",
	"Sewer", "$7.05", "estimated",
	"Late fee", "$100.00", NULL,
};

/* The first nrows rows of line_values as the section "lines". */
static struct template_section
lines(size_t nrows)
{
	struct template_section sec = {
		"lines", line_names, line_values, NFIELDS(line_names), nrows
	};

	return sec;
}

static const char bill_src[] =
	"Bill {{bill}}\n"
	"{{#lines}}\n"
	"{{item:<10}}{{amount:>9}}\n"
	"{{?note}}  ({{note}})\n"
	"{{/lines}}\n"
	"Total {{total:>13}}\n";

START_TEST(section_rows)
{
	static const struct template_field f[] = {
		{ "bill", "B2026-000001" },
		{ "total", "$119.35" },
	};
	struct template_section sec;
	struct template *t;
	char *s;

	t = template_parse("bill.txt", bill_src, &d);
	ck_assert_msg(t != NULL, "%s", d.msg);

	sec = lines(0);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "Bill B2026-000001\n"
			 "Total       $119.35\n");
	free(s);

	sec = lines(1);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "Bill B2026-000001\n"
			 "Water        $12.30\n"
			 "Total       $119.35\n");
	free(s);

	sec = lines(3);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "Bill B2026-000001\n"
			 "Water        $12.30\n"
			 "Sewer         $7.05\n"
			 "  (estimated)\n"
			 "Late fee    $100.00\n"
			 "Total       $119.35\n");
	free(s);
	template_free(t);
}
END_TEST

START_TEST(section_edges)
{
	static const char *const names[] = { "n" };
	static const char *const values[] = { "1", "2" };
	static const struct template_field f[] = { { "x", "X" } };
	struct template_section sec = { "s", names, values, 1, 2 };
	struct template *t;
	char *s;

	/* at the very start and end, without a last newline */
	t = template_parse("t.txt", "{{#s}}\n{{n}}{{x}}\n{{/s}}", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "1X\n2X\n");
	free(s);
	template_free(t);

	/* an empty section, the same section twice, a last line without a
	 * newline inside */
	t = template_parse("t.txt", "a\n{{#s}}\n{{/s}}\n{{#s}}\n"
			   "[{{n}}]\n{{/s}}\nb", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "a\n[1]\n[2]\nb");
	free(s);
	template_free(t);

	/* a conditional line just before a section and just after */
	t = template_parse("t.txt", "{{?none}}gone\n{{#s}}\n{{n}}\n{{/s}}\n"
			   "{{?none}}gone too\nend\n", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	{
		static const struct template_field g[] = { { "none", "" } };

		s = render_sections(t, g, NFIELDS(g), &sec, 1, 0);
		ck_assert_str_eq(s, "1\n2\nend\n");
		free(s);
	}
	template_free(t);

	/* sections passed but not in the template are fine */
	t = template_parse("t.txt", "{{x}}\n", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render_sections(t, f, NFIELDS(f), &sec, 1, 0);
	ck_assert_str_eq(s, "X\n");
	free(s);
	template_free(t);
}
END_TEST

START_TEST(section_shadowing)
{
	static const char *const names[] = { "name", "amount" };
	static const char *const values[] = {
		"row one", "$1.00",
		"row two", NULL,
	};
	static const struct template_field f[] = {
		{ "name", "Ann Smith" },
		{ "amount", "$9.99" },
		{ "account", "1001" },
	};
	struct template_section sec[] = {
		{ "other", names, values, 2, 0 },
		{ "rows", names, values, 2, 2 },
	};
	struct template *t;
	char *s;

	t = template_parse("t.txt", "{{name}} {{amount}}\n{{#rows}}\n"
			   "{{account}}: {{name}} [{{amount:>5}}]\n"
			   "{{?amount}}paid\n{{/rows}}\n{{name}} {{amount}}\n",
			   &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render_sections(t, f, NFIELDS(f), sec, NFIELDS(sec), 0);
	ck_assert_str_eq(s, "Ann Smith $9.99\n"
			 "1001: row one [$1.00]\n"
			 "paid\n"
			 "1001: row two [     ]\n"
			 "Ann Smith $9.99\n");
	free(s);
	template_free(t);
}
END_TEST

START_TEST(section_malformed)
{
	static const char *const cases[][2] = {
		{ "a\n\n\n\n\n\n{{#lines}}\nx\n",
		  "t.txt:8: section 'lines' opened on line 7 is not closed" },
		{ "{{#lines}}",
		  "t.txt:1: section 'lines' opened on line 1 is not closed" },
		{ "{{#lines}}\n{{x}}",
		  "t.txt:2: section 'lines' opened on line 1 is not closed" },
		{ "a\n{{/lines}}\n",
		  "t.txt:2: section 'lines' closed but not opened" },
		{ "{{#s}}\n{{/s}}\n{{/s}}\n",
		  "t.txt:3: section 's' closed but not opened" },
		{ "a\n{{#lines}}\nb\n{{/other}}\n",
		  "t.txt:4: section 'lines' opened on line 2 is closed by "
		  "'{{/other}}'" },
		{ "{{#lines}}\n{{#inner}}\n{{/inner}}\n{{/lines}}\n",
		  "t.txt:2: section 'inner' inside section 'lines' opened on "
		  "line 1 (sections do not nest)" },
		{ "{{#s}}\n{{#s}}\n",
		  "t.txt:2: section 's' inside section 's' opened on line 1 "
		  "(sections do not nest)" },
		{ "\n{{#Lines}}\n{{/Lines}}\n", "t.txt:2: section marker "
		  "'{{#Lines}}': bad section name 'Lines'" },
		{ "{{#}}\n", "t.txt:1: section marker '{{#}}': "
		  "bad section name ''" },
		{ "{{# lines}}\n", "t.txt:1: section marker '{{# lines}}': "
		  "bad section name ' lines'" },
		{ "{{#a-b}}\n", "t.txt:1: section marker '{{#a-b}}': "
		  "bad section name 'a-b'" },
		{ "{{#s}}\n{{/s:>3}}\n", "t.txt:2: section marker "
		  "'{{/s:>3}}': bad section name 's:>3'" },
		{ "{{#s}}\n{{/}}\n", "t.txt:2: section marker '{{/}}': "
		  "bad section name ''" },
		{ "x {{#lines}}\n{{/lines}}\n", "t.txt:1: section marker "
		  "'{{#lines}}' not alone on its line" },
		{ "{{#lines}} \n{{/lines}}\n", "t.txt:1: section marker "
		  "'{{#lines}}' not alone on its line" },
		{ "{{#lines}}\r\n{{/lines}}\r\n", "t.txt:1: section marker "
		  "'{{#lines}}' not alone on its line" },
		{ "{{#s}}\nx\n{{/s}}{{y}}\n", "t.txt:3: section marker "
		  "'{{/s}}' not alone on its line" },
		{ "{{#s}}\n{{?y}}{{/s}}\n", "t.txt:2: section marker "
		  "'{{/s}}' not alone on its line" },
		{ "{{#lines\n{{/lines}}\n", "t.txt:1: placeholder "
		  "'{{#lines' not closed" },
	};
	size_t i;

	for (i = 0; i < NFIELDS(cases); i++) {
		setup();
		ck_assert_msg(template_parse("t.txt", cases[i][0], &d) == NULL,
			      "parsed: %s", cases[i][0]);
		ck_assert_str_eq(d.msg, cases[i][1]);
		ck_assert_int_eq(d.status, EXIT_DATAERR);
	}
}
END_TEST

START_TEST(section_unknown)
{
	static const struct template_field f[] = {
		{ "bill", "B1" },
		{ "total", "$1.00" },
	};
	struct template_section sec[] = { lines(3) };
	struct template_section other = {
		"items", line_names, line_values, NFIELDS(line_names), 3
	};
	struct template *t;
	char *s;

	t = template_parse("bill.txt", bill_src, &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	ck_assert_int_eq(template_check_sections(t, f, NFIELDS(f), sec, 1,
						 &d), 0);

	/* a section the program does not give */
	ck_assert_int_eq(template_check_sections(t, f, NFIELDS(f), &other, 1,
						 &d), -1);
	ck_assert_str_eq(d.msg, "bill.txt:2: unknown section 'lines'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	setup();
	s = render_sections(t, f, NFIELDS(f), &other, 1, -1);
	ck_assert_str_eq(d.msg, "bill.txt:2: unknown section 'lines'");
	ck_assert_str_eq(s, "");
	free(s);

	/* nor can the functions without sections render one */
	setup();
	ck_assert_int_eq(template_check(t, f, NFIELDS(f), &d), -1);
	ck_assert_str_eq(d.msg, "bill.txt:2: unknown section 'lines'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	setup();
	s = render(t, f, NFIELDS(f), -1);
	ck_assert_str_eq(d.msg, "bill.txt:2: unknown section 'lines'");
	ck_assert_str_eq(s, "");
	free(s);

	/* a row's field is no document field outside its section */
	setup();
	ck_assert_int_eq(template_check_sections(t, f, 1, sec, 1, &d), -1);
	ck_assert_str_eq(d.msg, "bill.txt:6: unknown field 'total'");
	template_free(t);
	t = template_parse("bill.txt", "{{#lines}}\n{{/lines}}\n{{item}}\n",
			   &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	ck_assert_int_eq(template_check_sections(t, f, NFIELDS(f), sec, 1,
						 &d), -1);
	ck_assert_str_eq(d.msg, "bill.txt:3: unknown field 'item'");
	template_free(t);
}
END_TEST

START_TEST(section_unknown_field)
{
	static const struct template_field f[] = { { "bill", "B1" } };
	struct template_section sec[] = { lines(3) };
	struct template *t;
	char *s;

	/* nothing written, not even the rows before */
	t = template_parse("bill.txt", "{{bill}}\n{{#lines}}\n{{item}}\n"
			   "\n{{item}} {{price:>5}}\n{{/lines}}\n", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	ck_assert_int_eq(template_check_sections(t, f, NFIELDS(f), sec, 1,
						 &d), -1);
	ck_assert_str_eq(d.msg, "bill.txt:5: unknown field 'price'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	setup();
	s = render_sections(t, f, NFIELDS(f), sec, 1, -1);
	ck_assert_str_eq(d.msg, "bill.txt:5: unknown field 'price'");
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	ck_assert_str_eq(s, "");
	free(s);
	template_free(t);

	/* and the condition of a line is a field too, with no rows as well */
	setup();
	sec[0].nrows = 0;
	t = template_parse("bill.txt", "{{#lines}}\n{{?paid}}x\n{{/lines}}\n",
			   &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	s = render_sections(t, f, NFIELDS(f), sec, 1, -1);
	ck_assert_str_eq(d.msg, "bill.txt:2: unknown field 'paid'");
	ck_assert_str_eq(s, "");
	free(s);
	template_free(t);
}
END_TEST

/* Every field a receipt program passes, with values as long as a real
 * office's get. */
static const struct template_field receipt_fields[] = {
	{ "title", "VOID RECEIPT" },
	{ "duplicate", "DUPLICATE" },
	{ "receipt", "R2026-000123" },
	{ "issued_at", "2026-11-27 14:03 UTC" },
	{ "paid_on", "2026-11-26" },
	{ "account", "1000123456" },
	{ "name", "Zo\xc3\xab Ma\xc3\xaftre-\xc3\x85ngstr\xc3\xb6m "
	  "and Bartholomew Castellanos" },
	{ "service_address", "12345 North Riverside Industrial Parkway, "
	  "Unit 1204B" },
	{ "amount", "$123,456.78" },
	{ "tender", "money-order" },
	{ "check_no", "000000123456" },
	{ "balance_before", "-$12,345.67" },
	{ "balance_after", "$111,111.11" },
	{ "note", "Your account now has a credit of $12,345.67; it will be "
	  "applied." },
	{ "voids", "R2026-000122" },
	{ "reason", "Payment keyed to the wrong account by the clerk at the "
	  "window" },
	{ "clerk", "jmartinez-delacruz" },
};

static size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

START_TEST(receipt)
{
	struct template_field some[NFIELDS(receipt_fields)];
	const char *srcdir = getenv("top_srcdir");
	char datadir[4096], want[128], *s, *line, *nl;
	struct template *t;
	size_t i, j, n;

	snprintf(datadir, sizeof datadir, "%s/data", srcdir ? srcdir : ".");
	setenv("ACCTKIT_DATADIR", datadir, 1);
	unsetenv("ACCTKIT_TEMPLATES");
	t = template_load("receipt.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	ck_assert_int_eq(template_check(t, receipt_fields,
					NFIELDS(receipt_fields), &d), 0);

	/* and every one of them is used */
	for (i = 0; i < NFIELDS(receipt_fields); i++) {
		for (j = n = 0; j < NFIELDS(receipt_fields); j++)
			if (j != i)
				some[n++] = receipt_fields[j];
		snprintf(want, sizeof want, "unknown field '%s'",
			 receipt_fields[i].name);
		ck_assert_int_eq(template_check(t, some, n, &d), -1);
		ck_assert_msg(strstr(d.msg, want) != NULL, "%s", d.msg);
	}

	s = render(t, receipt_fields, NFIELDS(receipt_fields), 0);
	for (i = 0; i < NFIELDS(receipt_fields); i++)
		ck_assert_msg(strstr(s, receipt_fields[i].value) != NULL,
			      "%s not rendered", receipt_fields[i].name);
	ck_assert_ptr_nonnull(strstr(s, "\nKeep this receipt.\n"));
	ck_assert_int_eq(s[strlen(s) - 1], '\n');
	for (line = s; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		ck_assert_ptr_nonnull(nl);
		ck_assert_msg(utf8_chars(line, nl - line) <= 80,
			      "wider than 80: %.*s", (int) (nl - line), line);
		ck_assert_ptr_null(memchr(line, '\t', nl - line));
	}
	free(s);
	template_free(t);
}
END_TEST

static Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("render");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, render_plain);
	tcase_add_test(tc, conditional_lines);
	tcase_add_test(tc, pad_utf8);
	tcase_add_test(tc, pad_longer);
	tcase_add_test(tc, fold_long);
	tcase_add_test(tc, widths_ok);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, unknown_field);
	suite_add_tcase(s, tc);
	tc = tcase_create("sections");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, section_rows);
	tcase_add_test(tc, section_edges);
	tcase_add_test(tc, section_shadowing);
	tcase_add_test(tc, section_malformed);
	tcase_add_test(tc, section_unknown);
	tcase_add_test(tc, section_unknown_field);
	suite_add_tcase(s, tc);
	tc = tcase_create("load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, search_order);
	tcase_add_test(tc, not_found);
	tcase_add_test(tc, bad_names);
	tcase_add_test(tc, unreadable);
	tcase_add_test(tc, receipt);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(template_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
