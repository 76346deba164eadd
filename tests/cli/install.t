#!/bin/sh
# The installed tree: run by "make installcheck" (and so by "make distcheck",
# after its install), not by "make check", when nothing is installed.  The
# Makefile passes the directories and the lists of the build: DESTDIR,
# bindir, mandir, pkgdatadir, bashcompdir, examplesdir, EXEEXT, programs
# (cmd/NAME ...), pages (man/NAME.N ...), examples (data/examples/FILE ...).
#
# Every program, page, example and completion link is where it belongs;
# each installed program runs; acct finds the programs beside it and in
# PATH; a store is made and used with the installed programs and data; bash
# loads the completion of a program from the installed directory.
. "$top_srcdir/tests/cli/lib.sh"

: "${DESTDIR=}" "${EXEEXT=}"
for v in bindir mandir pkgdatadir bashcompdir examplesdir programs pages; do
	eval "[ -n \"\${$v:-}\" ]" || { echo "Bail out! $v is not set: run make installcheck"; exit 1; }
done
bin=$DESTDIR$bindir
names=
for p in $programs; do
	p=${p##*/}
	names="$names ${p%"$EXEEXT"}"
done
# the programs read their data where it was installed, wherever DESTDIR put it
[ -n "$DESTDIR" ] && ACCTKIT_DATADIR=$DESTDIR$pkgdatadir || unset ACCTKIT_DATADIR
PATH_NO_BIN=/usr/bin:/bin

for p in $names; do
	if [ -x "$bin/$p$EXEEXT" ]; then pass "$p is installed in bindir"; else
		fail "$p is installed in bindir"; continue
	fi
	run "$bin/$p" --version
	status_is 0 "installed $p --version: exit 0"
	out_has "(acctkit)" "installed $p --version: names the package"
done

for page in $pages; do
	page=${page##*/}
	section=${page##*.}
	if [ -f "$DESTDIR$mandir/man$section/$page" ]; then
		pass "$page is installed in man$section"
	else
		fail "$page is installed in man$section"
	fi
done

for f in reasons.csv holidays sample templates; do
	if [ -e "$DESTDIR$pkgdatadir/$f" ]; then pass "pkgdatadir has $f"; else
		fail "pkgdatadir has $f"
	fi
done

for f in ${examples:-}; do
	f=${f##*/}
	if [ -f "$DESTDIR$examplesdir/$f" ]; then pass "example $f is installed"; else
		fail "example $f is installed"
	fi
done
if [ -x "$DESTDIR$examplesdir/nightly" ]; then pass "example nightly is executable"; else
	fail "example nightly is executable"
fi

# completion: "acct", and a link to it for every other program
comp=$DESTDIR$bashcompdir
if [ -f "$comp/acct" ] && ! grep -q '@ACCTKIT_PROGRAMS@' "$comp/acct"; then
	pass "the completion is installed as acct, with the programs' names"
else
	fail "the completion is installed as acct, with the programs' names"
fi
for p in $names; do
	[ "$p" = acct ] && continue
	if [ -L "$comp/$p" ] && [ "$(readlink "$comp/$p")" = acct ]; then
		pass "completion: $p is a link to acct"
	else
		fail "completion: $p is a link to acct"
	fi
done

# acct finds the programs beside it, with none in PATH, and in PATH
run env PATH=$PATH_NO_BIN "$bin/acct" help
status_is 0 "installed acct help, by its path: exit 0"
for p in $names; do
	[ "$p" = acct ] && continue
	if grep -q "^$p " "$T/out"; then pass "acct help, by its path: lists $p"; else
		fail "acct help, by its path: lists $p"
	fi
done
cp "$T/out" "$T/by-path"
run env PATH="$bin:$PATH_NO_BIN" acct help
if cmp -s "$T/by-path" "$T/out"; then pass "acct help, from PATH: the same list"; else
	fail "acct help, from PATH: the same list"; show_diff "$T/by-path" "$T/out"
fi

# a store made and used with the installed programs and data
run env PATH=$PATH_NO_BIN "$bin/acct" db init
status_is 0 "installed acct db init: exit 0"
err_has "reasons" "installed acct db init: the installed reasons loaded"
run env PATH="$bin:$PATH_NO_BIN" acct import "$top_srcdir/tests/fixtures/accounts.csv"
status_is 0 "acct import from PATH: exit 0"
run env PATH="$bin:$PATH_NO_BIN" acct show --format csv 1001
status_is 0 "acct show from PATH: exit 0"
out_has "1001," "acct show from PATH: the account"
run env PATH="$bin:$PATH_NO_BIN" acct db check
status_is 0 "acct db check from PATH: no faults"

# bash loads a program's completion from the installed directory
bash_completion=
for dir in "$(pkg-config --variable=datadir bash-completion 2>/dev/null)" /usr/share; do
	if [ -n "$dir" ] && [ -f "$dir/bash-completion/bash_completion" ]; then
		bash_completion=$dir/bash-completion/bash_completion
		break
	fi
done
case $comp in
*/completions) ;;
*) bash_completion= ;;	# the loader looks only in .../completions
esac
if [ -n "$bash_completion" ] && command -v bash >/dev/null 2>&1; then
	run env PATH="$bin:$PATH_NO_BIN" BASH_COMPLETION_USER_DIR="${comp%/completions}" \
		bash -c '. "$1"; __load_completion acct-show && complete -p acct-show' \
		sh "$bash_completion"
	out_has "-F _acctkit" "bash-completion loads acct-show's completion from bashcompdir"
else
	pass "bash-completion loads the completion # SKIP no bash-completion"
fi

done_testing
