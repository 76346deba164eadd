#!/bin/sh
# acct: runs a program by its short name; acct help lists the summaries.
. "$top_srcdir/tests/cli/lib.sh"
make_store

run acct-show 1002
cp "$T/out" "$T/direct"
run acct show 1002
status_is 0 "acct show 1002: exit 0"
if cmp -s "$T/direct" "$T/out"; then pass "acct show 1002 prints what acct-show 1002 does"; else
	fail "acct show 1002 prints what acct-show 1002 does"; show_diff "$T/direct" "$T/out"
fi
err_empty "acct show 1002: nothing on stderr"

run acct show --date 2026-10-31 1002
out_has ',200.00,200.00,40,0.00,100.00,100.00,0.00,0.00,2026-08-20,100.00' "the options go to the program"

run acct ledger-post --version
status_is 0 "a program by its full name"
out_has "(acctkit)" "a program by its full name: run"

run acct show 9999
status_is 1 "the program's exit status is acct's"
err_is "acct-show: account '9999': no such account" "the program's diagnostics name it as the user knows it"

run acct db check
status_is 0 "acct db check runs acct-db check"
err_is "acct-db: integrity, foreign keys, balances and audit: no faults" "acct db check: acct-db said it"

run acct help
status_is 0 "acct help: exit 0"
out_has "acct-show       $(acct-show --help | sed -n 3p)" "acct help: acct-show with its summary"
out_has "acct-list       List the accounts that meet every condition given" "acct help: acct-list with its summary, not its synopsis"
out_has "acct-edit       Change the fields named of one account" "acct help: acct-edit with its summary, not its synopsis"
out_has "ledger-post     Post ledger entries" "acct help: ledger-post with its summary"
out_has "acct-db         Make, migrate, check, back up and restore the acctkit store" "acct help: acct-db with its summary"
err_empty "acct help: nothing on stderr"
for p in "$top_srcdir"/cmd/*.c; do
	p=${p##*/}
	p=${p%.c}
	[ "$p" = acct ] && continue
	out_has "$p " "acct help lists $p"
done

run acct nosuch
status_is 127 "an unknown program: exit 127"
err_is "acct: 'nosuch': no such program (try 'acct help')" "an unknown program: named"
is "" "$(cat "$T/out")" "an unknown program: nothing on stdout"

run acct ../cmd/acct-show
status_is 2 "a path for a name: exit 2"
err_is "acct: '../cmd/acct-show': a program name, not a path
Try 'acct --help'." "a path for a name: refused"

run acct
status_is 2 "no program named: exit 2"
err_is "acct: no program named
Try 'acct --help'." "no program named: says so"

run acct --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct --help'." "a bad option: points to --help"

run acct --help
status_is 0 "--help: exit 0"
out_has "Usage: acct" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run acct --version
status_is 0 "--version: exit 0"
out_has "acct (acctkit) " "--version names the program and the package"

done_testing
