#!/bin/sh
# shutoff-sched: orders on allowed days for old enough, valid notices; the
# day rules (weekday, holiday and its eve, blackout); contact attempts for
# heat accounts in the cold period and for elderly, blind or disabled
# households; the crews' capacity; the re-check that cancels; --explain;
# dry runs and every usage error.  Each part has a store of its own.
. "$top_srcdir/tests/cli/lib.sh"

cat > "$T/accounts.csv" <<'EOF'
account,name,service_address,rate_class,status,opened_on,heat,ebd
2001,Ann Oak,1 Oak St,residential,active,2020-01-01,no,no
2002,Bob Oak,2 Oak St,residential,active,2020-01-01,no,no
2003,Cy Oak,3 Oak St,residential,active,2020-01-01,no,no
2004,Di Oak,4 Oak St,residential,active,2020-01-01,yes,no
2005,Ed Oak,5 Oak St,residential,active,2020-01-01,no,yes
2006,Flo Oak,6 Oak St,residential,active,2020-01-01,no,no
2007,Gus Oak,7 Oak St,residential,active,2020-01-01,no,no
2008,Hal Oak,8 Oak St,residential,active,2020-01-01,no,no
EOF
# one charge each, long past due (bill.due_days 20)
cat > "$T/ledger.csv" <<'EOF'
account,posted_on,kind,amount,ref,memo,source
2001,2026-09-01,charge,200.00,B1,September bill,billing
2002,2026-09-01,charge,120.00,B2,September bill,billing
2003,2026-08-01,charge,150.00,B3,August bill,billing
2004,2026-09-01,charge,250.00,B4,September bill,billing
2005,2026-09-01,charge,90.00,B5,September bill,billing
2006,2026-09-01,charge,300.00,B6,September bill,billing
2007,2026-09-01,charge,100.00,B7,September bill,billing
2008,2026-09-01,charge,200.00,B8,September bill,billing
EOF

# A store of its own for each part: NAME, then the accounts served a
# notice and the day each was served: ACCOUNT@DAY ...
new_store() {
	ACCTKIT_DB=$T/$1.db
	shift
	acct-db init >/dev/null 2>&1 &&
	acct-import "$T/accounts.csv" >/dev/null 2>&1 &&
	ledger-post "$T/ledger.csv" >/dev/null 2>&1 ||
		{ echo "Bail out! cannot make a store"; exit 1; }
	for served; do
		shutoff-notice --csv --date "${served#*@}" "${served%@*}" \
			>/dev/null 2>&1 ||
			{ echo "Bail out! cannot serve $served"; exit 1; }
	done
}
q() { "$SQLITE3" "$ACCTKIT_DB" "$1"; }
head='order,account,scheduled_for,arrears,service_address'
xhead='rule,holds,detail,policy'
week='shut-offs only on mon,tue,wed,thu'

# --- an order on an allowed day; a notice too young; --explain --------------
# Business date Friday 2026-11-27 (lib.sh).  2001's notice of 11-02 allows a
# shut-off from 11-17; 2002's of 11-20 only from Saturday 12-05.
new_store basic 2001@2026-11-02 2002@2026-11-20

run shutoff-sched --on 2026-11-30
status_is 0 "--on: exit 0"
out_is "$head
O2026-000001,2001,2026-11-30,200.00,1 Oak St" "--on: the order made, as CSV"
err_is "shutoff-sched: scheduled 1, cancelled 0" "--on: the summary alone"
is "2001|shutoff|nonpayment|routine|2026-11-27|2026-11-30|scheduled|N2026-000001|20000" \
	"$(q "SELECT account, type, reason, priority, requested_on,
		scheduled_for, status, notice, arrears FROM orders")" \
	"--on: stored with its notice and arrears"
is "order O2026-000001: shutoff of account 2001 for 2026-11-30, notice N2026-000001, arrears 200.00" \
	"$(q "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "--on: audited"

