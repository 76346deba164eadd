#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#include "diag.h"
#include "doc.h"

static struct diag d;
static char tmpdir[] = "/tmp/check_doc.XXXXXX";
static int saved_stdout = -1;

/* Standard output goes to a file for the test, so that what doc_out_flush
 * prints can be read back; Check's own output is flushed first, or it
 * would land in that file. */
static void
capture(const char *path)
{
	int fd;

	fflush(stdout);
	saved_stdout = dup(STDOUT_FILENO);
	ck_assert_int_ge(saved_stdout, 0);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_ge(dup2(fd, STDOUT_FILENO), 0);
	close(fd);
}

static void
restore(void)
{
	if (saved_stdout < 0)
		return;
	fflush(stdout);
	clearerr(stdout);	/* after /dev/full; the bytes are dropped */
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	saved_stdout = -1;
}

static void
setup(void)
{
	struct diag empty = DIAG_INIT;

	d = empty;
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
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
	restore();
	nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	strcpy(tmpdir + strlen(tmpdir) - 6, "XXXXXX");
}

static const char *
tmp_path(const char *rel)
{
	static char path[512];

	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	return path;
}

/* The whole file, NUL-terminated; the caller frees it. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *text = malloc(4096);
	size_t len;

	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(text);
	len = fread(text, 1, 4095, fp);
	text[len] = '\0';
	fclose(fp);
	return text;
}

static void
assert_file(const char *rel, const char *want)
{
	char *text = slurp(tmp_path(rel));

	ck_assert_str_eq(text, want);
	free(text);
}

static int
count_entries(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dir);
	return n;
}

static void
add_doc(struct doc_out *o, const char *number, const char *text)
{
	FILE *fp = doc_begin(o, number, &d);

	ck_assert_msg(fp != NULL, "%s", d.msg);
	fputs(text, fp);
	ck_assert_int_eq(doc_end(o, &d), 0);
}

START_TEST(stdout_form_feeds)
{
	struct doc_out *o = doc_out_new(NULL, &d);
	char *text;

	ck_assert_ptr_nonnull(o);
	capture(tmp_path("out"));
	add_doc(o, "R2026-000001", "first\n");
	add_doc(o, "R2026-000002", "no newline");
	add_doc(o, "R2026-000003", "");
	fflush(stdout);
	text = slurp(tmp_path("out"));
	ck_assert_str_eq(text, "");	/* nothing before the flush */
	free(text);

	ck_assert_int_eq(doc_out_flush(o, &d), 3);
	ck_assert_int_eq(doc_out_flush(o, &d), 0);
	text = slurp(tmp_path("out"));
	ck_assert_str_eq(text, "first\n\fno newline\n\f\n");
	free(text);

	/* a later batch goes on with a form feed, not before the first */
	add_doc(o, "1", "two\nlines\n");
	ck_assert_int_eq(doc_out_flush(o, &d), 1);
	restore();
	text = slurp(tmp_path("out"));
	ck_assert_str_eq(text, "first\n\fno newline\n\f\n\ftwo\nlines\n");
	free(text);
	doc_out_free(o);
}
END_TEST

START_TEST(stdout_unflushed)
{
	struct doc_out *o = doc_out_new(NULL, &d);
	char *text;
	FILE *fp;

	capture(tmp_path("out"));
	add_doc(o, "A1", "dropped\n");
	fp = doc_begin(o, "A2", &d);
	ck_assert_ptr_nonnull(fp);
	fputs("half", fp);
	doc_out_free(o);	/* a rolled-back batch */
	restore();
	text = slurp(tmp_path("out"));
	ck_assert_str_eq(text, "");
	free(text);
}
END_TEST

START_TEST(stdout_full)
{
	struct doc_out *o;

	if (access("/dev/full", W_OK) != 0)
		return;
	o = doc_out_new(NULL, &d);
	capture("/dev/full");
	add_doc(o, "R1", "receipt\n");
	ck_assert_int_eq(doc_out_flush(o, &d), -1);
	restore();
	ck_assert_str_eq(d.msg, "standard output: No space left on device");
	ck_assert_int_eq(d.status, EXIT_REFUSED);
	doc_out_free(o);
}
END_TEST

