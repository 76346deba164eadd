/* replay: runs a fuzz target over files, without libFuzzer, so that the
 * seed corpus and every regression input go through the ordinary build (and
 * the sanitizer build) in make check.  Operands are files or directories
 * (their regular files, in name order); a target's broken property aborts.
 * Exit status 0 when every input ran, 2 for an input that cannot be read. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!fp) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			if (!(buf = realloc(buf, cap))) {
				fprintf(stderr, "replay: out of memory\n");
				exit(2);
			}
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	/* an exactly sized copy, as libFuzzer gives, so that reading past
	 * the end is seen by the sanitizers here too */
	{
		unsigned char *exact = malloc(len ? len : 1);

		if (!exact) {
			fprintf(stderr, "replay: out of memory\n");
			exit(2);
		}
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The regular files of dir, in name order: a run is the same every time. */
static int
run_dir(const char *dir, unsigned long *count)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL, *path;
	size_t n = 0, cap = 0, i;
	struct stat sb;
	int rc = 0;

	if (!dp) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof *names);
		}
		if (!names || !(names[n++] = strdup(e->d_name))) {
			fprintf(stderr, "replay: out of memory\n");
			exit(2);
		}
	}
	closedir(dp);
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		if (!(path = malloc(strlen(dir) + strlen(names[i]) + 2))) {
			fprintf(stderr, "replay: out of memory\n");
			exit(2);
		}
		sprintf(path, "%s/%s", dir, names[i]);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			if (run_file(path) < 0)
				rc = -1;
			else
				++*count;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	unsigned long count = 0;
	struct stat sb;
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (run_dir(argv[i], &count) < 0)
				rc = 2;
		} else if (run_file(argv[i]) < 0) {
			rc = 2;
		} else {
			count++;
		}
	}
	printf("replay: %lu inputs\n", count);
	return rc;
}
