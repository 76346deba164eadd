#!/bin/sh
# plan-check: a scripted history on fixed dates.  1002 agrees to 60.00 down
# and three of 80.00, pays the down payment and the first installment on
# time, then only part of the second: still due on its last day of grace,
# missed the day after, and the agreement broken.  1005 pays its agreement
# in full: kept.  Every run twice prints nothing the second time; -n
# changes nothing; acct-show shows the agreement while it is in force.
. "$top_srcdir/tests/cli/lib.sh"
make_store
TRY="Try 'plan-check --help'."
HDR='plan,account,seq,due_on,amount,paid,was,now'

last_audit() { sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }
# pay ACCOUNT DAY AMOUNT REF: a lockbox payment posted on DAY
pay() {
	printf 'account,posted_on,kind,amount,ref\n%s,%s,payment,%s,%s\n' "$1" "$2" "$3" "$4" |
		ledger-post --date "$2" -s lockbox >/dev/null 2>&1 ||
		{ echo "Bail out! cannot post the payment $4"; exit 1; }
}
# the columns plan, next_due_on, next_due of acct-show ACCOUNT on DAY
# plan, next_due_on and next_due, counted from the end of the row: a name
# may hold a comma
plan_of() {
	acct-show --format csv --date "$2" "$1" 2>/dev/null |
		awk -F, 'NR == 2 { print $(NF - 6) "," $(NF - 5) "," $(NF - 4) }'
}
installments() { sql "SELECT seq || ' ' || paid || ' ' || status FROM installments WHERE plan = '$1' ORDER BY seq" | tr '\n' ',' | sed 's/,$//'; }
# again DAY: plan-check --date DAY once more prints and changes nothing
again() {
	store_dump > "$T/before"
	run plan-check --date "$1"
	status_is 0 "$1, run again: exit 0"
	out_is "$HDR" "$1, run again: no changes printed"
	unchanged "$1, run again: the store is unchanged"
}

# P2026-000001: 1002, 60.00 down on 2026-11-27, 80.00 on 12-27, 01-27, 02-27.
# P2026-000002: 1005, 50.00 down, 50.00 on 12-27 and 01-27.
plan-agree --csv --count 3 --down 60.00 1002 >/dev/null 2>&1 &&
plan-agree --csv --count 2 --down 50.00 1005 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make the agreements"; exit 1; }

run plan-check --date 2026-11-27
status_is 0 "the agreement date: exit 0"
out_is "$HDR" "the agreement date: nothing changed, the header alone"
err_is "plan-check: 2 agreements checked, 0 changes, 0 kept, 0 broken" "the agreement date: the summary on stderr"
is "P2026-000001,2026-11-27,60.00" "$(plan_of 1002 2026-11-27)" "acct-show: the agreement and its down payment due"

# the down payment, paid three days on
pay 1002 2026-11-30 60.00 LB-1
run plan-check --date 2026-11-30
status_is 0 "the down payment paid: exit 0"
out_is "$HDR
P2026-000001,1002,0,2026-11-27,60.00,60.00,due,met" "the down payment paid: met"
err_is "plan-check: 2 agreements checked, 1 changes, 0 kept, 0 broken" "the down payment paid: the summary"
is "P2026-000001,2026-12-27,80.00" "$(plan_of 1002 2026-11-30)" "acct-show: the next installment"
is "yes" "$([ "$(sql "SELECT count(*) FROM audit WHERE program = 'plan-check'")" -ge 1 ] && echo yes || echo no)" \
	"an installment met is a write, and audited"
again 2026-11-30

# 1005 pays everything at once: every installment met, the agreement kept
pay 1005 2026-12-01 150.00 LB-2
store_dump > "$T/before"
run plan-check -n --date 2026-12-01
status_is 0 "-n: exit 0"
out_is "$HDR
P2026-000002,1005,0,2026-11-27,50.00,50.00,due,met
P2026-000002,1005,1,2026-12-27,50.00,50.00,due,met
P2026-000002,1005,2,2027-01-27,50.00,50.00,due,met
P2026-000002,1005,-1,,150.00,150.00,in-force,kept" "-n: the changes it would make"
err_is "plan-check: dry run: 2 agreements checked, 4 changes, 1 kept, 0 broken" "-n: says it is a dry run"
unchanged "-n: the store is unchanged"

run plan-check --date 2026-12-01
status_is 0 "paid in full: exit 0"
out_is "$HDR
P2026-000002,1005,0,2026-11-27,50.00,50.00,due,met
P2026-000002,1005,1,2026-12-27,50.00,50.00,due,met
P2026-000002,1005,2,2027-01-27,50.00,50.00,due,met
P2026-000002,1005,-1,,150.00,150.00,in-force,kept" "paid in full: every installment met, the agreement kept (seq -1)"
err_is "plan-check: 2 agreements checked, 4 changes, 1 kept, 0 broken" "paid in full: the summary"
is "kept|2026-12-01" "$(sql "SELECT status, status_on FROM plans WHERE number = 'P2026-000002'")" \
	"paid in full: recorded kept on the day"