run shutoff-sched --on 2026-11-30
status_is 0 "run again: exit 0"
out_is "$head" "run again: nothing new, the header alone"

run shutoff-sched --on 2026-12-03 --explain 2002
status_is 1 "--explain, a notice too young: exit 1"
out_is "$xhead
account active,yes,account active,
notice served,yes,notice N2026-000002 served 2026-11-20,
notice old enough,no,\"notice N2026-000002 served 2026-11-20, shut-off not before 2026-12-05\",shutoff.notice_days
notice still valid,yes,notice N2026-000002 valid until 2027-01-19,shutoff.notice_valid_days
arrears,yes,\"arrears 120.00, at least 50.00\",shutoff.min_arrears
life support,yes,no life-support equipment,
medical certificate,yes,no medical certificate,medical.cert_days
billing dispute,yes,no billing complaint open,dispute.hold_days
agreement,yes,no agreement in force,
weekday,yes,Thursday,shutoff.days
holiday,yes,not a holiday,
eve of holiday,yes,not the eve of a holiday,shutoff.no_eve_of_holiday
blackout,yes,outside the blackout 12-22..01-04,shutoff.blackout" \
	"--explain, refused: every rule that applies"
err_is "shutoff-sched: account 2002: no shut-off on 2026-12-03: 1 rule does not hold" \
	"--explain, refused: says so"

run env COLUMNS=132 shutoff-sched --format table --on 2026-12-01 --explain 2001
status_is 0 "--explain, allowed: exit 0"
out_is "rule                 holds  detail                                                           policy
-------------------  -----  ---------------------------------------------------------------  -------------------------
account active       yes    account active
notice served        yes    notice N2026-000001 served 2026-11-02
notice old enough    yes    notice N2026-000001 served 2026-11-02, shut-off from 2026-11-17  shutoff.notice_days
notice still valid   yes    notice N2026-000001 valid until 2027-01-01                       shutoff.notice_valid_days
arrears              yes    arrears 200.00, at least 50.00                                   shutoff.min_arrears
life support         yes    no life-support equipment
medical certificate  yes    no medical certificate                                           medical.cert_days
billing dispute      yes    no billing complaint open                                        dispute.hold_days
agreement            yes    no agreement in force
weekday              yes    Tuesday                                                          shutoff.days
holiday              yes    not a holiday
eve of holiday       yes    not the eve of a holiday                                         shutoff.no_eve_of_holiday
blackout             yes    outside the blackout 12-22..01-04                                shutoff.blackout" \
	"--explain, allowed: every rule holds (a table)"
err_is "shutoff-sched: account 2001: shut-off O2026-000001 already scheduled for 2026-11-30" \
	"--explain: tells of the order already scheduled"

store_dump > "$T/before"
run shutoff-sched --on 2026-12-01 --explain 2002
is "$(cat "$T/before")" "$(store_dump)" "--explain: the store is unchanged"

run shutoff-sched --from 2026-11-30 --days 10
status_is 0 "--from --days: exit 0"
out_is "$head
O2026-000002,2002,2026-12-07,120.00,2 Oak St" \
	"a notice too young: the first allowed day after served_on + 15"
err_is "shutoff-sched: 2026-12-04: no shut-offs: Friday: $week
shutoff-sched: 2026-12-05: no shut-offs: Saturday: $week
shutoff-sched: 2026-12-06: no shut-offs: Sunday: $week
shutoff-sched: scheduled 1, cancelled 0" \
	"--from --days: Friday, Saturday and Sunday refused, and why"

run shutoff-sched --on 2026-11-27
status_is 0 "a Friday: exit 0"
out_is "$head" "a Friday: nothing scheduled"
err_is "shutoff-sched: 2026-11-27: no shut-offs: Friday: $week
shutoff-sched: scheduled 0, cancelled 0" "a Friday: says why"

# --- a notice expired -------------------------------------------------------
# 2003's notice of 10-01 expires 11-30 (shutoff.notice_valid_days 60).
new_store expired 2003@2026-10-01