START_TEST(dir_files)
{
	struct doc_out *o;
	struct stat st;
	mode_t old = umask(022);

	o = doc_out_new(tmpdir, &d);
	ck_assert_msg(o != NULL, "%s", d.msg);
	add_doc(o, "R2026-000001", "first\n");
	add_doc(o, "R2026-000002", "second");
	ck_assert_int_eq(count_entries(tmpdir), 0);
	ck_assert_int_eq(doc_out_flush(o, &d), 2);
	ck_assert_int_eq(count_entries(tmpdir), 2);
	assert_file("R2026-000001.txt", "first\n");
	assert_file("R2026-000002.txt", "second\n");	/* no form feed */
	ck_assert_int_eq(stat(tmp_path("R2026-000001.txt"), &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0644);
	ck_assert_int_eq(doc_out_flush(o, &d), 0);

	/* replaced, shorter, with the umask's mode */
	umask(027);
	add_doc(o, "R2026-000001", "new\n");
	ck_assert_int_eq(doc_out_flush(o, &d), 1);
	assert_file("R2026-000001.txt", "new\n");
	ck_assert_int_eq(stat(tmp_path("R2026-000001.txt"), &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	ck_assert_int_eq(count_entries(tmpdir), 2);
	doc_out_free(o);
	umask(old);
}
END_TEST

START_TEST(dir_trailing_slash)
{
	char dir[512];
	struct doc_out *o;

	snprintf(dir, sizeof dir, "%s/", tmpdir);
	o = doc_out_new(dir, &d);
	ck_assert_ptr_nonnull(o);
	add_doc(o, "B-7", "x\n");
	ck_assert_int_eq(doc_out_flush(o, &d), 1);
	assert_file("B-7.txt", "x\n");
	doc_out_free(o);
}
END_TEST

START_TEST(dir_write_error)
{
	struct doc_out *o = doc_out_new(tmpdir, &d);
	char want[DIAG_MAX];

	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(mkdir(tmp_path("R2.txt"), 0755), 0);
	add_doc(o, "R1", "one\n");
	add_doc(o, "R2", "two\n");
	add_doc(o, "R3", "three\n");
	ck_assert_int_eq(doc_out_flush(o, &d), -1);
	snprintf(want, sizeof want, "%s: Is a directory", tmp_path("R2.txt"));
	ck_assert_str_eq(d.msg, want);
	ck_assert_int_eq(d.status, EXIT_REFUSED);
	assert_file("R1.txt", "one\n");
	ck_assert_int_eq(access(tmp_path("R3.txt"), F_OK), -1);
	ck_assert_int_eq(count_entries(tmpdir), 2);	/* no file left aside */

	/* those not written are still there to retry */
	ck_assert_int_eq(rmdir(tmp_path("R2.txt")), 0);
	ck_assert_int_eq(doc_out_flush(o, &d), 2);
	assert_file("R1.txt", "one\n");
	assert_file("R2.txt", "two\n");
	assert_file("R3.txt", "three\n");
	doc_out_free(o);
}
END_TEST

START_TEST(dir_unflushed)
{
	struct doc_out *o = doc_out_new(tmpdir, &d);

	add_doc(o, "R1", "one\n");
	ck_assert_ptr_nonnull(doc_begin(o, "R2", &d));
	doc_out_free(o);
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

START_TEST(bad_dir)
{
	char want[DIAG_MAX];
	FILE *fp;

	ck_assert_ptr_null(doc_out_new(tmp_path("none"), &d));
	snprintf(want, sizeof want, "%s: No such file or directory",
		 tmp_path("none"));
	ck_assert_str_eq(d.msg, want);
	ck_assert_int_eq(d.status, EXIT_REFUSED);

	fp = fopen(tmp_path("file"), "w");
	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	ck_assert_ptr_null(doc_out_new(tmp_path("file"), &d));
	snprintf(want, sizeof want, "%s: Not a directory", tmp_path("file"));
	ck_assert_str_eq(d.msg, want);
	ck_assert_int_eq(d.status, EXIT_REFUSED);

	/* root may write anywhere */
	if (geteuid() != 0) {
		ck_assert_int_eq(mkdir(tmp_path("ro"), 0555), 0);
		ck_assert_ptr_null(doc_out_new(tmp_path("ro"), &d));
		snprintf(want, sizeof want, "%s: Permission denied",
			 tmp_path("ro"));
		ck_assert_str_eq(d.msg, want);
	}
}
END_TEST

START_TEST(bad_number)
{
	static const char *const numbers[] = {
		"", "a/b", "..", ".", "R 1", "R.1", "R_1", "R1.txt",
		"Zo\xc3\xab", "R1\n",
	};
	static const char *const quoted[] = {
		"", "a/b", "..", ".", "R 1", "R.1", "R_1", "R1.txt",
		"Zo\xc3\xab", "R1\\x0a",
	};
	struct doc_out *o = doc_out_new(tmpdir, &d);
	char want[128];
	size_t i;

	for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		d.status = 0;
		ck_assert_ptr_null(doc_begin(o, numbers[i], &d));
		snprintf(want, sizeof want, "document number '%s': "
			 "not letters, digits and '-'", quoted[i]);
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.status, EXIT_DATAERR);
	}
	add_doc(o, "-", "dash\n");
	add_doc(o, "Ab-09", "ok\n");
	ck_assert_int_eq(doc_out_flush(o, &d), 2);
	assert_file("-.txt", "dash\n");
	assert_file("Ab-09.txt", "ok\n");
	ck_assert_int_eq(count_entries(tmpdir), 2);
	doc_out_free(o);
}
END_TEST

START_TEST(begin_end_order)
{
	struct doc_out *o = doc_out_new(NULL, &d);

	ck_assert_int_eq(doc_end(o, &d), -1);
	ck_assert_str_eq(d.msg, "no document begun");
	ck_assert_ptr_nonnull(doc_begin(o, "R1", &d));
	ck_assert_ptr_null(doc_begin(o, "R2", &d));
	ck_assert_str_eq(d.msg, "document 'R2': begun before 'R1' ended");
	ck_assert_int_eq(doc_end(o, &d), 0);
	doc_out_free(o);
	doc_out_free(NULL);
}
END_TEST

static Suite *
doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("stdout");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, stdout_form_feeds);
	tcase_add_test(tc, stdout_unflushed);
	tcase_add_test(tc, stdout_full);
	tcase_add_test(tc, begin_end_order);
	suite_add_tcase(s, tc);
	tc = tcase_create("dir");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, dir_files);
	tcase_add_test(tc, dir_trailing_slash);
	tcase_add_test(tc, dir_write_error);
	tcase_add_test(tc, dir_unflushed);
	tcase_add_test(tc, bad_dir);
	tcase_add_test(tc, bad_number);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(doc_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
