#!/bin/sh
# case-open: gapless numbers per year, SLA due dates, audit; refusals.
. "$top_srcdir/tests/cli/lib.sh"
make_store

run case-open 1002 --category billing --channel phone --summary "November bill too high" --disputed 100.00
status_is 0 "a billing case: exit 0"
out_is "case,account,category,opened_on,due_on
C2026-00001,1002,billing,2026-11-27,2026-12-27" "numbered, due case.sla_days.billing (30) days later"
err_empty "nothing on stderr"
is "1002|billing|phone|November bill too high|10000|open|2026-11-27|2026-12-27||" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT account, category, channel, summary, disputed, status, opened_on, due_on, closed_on, adjustment FROM cases")" "stored with the disputed amount in cents"
is "case C2026-00001 on account 1002: opened, billing, due 2026-12-27, disputed 100.00" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit WHERE program = 'case-open'")" "audited"

run case-open --date 2026-11-25 1001 --category meter --channel mail --summary "meter reads high"
out_is "case,account,category,opened_on,due_on
C2026-00002,1001,meter,2026-11-25,2026-12-05" "a meter case takes case.sla_days.service (10), across the month end"

run case-open --date 2026-11-30 1003 --category shutoff --channel in-person --summary "notice while paying"
out_is "case,account,category,opened_on,due_on
C2026-00003,1003,shutoff,2026-11-30,2026-12-01" "a shut-off case: 1 day, into December"

run case-open --date 2026-12-31 1004 --category service --channel email --summary "low pressure"
out_is "case,account,category,opened_on,due_on
C2026-00004,1004,service,2026-12-31,2027-01-10" "a service case: 10 days, into the next year"

run case-open --date 2026-01-31 1005 --category other --channel field --summary "crew left the gate open"
out_is "case,account,category,opened_on,due_on
C2026-00005,1005,other,2026-01-31,2026-03-02" "an other case: 30 days over February"

run case-open --date 2028-02-10 1005 --category service --channel phone --summary "leak"
out_is "case,account,category,opened_on,due_on
C2028-00001,1005,service,2028-02-10,2028-02-20" "a new year starts again at 00001"

run case-open --date 2028-02-20 1005 --category service --channel phone --summary "leak again"
out_has "C2028-00002,1005,service,2028-02-20,2028-03-01" "a leap year's February 29 counts"

acct-db policy case.sla_days.billing 45 >/dev/null 2>&1 || echo "Bail out! cannot set a policy"
run case-open 1001 --category billing --channel phone --summary "estimated bill" --format table
out_is "case         account  category  opened_on   due_on
-----------  -------  --------  ----------  ----------
C2026-00006  1001     billing   2026-11-27  2027-01-11" "the policy is read from the store; --format table"

store_dump > "$T/before"
run case-open -n 1003 --category billing --channel phone --summary "dry"
status_is 0 "-n: exit 0"
out_is "case,account,category,opened_on,due_on
C2026-00007,1003,billing,2026-11-27,2027-01-11" "-n: prints the case it would open"
err_is "case-open: dry run: nothing was opened" "-n: says so"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "-n: the store did not change"

refused() {	# STATUS MESSAGE DESC -- the last run was refused, store unchanged
	status_is "$1" "$3: exit $1"
	err_is "$2" "$3: the message"
	is "" "$(cat "$T/out")" "$3: nothing on stdout"
	store_dump > "$T/after"
	is "" "$(cmp "$T/before" "$T/after")" "$3: the store did not change"
}

run case-open 9999 --category billing --channel phone --summary "x"
refused 1 "case-open: account '9999': no such account" "an unknown account"

run case-open 1001 --category water --channel phone --summary "x"
refused 2 "case-open: option --category: 'water': not billing, service, meter, shutoff or other
Try 'case-open --help'." "a bad category"

run case-open 1001 --category billing --channel telegram --summary "x"
refused 2 "case-open: option --channel: 'telegram': not phone, in-person, mail, email or field
Try 'case-open --help'." "a bad channel"

run case-open 1001 --category billing --channel phone --summary "x" --disputed 12.345
refused 2 "case-open: option --disputed: '12.345': more than two decimals
Try 'case-open --help'." "a disputed amount with three decimals"

run case-open 1001 --category billing --channel phone --summary "x" --disputed '$50'
status_is 2 "a disputed amount with a currency sign: exit 2"
err_has "option --disputed: '\$50'" "a disputed amount with a currency sign: quoted"

run case-open 1001 --category billing --channel phone --summary "x" --disputed -5.00
refused 2 "case-open: option --disputed: '-5.00': not above zero
Try 'case-open --help'." "a negative disputed amount"

run case-open 1001 --category billing --channel phone
refused 2 "case-open: no --summary given
Try 'case-open --help'." "no --summary"

run case-open 1001
refused 2 "case-open: no --category given
case-open: no --channel given
case-open: no --summary given
Try 'case-open --help'." "no required option: each one named"

run case-open --category billing --channel phone --summary x
refused 2 "case-open: no account given
Try 'case-open --help'." "no account"

run case-open --date 2026-13-01 1001 --category billing --channel phone --summary x
status_is 2 "a bad --date: exit 2"
err_has "2026-13-01" "a bad --date: quoted"

run case-open 1001 --category billing --channel phone --summary "after the refusals"
out_has "C2026-00007," "the refusals and the dry run left no gap in the numbers"
is "1 2 3 4 5 6 7" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT seq FROM cases WHERE year = 2026 ORDER BY seq" | tr '\n' ' ' | sed 's/ $//')" "numbers of 2026 without gaps"

run case-open --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'case-open --help'." "a bad option: points to --help"

run case-open --help
status_is 0 "--help: exit 0"
out_has "Usage: case-open [-n] --category C --channel C" "--help: the synopsis"

run case-open --version
out_has "acctkit" "--version names the package"

done_testing