run shutoff-sched --on 2026-12-01
status_is 0 "a notice expired: exit 0"
out_is "$head" "a notice expired: no order"

run shutoff-sched --on 2026-12-01 --explain 2003
status_is 1 "a notice expired: --explain exit 1"
out_has "notice still valid,no,notice N2026-000001 expired 2026-11-30,shutoff.notice_valid_days" \
	"a notice expired: --explain says when"

run shutoff-sched --on 2026-11-30
out_is "$head
O2026-000001,2003,2026-11-30,150.00,3 Oak St" \
	"a notice still valid on its last day"

# --- a holiday and its eve --------------------------------------------------
new_store holiday 2001@2026-11-02
printf 'day,name\n2026-12-10,Founders Day\n' > "$T/holidays.csv"
acct-db holidays load "$T/holidays.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot load holidays"; exit 1; }

run shutoff-sched --from 2026-12-09 --days 6
status_is 0 "a holiday: exit 0"
out_is "$head
O2026-000001,2001,2026-12-14,200.00,1 Oak St" \
	"the eve of a holiday and the holiday refused: the Monday after"
err_is "shutoff-sched: 2026-12-09: no shut-offs: the eve of a holiday
shutoff-sched: 2026-12-10: no shut-offs: a holiday
shutoff-sched: 2026-12-11: no shut-offs: Friday: $week
shutoff-sched: 2026-12-12: no shut-offs: Saturday: $week
shutoff-sched: 2026-12-13: no shut-offs: Sunday: $week
shutoff-sched: scheduled 1, cancelled 0" "a holiday and its eve: why"

new_store noeve 2001@2026-11-02
acct-db holidays load "$T/holidays.csv" >/dev/null 2>&1 &&
acct-db policy shutoff.no_eve_of_holiday no >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set the policy"; exit 1; }
run shutoff-sched --on 2026-12-09
out_is "$head
O2026-000001,2001,2026-12-09,200.00,1 Oak St" \
	"shutoff.no_eve_of_holiday no: the eve is allowed"
run shutoff-sched --on 2026-12-10 --explain 2001
out_has "holiday,no,a holiday," \
	"shutoff.no_eve_of_holiday no: the holiday is not"

# --- the blackout -----------------------------------------------------------
# Business date Monday 2026-12-21; the notice of 12-08 allows 12-23 on.
new_store blackout 2001@2026-12-08

run shutoff-sched --date 2026-12-21 --from 2026-12-22 --days 14
status_is 0 "the blackout: exit 0"
out_is "$head" "the blackout 12-22..01-04: nothing scheduled"
err_has "shutoff-sched: 2026-12-22: no shut-offs: in the blackout 12-22..01-04" \
	"the blackout: its first day"
err_has "shutoff-sched: 2026-12-25: no shut-offs: Friday: $week; in the blackout 12-22..01-04" \
	"the blackout: every reason of a day"
err_has "shutoff-sched: 2027-01-04: no shut-offs: in the blackout 12-22..01-04" \
	"the blackout: its last day, in the new year"
is 14 "$(grep -c 'no shut-offs' "$T/err")" "the blackout: every day refused"

run shutoff-sched --date 2026-12-21 --from 2026-12-22 --days 15
out_is "$head
O2026-000001,2001,2027-01-05,200.00,1 Oak St" "the first day after the blackout"

# --- a heat account in the cold period --------------------------------------
# 2004 is a heat account; 11-01..04-15 is the cold period.
new_store heat 2004@2026-11-02
contact-log --date 2026-10-30 --channel phone --kind contact-attempt \
	--note "called" 2004 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot log a contact"; exit 1; }

run shutoff-sched --on 2026-11-30
status_is 0 "heat, no contact attempt: exit 0"
out_is "$head" "heat, no contact attempt since the notice: not scheduled"
run shutoff-sched --on 2026-11-30 --explain 2004
status_is 1 "heat, no contact attempt: --explain exit 1"
out_has 'contact attempt,no,heat account in the cold period: no contact attempt recorded by 2026-11-27,"shutoff.cold_from,shutoff.cold_to,shutoff.contact_hours"' \
	"heat, no contact attempt: --explain says by when"

