#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "doc.h"
#include "xalloc.h"

#define QUOTE_MAX 64

struct doc {
	char *number;
	char *text;
	size_t len;
};

struct doc_out {
	char *dir;		/* NULL: standard output */
	struct doc *docs;	/* ended, not yet flushed */
	size_t ndocs, alloc;
	size_t printed;		/* to standard output so far: form feeds */
	/* the document between doc_begin() and doc_end() */
	FILE *fp;
	char *buf;
	size_t buflen;
	char *number;
};

struct doc_out *
doc_out_new(const char *dir, struct diag *d)
{
	struct doc_out *o;
	struct stat st;
	int err = 0;

	if (dir) {
		if (stat(dir, &st) != 0)
			err = errno;
		else if (!S_ISDIR(st.st_mode))
			err = ENOTDIR;
		else if (access(dir, W_OK | X_OK) != 0)
			err = errno;	/* said now, before the program commits */
		if (err) {
			diag_set(d, EXIT_REFUSED, "%s: %s", dir, strerror(err));
			return NULL;
		}
	}
	o = xzalloc(sizeof *o);
	if (dir) {
		size_t n = strlen(dir);

		while (n > 1 && dir[n - 1] == '/')
			n--;	/* "DIR/NUMBER.txt" in messages, not "DIR//" */
		o->dir = ximemdup0(dir, n);
	}
	return o;
}

/* The number becomes a file name: nothing that could leave DIR. */
static int
number_ok(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

FILE *
doc_begin(struct doc_out *o, const char *number, struct diag *d)
{
	char q[QUOTE_MAX];

	if (o->fp) {
		diag_set(d, EXIT_REFUSED,
			 "document '%s': begun before '%s' ended",
			 diag_quote(q, sizeof q, number), o->number);
		return NULL;
	}
	if (!number_ok(number)) {
		diag_set(d, EXIT_DATAERR,
			 "document number '%s': not letters, digits and '-'",
			 diag_quote(q, sizeof q, number));
		return NULL;
	}
	/* A memory stream fails only for want of memory. */
	if (!(o->fp = open_memstream(&o->buf, &o->buflen)))
		xalloc_die();
	o->number = xstrdup(number);
	return o->fp;
}

int
doc_end(struct doc_out *o, struct diag *d)
{
	struct doc *doc;
	int failed;

	if (!o->fp)
		return diag_set(d, EXIT_REFUSED, "no document begun");
	failed = ferror(o->fp);
	if (fclose(o->fp) != 0 || failed)
		xalloc_die();
	o->fp = NULL;
	if (o->buflen == 0 || o->buf[o->buflen - 1] != '\n') {
		o->buf = xrealloc(o->buf, o->buflen + 2);
		o->buf[o->buflen++] = '\n';
		o->buf[o->buflen] = '\0';
	}
	if (o->ndocs == o->alloc)
		o->docs = x2nrealloc(o->docs, &o->alloc, sizeof *o->docs);
	doc = &o->docs[o->ndocs++];
	doc->number = o->number;
	doc->text = o->buf;
	doc->len = o->buflen;
	o->number = NULL;
	o->buf = NULL;
	o->buflen = 0;
	return 0;
}

static int
write_all(int fd, const char *s, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, s, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= n;
	}
	return 0;
}

/* Written aside and renamed into place, so that a full disk leaves the
 * old copy of a reprinted document, not half of the new one. */
static int
write_file(const struct doc_out *o, const struct doc *doc, struct diag *d)
{
	size_t size = strlen(o->dir) + strlen(doc->number) + 32;
	char *path = xmalloc(size), *tmp = xmalloc(size);
	int fd, err = 0;

	snprintf(path, size, "%s/%s.txt", o->dir, doc->number);
	snprintf(tmp, size, "%s/.%s.txt.%ld", o->dir, doc->number,
		 (long) getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		err = errno;
	else if (write_all(fd, doc->text, doc->len) < 0)
		err = errno;
	if (fd >= 0 && close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		if (fd >= 0)
			unlink(tmp);
		diag_set(d, EXIT_REFUSED, "%s: %s", path, strerror(err));
	}
	free(path);
	free(tmp);
	return err ? -1 : 0;
}

static void
doc_release(struct doc *doc)
{
	free(doc->number);
	free(doc->text);
}

int
doc_out_flush(struct doc_out *o, struct diag *d)
{
	size_t i;
	int rc = 0;

	errno = 0;
	for (i = 0; i < o->ndocs; i++) {
		if (o->dir) {
			if ((rc = write_file(o, &o->docs[i], d)) < 0)
				break;
		} else {
			if (o->printed++ > 0)
				putchar('\f');
			fwrite(o->docs[i].text, 1, o->docs[i].len, stdout);
		}
		doc_release(&o->docs[i]);
	}
	/* Failing here, not at exit, lets the program say which batch. */
	if (!o->dir && (fflush(stdout) != 0 || ferror(stdout)))
		rc = diag_set(d, EXIT_REFUSED, "standard output: %s",
			      strerror(errno ? errno : EIO));
	/* Those not written stay, for doc_out_free() to drop. */
	if (i > 0) {
		memmove(o->docs, o->docs + i,
			(o->ndocs - i) * sizeof *o->docs);
		o->ndocs -= i;
	}
	return rc < 0 ? -1 : (int) i;
}

void
doc_out_free(struct doc_out *o)
{
	size_t i;

	if (!o)
		return;
	if (o->fp)
		fclose(o->fp);
	free(o->buf);
	free(o->number);
	for (i = 0; i < o->ndocs; i++)
		doc_release(&o->docs[i]);
	free(o->docs);
	free(o->dir);
	free(o);
}