is "plan-check: agreement P2026-000002 of account 1005: kept" "$(last_audit)" "kept: audited"
is ",," "$(plan_of 1005 2026-12-01)" "acct-show: no agreement shown once it is kept"
again 2026-12-01
err_is "plan-check: 1 agreements checked, 0 changes, 0 kept, 0 broken" "a kept agreement is no longer checked"

# the first installment on time
pay 1002 2026-12-20 80.00 LB-3
run plan-check --date 2026-12-27
status_is 0 "the first installment paid: exit 0"
out_is "$HDR
P2026-000001,1002,1,2026-12-27,80.00,80.00,due,met" "the first installment paid: met"
again 2026-12-27

# the second, due 2027-01-27, paid in part: still due on its last day of
# grace (plan.grace_days 10: 2027-02-06), missed the day after
pay 1002 2027-01-25 50.00 LB-4
run plan-check --date 2027-02-06
status_is 0 "a partial payment, the last day of grace: exit 0"
out_is "$HDR" "the last day of grace: not missed yet"
is "0 6000 met,1 8000 met,2 5000 due,3 0 due" "$(installments P2026-000001)" \
	"the last day of grace: the part paid is kept"
is "P2026-000001,2027-01-27,30.00" "$(plan_of 1002 2027-02-06)" "acct-show: what is left of the installment due"
again 2027-02-06

store_dump > "$T/before"
run plan-check -n --date 2027-02-07
status_is 0 "-n, past the grace: exit 0"
out_is "$HDR
P2026-000001,1002,2,2027-01-27,80.00,50.00,due,missed
P2026-000001,1002,-1,,300.00,190.00,in-force,broken" "-n, past the grace: the changes it would make"
err_is "plan-check: dry run: 1 agreements checked, 2 changes, 0 kept, 1 broken" "-n, past the grace: a dry run"
unchanged "-n, past the grace: the store is unchanged"

run plan-check --date 2027-02-07
status_is 0 "past the grace: exit 0"
out_is "$HDR
P2026-000001,1002,2,2027-01-27,80.00,50.00,due,missed
P2026-000001,1002,-1,,300.00,190.00,in-force,broken" "past the grace: the installment missed, the agreement broken"
err_is "plan-check: 1 agreements checked, 2 changes, 0 kept, 1 broken" "past the grace: the summary"
is "broken|2027-02-07" "$(sql "SELECT status, status_on FROM plans WHERE number = 'P2026-000001'")" \
	"past the grace: recorded broken on the day"
is "0 6000 met,1 8000 met,2 5000 missed,3 0 due" "$(installments P2026-000001)" \
	"past the grace: each installment as it stands"
is "plan-check: agreement P2026-000001 of account 1002: broken" "$(last_audit)" "broken: audited"
is ",," "$(plan_of 1002 2027-02-07)" "acct-show: no agreement shown once it is broken"
again 2027-02-07
err_is "plan-check: 0 agreements checked, 0 changes, 0 kept, 0 broken" "nothing in force: nothing checked"

# a payment after the agreement broke changes nothing
pay 1002 2027-02-08 30.00 LB-5
again 2027-02-08

# kept and broken agreements are not in force: no cancel; a new one may
# be made
run plan-agree --cancel P2026-000001 --reason late
status_is 1 "--cancel a broken agreement: exit 1"
err_is "plan-agree: agreement P2026-000001: broken, not in force" "--cancel a broken agreement: says so"
run plan-agree --cancel P2026-000002 --reason late
err_is "plan-agree: agreement P2026-000002: kept, not in force" "--cancel a kept agreement: says so"
run plan-agree --csv --count 2 --date 2027-02-08 1002
status_is 0 "a new agreement after a broken one: exit 0"
out_has "P2027-000001,1002,1,2027-03-08," "a new agreement after a broken one: made"

# options and usage
run plan-check --format table --date 2027-02-08
status_is 0 "--format table: exit 0"
out_has "plan" "--format table: a table on a pipe"
run plan-check --format xml
status_is 2 "--format xml: exit 2"
err_is "plan-check: option --format: 'xml': not csv or table
$TRY" "--format xml: says why"
store_dump > "$T/before"
run plan-check P2026-000001
status_is 2 "an operand: exit 2"
err_is "plan-check: no operands are taken: 'P2026-000001'
$TRY" "an operand: says so"
unchanged "an operand: the store is unchanged"
run plan-check --date 2027-02-29
status_is 2 "--date no such day: exit 2"
err_has "2027-02-29" "--date no such day: the date is quoted"
run plan-check --no-such-option
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"
err_has "Usage: plan-check [-n] [-d FILE] [--date D] [--format csv|table]" "a bad option: a short usage"
run plan-check --help
status_is 0 "--help: exit 0"
out_has "Usage: plan-check [-n] [-d FILE] [--date D] [--format csv|table]" "--help: usage on stdout"
err_empty "--help: nothing on stderr"
run plan-check --version
status_is 0 "--version: exit 0"
out_has "acctkit" "--version names the package"
run plan-check -d "$T/none.db"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

done_testing