contact-log --date 2026-11-28 --channel field --kind contact-attempt \
	--note "door hanger" 2004 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot log a contact"; exit 1; }
run shutoff-sched --date 2026-11-28 --on 2026-11-30 --explain 2004
status_is 1 "heat, a contact attempt too late: --explain exit 1"
out_has 'contact attempt,no,heat account in the cold period: contact attempt 2026-11-28 later than 2026-11-27,' \
	"heat, a contact attempt too late: --explain says so"
run shutoff-sched --date 2026-11-28 --on 2026-11-30
out_is "$head" "heat, a contact attempt 2 days before: not scheduled"

run shutoff-sched --date 2026-11-28 --from 2026-11-30 --days 2
out_is "$head
O2026-000001,2004,2026-12-01,250.00,4 Oak St" \
	"heat, a contact attempt 3 days before: scheduled"

# --- an elderly, blind or disabled household, outside the cold period -------
new_store ebd 2004@2026-11-02 2005@2026-11-02
acct-db policy shutoff.cold_from 01-01 >/dev/null 2>&1 &&
acct-db policy shutoff.cold_to 01-31 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set the policy"; exit 1; }

run shutoff-sched --on 2026-11-30
out_is "$head
O2026-000001,2004,2026-11-30,250.00,4 Oak St" \
	"outside the cold period: heat needs no contact attempt; ebd does"
run shutoff-sched --on 2026-11-30 --explain 2005
status_is 1 "ebd, no contact attempt: --explain exit 1"
out_has 'contact attempt,no,"elderly, blind or disabled household: no contact attempt recorded by 2026-11-27",' \
	"ebd, no contact attempt: --explain says so"

contact-log --date 2026-11-27 --channel phone --kind contact-attempt \
	--note "called" 2005 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot log a contact"; exit 1; }
run shutoff-sched --on 2026-11-30
out_is "$head
O2026-000002,2005,2026-11-30,90.00,5 Oak St" \
	"ebd, a contact attempt 3 days before: scheduled"

new_store ebdlate 2005@2026-11-02
acct-db policy shutoff.cold_from 01-01 >/dev/null 2>&1 &&
acct-db policy shutoff.cold_to 01-31 >/dev/null 2>&1 &&
contact-log --date 2026-11-28 --channel phone --kind contact-attempt \
	--note "called" 2005 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set up"; exit 1; }
run shutoff-sched --date 2026-11-28 --on 2026-11-30
out_is "$head" "ebd, a contact attempt too late: not scheduled"

# --- the crews' capacity ----------------------------------------------------
new_store capacity 2006@2026-11-02 2007@2026-11-02 2008@2026-11-02
acct-db policy shutoff.per_day 2 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set the policy"; exit 1; }

store_dump > "$T/before"
run shutoff-sched -n --on 2026-11-30
status_is 0 "-n: exit 0"
out_is "$head
O2026-000001,2006,2026-11-30,300.00,6 Oak St
O2026-000002,2008,2026-11-30,200.00,8 Oak St" \
	"-n, per_day 2 with 3 eligible: the largest arrears first"
err_is "shutoff-sched: 1 account eligible beyond capacity: 2007
shutoff-sched: scheduled 2, cancelled 0
shutoff-sched: dry run: nothing was changed" \
	"-n: the one beyond capacity named, and nothing changed"
is "$(cat "$T/before")" "$(store_dump)" "-n: the store is unchanged"

run shutoff-sched --from 2026-11-30 --days 2
status_is 0 "capacity: exit 0"
out_is "$head
O2026-000001,2006,2026-11-30,300.00,6 Oak St
O2026-000002,2008,2026-11-30,200.00,8 Oak St
O2026-000003,2007,2026-12-01,100.00,7 Oak St" \
	"capacity: the third rolled to the next allowed day"
