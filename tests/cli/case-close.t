#!/bin/sh
# case-close: closing with a resolution and an adjustment; refusals.
. "$top_srcdir/tests/cli/lib.sh"
make_store
case-open --date 2026-11-02 1002 --category billing --channel phone --summary "bill too high" >/dev/null 2>&1 &&
case-open --date 2026-11-03 1003 --category service --channel phone --summary "no water" >/dev/null 2>&1 &&
case-open --date 2026-11-20 1002 --category meter --channel mail --summary "meter broken" >/dev/null 2>&1 &&
acct-adjust --reason MR 1002 -45.00 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot open the cases"; exit 1; }
adj=$("$SQLITE3" "$ACCTKIT_DB" "SELECT max(id) FROM entries WHERE account = '1002'")

run case-close C2026-00001 --resolution "meter misread; credited" --adjustment "$adj"
status_is 0 "closed with an adjustment: exit 0"
out_is "case,account,closed_on,days_open,resolution
C2026-00001,1002,2026-11-27,25,meter misread; credited" "printed with the days it was open"
err_empty "nothing on stderr"
is "closed|2026-11-27|meter misread; credited|$adj" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT status, closed_on, resolution, adjustment FROM cases WHERE number = 'C2026-00001'")" "stored"
is "closed: meter misread; credited|closed" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT note, status FROM case_notes WHERE case_number = 'C2026-00001'")" "a note records it"
is "case C2026-00001 on account 1002: closed, entry $adj" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit WHERE program = 'case-close'")" "audited"

run case-close --date 2026-11-10 --format table C2026-00002 --resolution "main repaired"
out_is "case         account  closed_on   days_open  resolution
-----------  -------  ----------  ---------  -------------
C2026-00002  1003     2026-11-10          7  main repaired" "--date, without an adjustment; --format table"

store_dump > "$T/before"
run case-close -n C2026-00003 --resolution "dry"
status_is 0 "-n: exit 0"
out_is "case,account,closed_on,days_open,resolution
C2026-00003,1002,2026-11-27,7,dry" "-n: prints the closing"
err_is "case-close: dry run: nothing was closed" "-n: says so"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "-n: the store did not change"

refused() {	# STATUS MESSAGE DESC -- the last run was refused, store unchanged
	status_is "$1" "$3: exit $1"
	err_is "$2" "$3: the message"
	is "" "$(cat "$T/out")" "$3: nothing on stdout"
	store_dump > "$T/after"
	is "" "$(cmp "$T/before" "$T/after")" "$3: the store did not change"
}

run case-close C2026-00099 --resolution "x"
refused 1 "case-close: case 'C2026-00099': no such case" "an unknown case"

run case-close C2026-00002 --resolution "again"
refused 1 "case-close: case C2026-00002: closed already on 2026-11-10" "a closed case"

run case-close C2026-00003 --resolution "x" --adjustment 1
refused 1 "case-close: option --adjustment: entry 1: of account 1005, not of the case's account 1002" "an entry of another account"

run case-close C2026-00003 --resolution "x" --adjustment 999
refused 1 "case-close: option --adjustment: entry 999: no such entry" "an unknown entry"

run case-close C2026-00002 --resolution "x" --adjustment 1
refused 1 "case-close: case C2026-00002: closed already on 2026-11-10
case-close: option --adjustment: entry 1: of account 1005, not of the case's account 1003" "closed and another account's entry: both named"

run case-close --date 2026-11-19 C2026-00003 --resolution "x"
refused 1 "case-close: case C2026-00003: opened on 2026-11-20, after the date given" "a closing before the opening"

run case-close C2026-00003 --resolution "x" --adjustment 1.5
refused 2 "case-close: option --adjustment: '1.5': not a whole number
Try 'case-close --help'." "a bad entry id"

run case-close C2026-00003 --resolution "x" --adjustment 0
status_is 2 "entry id 0: exit 2"
err_has "case-close: option --adjustment: '0': not between 1 and" "entry id 0: the message"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "entry id 0: the store did not change"

run case-close C2026-00003
refused 2 "case-close: no --resolution given
Try 'case-close --help'." "no --resolution"

run case-close --resolution x
refused 2 "case-close: no case given
Try 'case-close --help'." "no case"

run case-close --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'case-close --help'." "a bad option: points to --help"

run case-close --help
status_is 0 "--help: exit 0"
out_has "Usage: case-close [-n] [--adjustment ENTRY_ID]" "--help: the synopsis"

run case-close --version
out_has "acctkit" "--version names the package"

done_testing
