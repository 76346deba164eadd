/* acct: runs an acctkit program by its short name ("acct show 1001" runs
 * acct-show); "acct help" lists the programs installed with their summaries. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "closeout.h"
#include "diag.h"
#include "error.h"
#include "progname.h"
#include "xalloc.h"

/* The catalogue of acctkit(7): what "acct help" looks for. */
static const char *const programs[] = {
	"acct-db", "acct-import", "acct-edit", "acct-show", "acct-list",
	"ledger-post", "acct-adjust", "pay-post", "receipt-print",
	"bill-print", "plan-calc", "plan-agree", "plan-check", "affidavit",
	"cert-issue", "cert-verify", "contact-log", "invest-req",
	"shutoff-notice", "shutoff-sched", "restore-sched", "order-list",
	"order-close", "case-open", "case-note", "case-close", "case-list",
	"acct-report", NULL
};

static const struct option long_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s NAME [ARG...] | help\nTry '%s "
			"--help'.\n", program_name, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s NAME [ARG...] | help\n", program_name);
	puts("Run the acctkit program NAME with ARGs: 'acct show 1001' runs "
	     "acct-show 1001,\n'acct ledger-post FILE' runs ledger-post.  "
	     "Programs are looked for beside acct\nfirst, then in PATH.  "
	     "'acct help' lists the programs installed, each with\nits "
	     "one-line summary.\n\n"
	     "Options:\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: that of the program run; 2 usage; 127 no such "
	     "program.\nSee acct(1) and acctkit(7).");
	exit(EXIT_SUCCESS);
}

static char *self_dir;

/* The path of program name: beside acct, else in PATH; NULL if none. */
static char *
find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *buf, *dirs, *dir, *save = NULL;

	if (self_dir) {
		buf = xmalloc(strlen(self_dir) + strlen(name) + 2);
		sprintf(buf, "%s/%s", self_dir, name);
		if (access(buf, X_OK) == 0)
			return buf;
		free(buf);
	}
	if (!path)
		return NULL;
	dirs = xstrdup(path);
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		buf = xmalloc(strlen(dir) + strlen(name) + 2);
		sprintf(buf, "%s/%s", *dir ? dir : ".", name);
		if (access(buf, X_OK) == 0) {
			free(dirs);
			return buf;
		}
		free(buf);
	}
	free(dirs);
	return NULL;
}

/* The summary of "PROGRAM --help": the first line after the usage lines
 * (which start with "Usage:" and go on indented). */
static int
summary(const char *path, char *line, size_t size)
{
	int fd[2], status, found = 0, in_usage = 0;
	pid_t pid;
	FILE *fp;

	if (pipe(fd) < 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execl(path, path, "--help", (char *) NULL);
		_exit(127);
	}
	close(fd[1]);
	fp = fdopen(fd[0], "r");
	while (fp && !found && fgets(line, size, fp)) {
		if (strncmp(line, "Usage:", 6) == 0)
			in_usage = 1;
		else if (in_usage && line[0] != ' ' && line[0] != '\n')
			found = 1;
	}
	if (fp) {
		while (getc(fp) != EOF)	/* let the program finish writing */
			;
		fclose(fp);
	}
	waitpid(pid, &status, 0);
	if (!found)
		return -1;
	line[strcspn(line, "\n")] = '\0';
	return 0;
}

static int
help(void)
{
	char line[512], *path;
	size_t i;

	for (i = 0; programs[i]; i++) {
		path = find_program(programs[i]);
		if (!path)
			continue;
		if (summary(path, line, sizeof line) < 0)
			line[0] = '\0';
		printf("%-16s%s\n", programs[i], line);
		free(path);
	}
	return EXIT_DONE;
}

int
main(int argc, char **argv)
{
	char *name, *path, *slash;
	int c;

	set_program_name(argv[0]);
	atexit(close_stdout);

	/* options stop at the program name: the rest is the program's */
	while ((c = getopt_long(argc, argv, "+h", long_options, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(EXIT_SUCCESS);
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc < 1)
		cli_usage_error("no program named");
	slash = strrchr(argv[-optind], '/');
	if (slash) {
		self_dir = xstrdup(argv[-optind]);
		self_dir[slash - argv[-optind]] = '\0';
	}
	if (strcmp(argv[0], "help") == 0)
		return help();
	if (strchr(argv[0], '/'))
		cli_usage_error("'%s': a program name, not a path", argv[0]);

	name = xmalloc(strlen(argv[0]) + sizeof "acct-");
	sprintf(name, "acct-%s", argv[0]);
	path = find_program(name);
	if (!path) {
		size_t i;

		for (i = 0; programs[i]; i++)
			if (strcmp(programs[i], argv[0]) == 0)
				path = find_program(argv[0]);
	}
	free(name);
	if (!path)
		error(127, 0, "'%s': no such program (try 'acct help')",
		      argv[0]);
	fflush(stdout);
	argv[0] = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	execv(path, argv);
	error(126, errno, "%s", path);
	return 126;
}