err_is "shutoff-sched: scheduled 3, cancelled 0" \
	"capacity: no one left beyond capacity"

shutoff-notice --csv --date 2026-11-02 2001 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot serve a notice"; exit 1; }
run shutoff-sched --on 2026-11-30
out_is "$head" "capacity: the orders already scheduled count"
err_is "shutoff-sched: 1 account eligible beyond capacity: 2001
shutoff-sched: scheduled 0, cancelled 0" "capacity: the one left named"
acct-db policy shutoff.per_day 3 >/dev/null 2>&1
run shutoff-sched --on 2026-11-30
out_is "$head
O2026-000004,2001,2026-11-30,200.00,1 Oak St" "capacity: room for one more"

# --- the re-check: payment, medical certificate, billing complaint ----------
new_store recheck 2001@2026-11-02 2002@2026-11-02 2003@2026-11-02
shutoff-sched --on 2026-11-30 >/dev/null 2>&1 &&
pay-post --csv 2001 180.00 >/dev/null 2>&1 &&
acct-edit --medical-until 2026-12-31 2002 >/dev/null 2>&1 &&
case-open --category billing --channel phone --summary "bill too high" \
	2003 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set up the re-check"; exit 1; }
is "O2026-000001|2001|scheduled
O2026-000002|2003|scheduled
O2026-000003|2002|scheduled" \
	"$(q "SELECT number, account, status FROM orders ORDER BY number")" \
	"re-check: three orders scheduled first"

run shutoff-sched --from 2026-11-30 --days 2
status_is 0 "re-check: exit 0"
out_is "$head" "re-check: nothing scheduled again"
err_is "shutoff-sched: O2026-000001 (2001, 2026-11-30) cancelled: arrears 20.00 below 50.00
shutoff-sched: O2026-000003 (2002, 2026-11-30) cancelled: medical certificate until 2026-12-31
shutoff-sched: O2026-000002 (2003, 2026-11-30) cancelled: billing complaint open
shutoff-sched: scheduled 0, cancelled 3" \
	"re-check: a payment, a medical certificate, a billing complaint cancel"
