## Installing: bash completion where bash-completion looks for it, the
## examples of data/examples, the check of an installed tree, and the Debian
## packaging in the tarball.  Included after tests/local.mk.

# The completion is completion/acctkit.bash with the programs' names written
# in.  It is installed as "acct" and linked under every other program's name:
# bash-completion loads the file named after a command at its first TAB.
# Where bash-completion looks (its completionsdir, and the default of its
# XDG_DATA_DIRS for /usr/local), under the prefix so that distcheck installs
# as an ordinary user: bashcompdir comes from configure.
nodist_bashcomp_DATA = completion/acct
CLEANFILES += completion/acct
EXTRA_DIST += completion/acctkit.bash
completion/acct: $(top_srcdir)/completion/acctkit.bash Makefile
	$(AM_V_GEN)$(MKDIR_P) completion && \
	programs=`for p in $(bin_PROGRAMS); do p=$${p##*/}; \
	  echo $${p%$(EXEEXT)}; done`; \
	sed "s|@ACCTKIT_PROGRAMS@|`echo $$programs`|" \
	  $(top_srcdir)/completion/acctkit.bash >$@-t && mv $@-t $@

install-data-hook: install-completion-links
uninstall-hook: uninstall-completion-links
install-completion-links:
	@$(NORMAL_INSTALL)
	cd "$(DESTDIR)$(bashcompdir)" && \
	for p in $(bin_PROGRAMS); do \
	  p=$${p##*/}; p=$${p%$(EXEEXT)}; test "$$p" = acct && continue; \
	  rm -f "$$p" && ln -s acct "$$p" || exit 1; \
	done
uninstall-completion-links:
	@$(NORMAL_UNINSTALL)
	cd "$(DESTDIR)$(bashcompdir)" 2>/dev/null || exit 0; \
	for p in $(bin_PROGRAMS); do \
	  p=$${p##*/}; p=$${p%$(EXEEXT)}; test "$$p" = acct || rm -f "$$p"; \
	done
.PHONY: install-completion-links uninstall-completion-links

# The nightly batch: a crontab, a script and systemd units to copy and edit.
examplesdir = $(docdir)/examples
dist_examples_DATA = data/examples/README data/examples/crontab \
	data/examples/acctkit-nightly.service data/examples/acctkit-nightly.timer
dist_examples_SCRIPTS = data/examples/nightly

# The installed tree, checked by "make installcheck" (which "make distcheck"
# runs after its own install): every program, page, completion link and
# example where it belongs, acct finding the programs, a store made and used
# from the installed programs.  Not a "make check" test: nothing is
# installed then.
installcheck-local:
	DESTDIR='$(DESTDIR)' bindir='$(bindir)' mandir='$(mandir)' \
	pkgdatadir='$(pkgdatadir)' bashcompdir='$(bashcompdir)' \
	examplesdir='$(examplesdir)' EXEEXT='$(EXEEXT)' \
	programs='$(bin_PROGRAMS)' pages='$(dist_man_MANS)' \
	examples='$(dist_examples_DATA) $(dist_examples_SCRIPTS)' \
	top_srcdir='$(abs_top_srcdir)' \
	$(SHELL) $(top_srcdir)/tests/cli/install.t

EXTRA_DIST += tests/cli/install.t

EXTRA_DIST += debian/changelog debian/control debian/copyright debian/rules \
	debian/source/format debian/acctkit.dirs debian/acctkit.postinst \
	debian/acctkit.postrm debian/acctkit.README.Debian \
	debian/acctkit.docs debian/acctkit.lintian-overrides debian/tests/control \
	debian/tests/installed
