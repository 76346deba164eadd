#!/bin/sh
# case-note: notes on open cases, status changes, audit; refusals.
. "$top_srcdir/tests/cli/lib.sh"
make_store
case-open --date 2026-11-02 1002 --category billing --channel phone --summary "bill too high" >/dev/null 2>&1 &&
case-open --date 2026-11-03 1003 --category service --channel phone --summary "no water" >/dev/null 2>&1 &&
case-close --date 2026-11-10 C2026-00002 --resolution "main repaired" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot open the cases"; exit 1; }

run case-note C2026-00001 --note "meter reread ordered" --status investigating
status_is 0 "a note with a status: exit 0"
out_is "case,status,note
C2026-00001,investigating,meter reread ordered" "printed with the new status"
err_empty "nothing on stderr"
is "investigating" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT status FROM cases WHERE number = 'C2026-00001'")" "the case's status set"
is "meter reread ordered|investigating" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT note, status FROM case_notes WHERE case_number = 'C2026-00001'")" "the note stored"
is "case C2026-00001 on account 1002: note, open -> investigating" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit WHERE program = 'case-note'")" "audited"

run case-note C2026-00001 --note "customer to send a photo of the meter, please"
out_is "case,status,note
C2026-00001,investigating,\"customer to send a photo of the meter, please\"" "without --status the status stays"

run case-note --format table C2026-00001 --note "photo asked" --status waiting-customer
out_is "case         status            note
-----------  ----------------  -----------
C2026-00001  waiting-customer  photo asked" "--format table; waiting-customer"

run case-note C2026-00001 --note "photo came" --status open
out_has "C2026-00001,open,photo came" "back to open"
is 4 "$("$SQLITE3" "$ACCTKIT_DB" "SELECT count(*) FROM case_notes WHERE case_number = 'C2026-00001'")" "every note kept"

store_dump > "$T/before"
run case-note -n C2026-00001 --note "dry" --status investigating
status_is 0 "-n: exit 0"
out_is "case,status,note
C2026-00001,investigating,dry" "-n: prints the note"
err_is "case-note: dry run: nothing was recorded" "-n: says so"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "-n: the store did not change"

refused() {	# STATUS MESSAGE DESC -- the last run was refused, store unchanged
	status_is "$1" "$3: exit $1"
	err_is "$2" "$3: the message"
	is "" "$(cat "$T/out")" "$3: nothing on stdout"
	store_dump > "$T/after"
	is "" "$(cmp "$T/before" "$T/after")" "$3: the store did not change"
}

run case-note C2026-00099 --note "x"
refused 1 "case-note: case 'C2026-00099': no such case" "an unknown case"

run case-note C2026-00002 --note "one more thing"
refused 1 "case-note: case C2026-00002: closed on 2026-11-10: it takes no more notes" "a closed case"

run case-note C2026-00001 --note "x" --status closed
refused 2 "case-note: option --status: 'closed': not open, investigating or waiting-customer
Try 'case-note --help'." "--status closed: case-close closes"

run case-note C2026-00001 --note "x" --status done
refused 2 "case-note: option --status: 'done': not open, investigating or waiting-customer
Try 'case-note --help'." "a bad status"

run case-note C2026-00001
refused 2 "case-note: no --note given
Try 'case-note --help'." "no --note"

run case-note --status x
refused 2 "case-note: no case given
case-note: no --note given
case-note: option --status: 'x': not open, investigating or waiting-customer
Try 'case-note --help'." "several mistakes: every one named"

run case-note --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'case-note --help'." "a bad option: points to --help"

run case-note --help
status_is 0 "--help: exit 0"
out_has "Usage: case-note [-n] [-d FILE]" "--help: the synopsis"

run case-note --version
out_has "acctkit" "--version names the package"

done_testing