is "O2026-000001|cancelled|shutoff-sched: arrears 20.00 below 50.00|2026-11-27
O2026-000002|cancelled|shutoff-sched: billing complaint open|2026-11-27
O2026-000003|cancelled|shutoff-sched: medical certificate until 2026-12-31|2026-11-27" \
	"$(q "SELECT number, status, result, completed_on FROM orders
		ORDER BY number")" "re-check: cancelled on the business date"
is "order O2026-000002: shutoff of account 2003 for 2026-11-30 cancelled: billing complaint open" \
	"$(q "SELECT what FROM audit WHERE what LIKE 'order %'
		ORDER BY id DESC LIMIT 1")" "re-check: audited"
is "active" "$(q "SELECT status FROM accounts WHERE number = '2001'")" \
	"re-check: the account stays active"

# --- usage ------------------------------------------------------------------
ACCTKIT_DB=$T/basic.db
usage() {	# MESSAGE DESC -- ARGS...
	want=$1 desc=$2
	shift 3
	store_dump > "$T/before"
	run shutoff-sched "$@"
	status_is 2 "$desc: exit 2"
	err_is "$want
Try 'shutoff-sched --help'." "$desc: the message"
	is "" "$(cat "$T/out")" "$desc: nothing on stdout"
	is "$(cat "$T/before")" "$(store_dump)" "$desc: the store is unchanged"
}
usage "shutoff-sched: no day given: --on DAY, or --from DAY --days N" \
	"no day" --
usage "shutoff-sched: --on: not with --from or --days" \
	"both --on and --from" -- --on 2026-11-30 --from 2026-11-30 --days 2
usage "shutoff-sched: --on: not with --from or --days" \
	"both --on and --days" -- --on 2026-11-30 --days 2
usage "shutoff-sched: --from: needs --days N" \
	"--from without --days" -- --from 2026-11-30
usage "shutoff-sched: --days: needs --from DAY" \
	"--days without --from" -- --days 3
usage "shutoff-sched: option --days: '0': not between 1 and 366" \
	"--days 0" -- --from 2026-11-30 --days 0
usage "shutoff-sched: option --days: '367': not between 1 and 366" \
	"--days 367" -- --from 2026-11-30 --days 367
usage "shutoff-sched: option --days: 'two': not a whole number" \
	"--days not a number" -- --from 2026-11-30 --days two
usage "shutoff-sched: option --days: '3': the days run past 9999-12-31" \
	"--days past the last date" -- --from 9999-12-30 --days 3
usage "shutoff-sched: option --on: '2026-11-26': before the business date 2026-11-27" \
	"--on before the business date" -- --on 2026-11-26
usage "shutoff-sched: option --from: '2026-11-20': before the business date 2026-11-27" \
	"--from before the business date" -- --from 2026-11-20 --days 3
usage "shutoff-sched: option --on: '2026-11-31': no such day" \
	"a bad --on" -- --on 2026-11-31
usage "shutoff-sched: option --from: 'monday': not a date (YYYY-MM-DD)" \
	"a bad --from" -- --from monday --days 3
usage "shutoff-sched: date 'x': not a date (YYYY-MM-DD)" \
	"a bad --date" -- --date x --on 2026-11-30
usage "shutoff-sched: option --format: 'pdf': not csv or table" \
	"a bad --format" -- --format pdf --on 2026-11-30
usage "shutoff-sched: no operands are taken: '2001'" \
	"an operand" -- --on 2026-11-30 2001
usage "shutoff-sched: --explain: needs --on DAY" \
	"--explain without --on" -- --explain 2001
usage "shutoff-sched: --explain: takes --on DAY, not --from and --days" \
	"--explain with --from" -- --explain 2001 --from 2026-11-30 --days 2
usage "shutoff-sched: --explain: changes nothing, -n is not taken" \
	"--explain with -n" -- -n --explain 2001 --on 2026-11-30
usage "shutoff-sched: option --on: '2026-11-26': before the business date 2026-11-27" \
	"--explain on a day before the business date" -- --explain 2001 --on 2026-11-26
usage "shutoff-sched: no operands are taken: 'x'
shutoff-sched: --on: not with --from or --days
shutoff-sched: option --on: 'y': not a date (YYYY-MM-DD)
shutoff-sched: option --from: '2026-11-01': before the business date 2026-11-27
shutoff-sched: option --days: '-1': not between 1 and 366" \
	"several mistakes: every one named" -- --on y --from 2026-11-01 --days -1 x

run shutoff-sched --on 2026-11-30 --explain 9999
status_is 1 "--explain, an unknown account: exit 1"
err_is "shutoff-sched: account '9999': no such account" \
	"--explain, an unknown account: the message"
is "" "$(cat "$T/out")" "--explain, an unknown account: nothing on stdout"

run shutoff-sched --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'shutoff-sched --help'." "a bad option: points to --help"

run shutoff-sched --help
status_is 0 "--help: exit 0"
out_has "Usage: shutoff-sched [-n] [-d FILE] [--date D] [--format csv|table]
  --on DAY | --from DAY --days N" "--help: the synopsis on stdout"
out_has "--explain ACCOUNT" "--help: the --explain form"

run shutoff-sched --version
out_has "shutoff-sched (acctkit)" "--version names the program and package"

run shutoff-sched -d "$T/none.db" --on 2026-11-30
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

# --- a busy store -----------------------------------------------------------
lock_store
store_dump > "$T/before"
run env ACCTKIT_BUSY_TIMEOUT=0 shutoff-sched --on 2026-11-30
status_is 75 "a busy store: exit 75"
err_has "busy" "a busy store: says so"
is "" "$(cat "$T/out")" "a busy store: nothing on stdout"
unlock_store
is "$(cat "$T/before")" "$(store_dump)" "a busy store: the store is unchanged"

done_testing
