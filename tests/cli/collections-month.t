#!/bin/sh
# collections-month: a scripted month of one office, 2026-10-20 to
# 2026-12-14, over the fixtures of tests/fixtures/month (its README works
# every expectation out by hand from POLICY.md): termination notices served
# and refused, the nightly shut-off scheduling around Veterans Day,
# Thanksgiving, Fridays, weekends and the winter blackout, three crews a day,
# heat and elderly households and their contact attempts, a medical
# certificate, a billing complaint, a part payment, an agreement kept then
# broken, a shut-off completed and restored after payment in full.
. "$top_srcdir/tests/cli/lib.sh"
month=$fixtures/month
on() { ACCTKIT_TODAY=$1; export ACCTKIT_TODAY; }
quiet() {
	"$@" >/dev/null 2>&1 || { echo "Bail out! cannot run: $*"; exit 1; }
}
status_of() { sql "SELECT status FROM accounts WHERE number = '$1'"; }
# accounts of a status, in order
with_status() {
	sql "SELECT number FROM accounts WHERE status = '$1' ORDER BY number" |
		tr '\n' ' ' | sed 's/ $//'
}
attempt() {	# ACCOUNT: a contact attempt recorded today
	quiet contact-log --channel phone --kind contact-attempt \
		--note 'called about the notice' "$1"
}
complete() {	# ORDER ACCOUNT TYPE: the crew did it today
	run order-close --completed "$1"
	out_is "order,account,type,status,completed_on,result
$1,$2,$3,completed,$ACCTKIT_TODAY," "$ACCTKIT_TODAY: $1 ($2, $3) completed"
}
order_is() {	# ORDER WANT: status, completed_on and result of an order
	is "$2" "$(sql "SELECT status || '|' || COALESCE(completed_on, '') ||
		'|' || COALESCE(result, '') FROM orders WHERE number = '$1'")" \
		"$1: $2"
}
NHDR='notice,account,served_on,earliest_shutoff,expires_on,arrears,status,reasons'
SHDR='order,account,scheduled_for,arrears,service_address'
EHDR='rule,holds,detail,policy'
LHDR='order,account,service_address,type,reason,priority,requested_on,scheduled_for,status,case'
S=shutoff-sched
W='shut-offs only on mon,tue,wed,thu'
BO='in the blackout 12-22..01-04'

# Tue 2026-10-20: the store; 2003's call, before any notice
on 2026-10-20
quiet acct-db init
quiet acct-db policy shutoff.per_day 3
quiet acct-db policy fee.reconnect 25.00
quiet acct-db holidays load "$month/holidays.csv"
quiet acct-import "$month/accounts.csv"
quiet ledger-post "$month/ledger.csv"
attempt 2003
is 0 "$(sql "SELECT count(*) FROM orders")" "a store with no order yet"

# Mon 10-26: the October notices
on 2026-10-26
run shutoff-notice --csv 2001 2002 2003 2004 2005 2006 2007 2008 2009 2013 2014
status_is 0 "10-26: eleven notices served: exit 0"
out_is "$NHDR
N2026-000001,2001,2026-10-26,2026-11-10,2026-12-25,400.00,served,
N2026-000002,2002,2026-10-26,2026-11-10,2026-12-25,350.00,served,
N2026-000003,2003,2026-10-26,2026-11-10,2026-12-25,300.00,served,
N2026-000004,2004,2026-10-26,2026-11-10,2026-12-25,260.00,served,
N2026-000005,2005,2026-10-26,2026-11-10,2026-12-25,240.00,served,
N2026-000006,2006,2026-10-26,2026-11-10,2026-12-25,230.00,served,
N2026-000007,2007,2026-10-26,2026-11-10,2026-12-25,160.00,served,
N2026-000008,2008,2026-10-26,2026-11-10,2026-12-25,150.00,served,
N2026-000009,2009,2026-10-26,2026-11-10,2026-12-25,220.00,served,
N2026-000010,2013,2026-10-26,2026-11-10,2026-12-25,130.00,served,
N2026-000011,2014,2026-10-26,2026-11-10,2026-12-25,130.00,served," \
	"10-26: served today, shut-off from 11-10, standing to 12-25"
err_is "shutoff-notice: served 11, refused 0" "10-26: the summary"

run shutoff-notice --csv 2010 2011 2012
status_is 1 "10-26: 2010, 2011, 2012 refused: exit 1"
out_is "$NHDR
,2010,,,,500.00,refused,life-support equipment
,2011,,,,40.00,refused,\"arrears 40.00 below 50.00; oldest arrears 5 days past due, fewer than 20\"
,2012,,,,120.00,refused,\"oldest arrears 5 days past due, fewer than 20\"" \
	"10-26: the refusals, every reason"
err_is "shutoff-notice: 2010: no notice: life-support equipment
shutoff-notice: 2011: no notice: arrears 40.00 below 50.00; oldest arrears 5 days past due, fewer than 20
shutoff-notice: 2012: no notice: oldest arrears 5 days past due, fewer than 20
shutoff-notice: served 0, refused 3" "10-26: the reasons on stderr"
is 11 "$(sql "SELECT count(*) FROM notices")" "10-26: no notice for the refused"

# Mon 11-02: 2002's call; 2006's agreement and down payment
on 2026-11-02
attempt 2002
run shutoff-notice --csv 2001
status_is 1 "11-02: a second notice for 2001: exit 1"
err_is "shutoff-notice: 2001: no notice: notice N2026-000001 served 2026-10-26 in force until 2026-12-25
shutoff-notice: served 0, refused 1" "11-02: refused, its notice in force"
run plan-agree --csv --count 4 --every week --down 30.00 2006
status_is 0 "11-02: 2006 signs an agreement"
out_is "plan,account,seq,due_on,amount,principal,interest,balance
P2026-000001,2006,0,2026-11-02,30.00,30.00,0.00,200.00
P2026-000001,2006,1,2026-11-09,50.00,50.00,0.00,150.00
P2026-000001,2006,2,2026-11-16,50.00,50.00,0.00,100.00
P2026-000001,2006,3,2026-11-23,50.00,50.00,0.00,50.00
P2026-000001,2006,4,2026-11-30,50.00,50.00,0.00,0.00" \
	"11-02: 30.00 down, four weekly installments of 50.00"
quiet pay-post 2006 30.00

# Tue 11-03: 2005's medical certificate
on 2026-11-03
quiet acct-edit --medical-until 2026-11-18 2005

# Mon 11-09: 2006 keeps its agreement; 2012 not yet; run A
on 2026-11-09
quiet pay-post 2006 50.00
run plan-check
out_is "plan,account,seq,due_on,amount,paid,was,now
P2026-000001,2006,0,2026-11-02,30.00,30.00,due,met
P2026-000001,2006,1,2026-11-09,50.00,50.00,due,met" \
	"11-09: the down payment and the first installment met"
run shutoff-notice --csv 2012
status_is 1 "11-09: 2012 refused: exit 1"
out_is "$NHDR
,2012,,,,120.00,refused,\"oldest arrears 19 days past due, fewer than 20\"" \
	"11-09: 2012 is 19 days past due"

store_dump > "$T/before"
run $S -n --from 2026-11-10 --days 3
status_is 0 "run A, -n over three days: exit 0"
out_is "$SHDR
O2026-000001,2001,2026-11-12,400.00,1 Oak St
O2026-000002,2002,2026-11-12,350.00,2 Oak St
O2026-000003,2009,2026-11-12,220.00,9 Oak St" \
	"run A, -n over three days: one day of three crews"
err_is "$S: 2026-11-10: no shut-offs: the eve of a holiday
$S: 2026-11-11: no shut-offs: a holiday
$S: 4 accounts eligible beyond capacity: 2007, 2008, 2013, 2014
$S: scheduled 3, cancelled 0
$S: dry run: nothing was changed" "run A, -n over three days: four beyond capacity"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after" 2>&1)" "run A, -n: the store is unchanged"

run $S --from 2026-11-10 --days 8
status_is 0 "run A: exit 0"
out_is "$SHDR
O2026-000001,2001,2026-11-12,400.00,1 Oak St
O2026-000002,2002,2026-11-12,350.00,2 Oak St
O2026-000003,2009,2026-11-12,220.00,9 Oak St
O2026-000004,2007,2026-11-16,160.00,7 Oak St
O2026-000005,2008,2026-11-16,150.00,8 Oak St
O2026-000006,2013,2026-11-16,130.00,13 Oak St
O2026-000007,2014,2026-11-17,130.00,14 Oak St" \
	"run A: three a day, largest arrears first, 2014 loses the tie"
err_is "$S: 2026-11-10: no shut-offs: the eve of a holiday
$S: 2026-11-11: no shut-offs: a holiday
$S: 2026-11-13: no shut-offs: Friday: $W
$S: 2026-11-14: no shut-offs: Saturday: $W
$S: 2026-11-15: no shut-offs: Sunday: $W
$S: scheduled 7, cancelled 0" "run A: the days refused, and why"
run order-list --on 2026-11-12
out_is "$LHDR
O2026-000001,2001,1 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,scheduled,
O2026-000002,2002,2 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,scheduled,
O2026-000003,2009,9 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,scheduled," \
	"run A: the crews' list of 11-12"
is "N2026-000001|40000" "$(sql "SELECT notice || '|' || arrears
	FROM orders WHERE number = 'O2026-000001'")" \
	"run A: an order names its notice and its arrears"
run $S --from 2026-11-10 --days 8
out_is "$SHDR" "run A again: nothing new"

# Tue 11-10: 2012 is 20 days past due
on 2026-11-10
run shutoff-notice --csv 2012
status_is 0 "11-10: 2012 served: exit 0"
out_is "$NHDR
N2026-000012,2012,2026-11-10,2026-11-25,2027-01-09,120.00,served," \
	"11-10: 2012's notice, shut-off from 11-25"

# Thu 11-12: the first shut-offs; 2007 complains about its bill
on 2026-11-12
complete O2026-000001 2001 shutoff
complete O2026-000002 2002 shutoff
complete O2026-000003 2009 shutoff
is "2001 2002 2009" "$(with_status off)" "11-12: 2001, 2002, 2009 are off"
quiet case-open --category billing --channel phone \
	--summary 'the September bill is too high' 2007

# Fri 11-13: 2009 pays in full and is restored; 2008 pays in part; 2004's
# call; run B
on 2026-11-13
quiet pay-post 2009 220.00
run restore-sched --verbose
status_is 0 "11-13: restore-sched: exit 0"
out_is "order,account,scheduled_for,reason,service_address
O2026-000008,2009,2026-11-13,paid-in-full,9 Oak St" \
	"11-13: 2009 paid in full: restored today"
err_is "restore-sched: account 2001: no restoration: balance 400.00 owed, arrears 400.00
restore-sched: account 2002: no restoration: balance 350.00 owed, arrears 350.00" \
	"11-13: 2001 and 2002 still owe"
complete O2026-000008 2009 restoration
is active "$(status_of 2009)" "11-13: 2009 is active again"
is "fee|2500|2026-11-13|O2026-000008" "$(sql "SELECT kind || '|' ||
	amount || '|' || posted_on || '|' || ref FROM entries
	WHERE account = '2009' AND kind = 'fee'")" \
	"11-13: the reconnection fee posted"
is 2500 "$(sql "SELECT balance FROM accounts WHERE number = '2009'")" \
	"11-13: 2009 owes the fee alone"
run restore-sched
out_is "order,account,scheduled_for,reason,service_address" \
	"11-13: restore-sched again: nothing more"
quiet pay-post 2008 110.00
attempt 2004

run $S --from 2026-11-16 --days 8
status_is 0 "run B: exit 0"
out_is "$SHDR
O2026-000009,2004,2026-11-16,260.00,4 Oak St
O2026-000010,2005,2026-11-19,240.00,5 Oak St" \
	"run B: 2004 (called 11-13) on 11-16, 2005 after its certificate"
err_is "$S: O2026-000004 (2007, 2026-11-16) cancelled: billing complaint open
$S: O2026-000005 (2008, 2026-11-16) cancelled: arrears 40.00 below 50.00
$S: 2026-11-20: no shut-offs: Friday: $W
$S: 2026-11-21: no shut-offs: Saturday: $W
$S: 2026-11-22: no shut-offs: Sunday: $W
$S: scheduled 2, cancelled 2" "run B: two orders cancelled, the days refused"
order_is O2026-000004 "cancelled|2026-11-13|$S: billing complaint open"
order_is O2026-000005 "cancelled|2026-11-13|$S: arrears 40.00 below 50.00"
run order-list --on 2026-11-16
out_is "$LHDR
O2026-000006,2013,13 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-16,scheduled,
O2026-000009,2004,4 Oak St,shutoff,nonpayment,routine,2026-11-13,2026-11-16,scheduled," \
	"run B: the crews' list of 11-16"

# Mon 11-16: 2006 may not be served while its agreement stands
on 2026-11-16
complete O2026-000006 2013 shutoff
complete O2026-000009 2004 shutoff
run shutoff-notice --csv 2006
status_is 1 "11-16: 2006 refused: exit 1"
out_is "$NHDR
,2006,,,,150.00,refused,agreement P2026-000001 in force" \
	"11-16: refused for its agreement alone"

# Tue 11-17: 2007's complaint closed: held through 12-02
on 2026-11-17
complete O2026-000007 2014 shutoff
quiet case-close --resolution 'the bill was right' C2026-00001

# Thu 11-19
on 2026-11-19
complete O2026-000010 2005 shutoff

# Fri 11-20: run C, over Thanksgiving
on 2026-11-20
run $S --from 2026-11-23 --days 8
status_is 0 "run C: exit 0"
out_is "$SHDR
O2026-000011,2012,2026-11-30,120.00,12 Oak St" \
	"run C: 2012 on the first allowed day its notice allows"
err_is "$S: 2026-11-25: no shut-offs: the eve of a holiday
$S: 2026-11-26: no shut-offs: a holiday
$S: 2026-11-27: no shut-offs: Friday: $W
$S: 2026-11-28: no shut-offs: Saturday: $W
$S: 2026-11-29: no shut-offs: Sunday: $W
$S: scheduled 1, cancelled 0" "run C: Thanksgiving, its eve, the weekend"

# Thu 11-26 and Fri 11-27: 2006 breaks its agreement
on 2026-11-26
run plan-check
out_is "plan,account,seq,due_on,amount,paid,was,now" \
	"11-26: the installment of 11-16 on its last day of grace"
on 2026-11-27
run plan-check
out_is "plan,account,seq,due_on,amount,paid,was,now
P2026-000001,2006,2,2026-11-16,50.00,0.00,due,missed
P2026-000001,2006,-1,,230.00,80.00,in-force,broken" \
	"11-27: installment missed, agreement broken"
run $S --on 2026-11-30 --explain 2006
status_is 1 "11-27: --explain 2006 on 11-30: exit 1"
out_is "$EHDR
account active,yes,account active,
notice served,no,no notice in force,
arrears,yes,\"arrears 150.00, at least 50.00\",shutoff.min_arrears
life support,yes,no life-support equipment,
medical certificate,yes,no medical certificate,medical.cert_days
billing dispute,yes,no billing complaint open,dispute.hold_days
agreement,yes,no agreement in force,
weekday,yes,Monday,shutoff.days
holiday,yes,not a holiday,
eve of holiday,yes,not the eve of a holiday,shutoff.no_eve_of_holiday
blackout,yes,outside the blackout 12-22..01-04,shutoff.blackout" \
	"11-27: broken, 2006 has no notice in force"
err_is "$S: account 2006: no shut-off on 2026-11-30: 1 rule does not hold" \
	"11-27: --explain: one rule"
run $S --on 2026-11-30
status_is 0 "11-27: --on 11-30: exit 0"
out_is "$SHDR" "11-27: --on 11-30: nothing for 2006 without a new notice"
err_is "$S: scheduled 0, cancelled 0" "11-27: --on 11-30: O11 stands"

# Mon 11-30: a new notice for 2006; 2003 called at last; run D
on 2026-11-30
complete O2026-000011 2012 shutoff
attempt 2003
run shutoff-notice --csv 2006
status_is 0 "11-30: 2006 served again: exit 0"
out_is "$NHDR
N2026-000013,2006,2026-11-30,2026-12-15,2027-01-29,150.00,served," \
	"11-30: 2006's new notice"
run $S --on 2026-12-02 --explain 2003
status_is 1 "11-30: --explain 2003 on 12-02: exit 1"
out_is "$EHDR
account active,yes,account active,
notice served,yes,notice N2026-000003 served 2026-10-26,
notice old enough,yes,\"notice N2026-000003 served 2026-10-26, shut-off from 2026-11-10\",shutoff.notice_days
notice still valid,yes,notice N2026-000003 valid until 2026-12-25,shutoff.notice_valid_days
arrears,yes,\"arrears 300.00, at least 50.00\",shutoff.min_arrears
life support,yes,no life-support equipment,
medical certificate,yes,no medical certificate,medical.cert_days
billing dispute,yes,no billing complaint open,dispute.hold_days
agreement,yes,no agreement in force,
weekday,yes,Wednesday,shutoff.days
holiday,yes,not a holiday,
eve of holiday,yes,not the eve of a holiday,shutoff.no_eve_of_holiday
blackout,yes,outside the blackout 12-22..01-04,shutoff.blackout
contact attempt,no,heat account in the cold period: contact attempt 2026-11-30 later than 2026-11-29,\"shutoff.cold_from,shutoff.cold_to,shutoff.contact_hours\"" \
	"11-30: 2003 on 12-02: the call is less than 72 hours before"
run $S --on 2026-12-02 --explain 2007
out_has 'billing dispute,no,billing complaint on hold until 2026-12-02,' \
	"11-30: 2007 on 12-02: the last day of the hold"

run $S --from 2026-12-01 --days 10
status_is 0 "run D: exit 0"
out_is "$SHDR
O2026-000012,2003,2026-12-03,300.00,3 Oak St
O2026-000013,2007,2026-12-03,160.00,7 Oak St" \
	"run D: 2003 three days after its call, 2007 after its hold"
err_is "$S: 2026-12-04: no shut-offs: Friday: $W
$S: 2026-12-05: no shut-offs: Saturday: $W
$S: 2026-12-06: no shut-offs: Sunday: $W
$S: scheduled 2, cancelled 0" "run D: the weekend"

# Thu 12-03; Fri 12-04: the December batch of notices
on 2026-12-03
complete O2026-000012 2003 shutoff
complete O2026-000013 2007 shutoff
on 2026-12-04
run shutoff-notice --csv 2015 2016 2017 2018
status_is 0 "12-04: four notices: exit 0"
out_is "$NHDR
N2026-000014,2015,2026-12-04,2026-12-19,2027-02-02,90.00,served,
N2026-000015,2016,2026-12-04,2026-12-19,2027-02-02,210.00,served,
N2026-000016,2017,2026-12-04,2026-12-19,2027-02-02,75.00,served,
N2026-000017,2018,2026-12-04,2026-12-19,2027-02-02,180.00,served," \
	"12-04: the December notices"

# Mon 12-14: run E, into the blackout and out of it
on 2026-12-14
run $S --from 2026-12-15 --days 23
status_is 0 "run E: exit 0"
out_is "$SHDR
O2026-000014,2006,2026-12-15,150.00,6 Oak St
O2026-000015,2016,2026-12-21,210.00,16 Oak St
O2026-000016,2018,2026-12-21,180.00,18 Oak St
O2026-000017,2015,2026-12-21,90.00,15 Oak St
O2026-000018,2017,2027-01-05,75.00,17 Oak St" \
	"run E: 2017 waits out the blackout"
err_is "$S: 2026-12-18: no shut-offs: Friday: $W
$S: 2026-12-19: no shut-offs: Saturday: $W
$S: 2026-12-20: no shut-offs: Sunday: $W
$S: 2026-12-22: no shut-offs: $BO
$S: 2026-12-23: no shut-offs: $BO
$S: 2026-12-24: no shut-offs: the eve of a holiday; $BO
$S: 2026-12-25: no shut-offs: Friday: $W; a holiday; $BO
$S: 2026-12-26: no shut-offs: Saturday: $W; $BO
$S: 2026-12-27: no shut-offs: Sunday: $W; $BO
$S: 2026-12-28: no shut-offs: $BO
$S: 2026-12-29: no shut-offs: $BO
$S: 2026-12-30: no shut-offs: $BO
$S: 2026-12-31: no shut-offs: the eve of a holiday; $BO
$S: 2027-01-01: no shut-offs: Friday: $W; a holiday; $BO
$S: 2027-01-02: no shut-offs: Saturday: $W; $BO
$S: 2027-01-03: no shut-offs: Sunday: $W; $BO
$S: 2027-01-04: no shut-offs: $BO
$S: scheduled 5, cancelled 0" "run E: every day refused, with every reason"

# the month
run order-list --type shutoff --status all --from 2026-11-01 --to 2027-01-31
out_is "$LHDR
O2026-000001,2001,1 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,completed,
O2026-000002,2002,2 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,completed,
O2026-000003,2009,9 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-12,completed,
O2026-000006,2013,13 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-16,completed,
O2026-000009,2004,4 Oak St,shutoff,nonpayment,routine,2026-11-13,2026-11-16,completed,
O2026-000004,2007,7 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-16,cancelled,
O2026-000005,2008,8 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-16,cancelled,
O2026-000007,2014,14 Oak St,shutoff,nonpayment,routine,2026-11-09,2026-11-17,completed,
O2026-000010,2005,5 Oak St,shutoff,nonpayment,routine,2026-11-13,2026-11-19,completed,
O2026-000011,2012,12 Oak St,shutoff,nonpayment,routine,2026-11-20,2026-11-30,completed,
O2026-000012,2003,3 Oak St,shutoff,nonpayment,routine,2026-11-30,2026-12-03,completed,
O2026-000013,2007,7 Oak St,shutoff,nonpayment,routine,2026-11-30,2026-12-03,completed,
O2026-000014,2006,6 Oak St,shutoff,nonpayment,routine,2026-12-14,2026-12-15,scheduled,
O2026-000017,2015,15 Oak St,shutoff,nonpayment,routine,2026-12-14,2026-12-21,scheduled,
O2026-000015,2016,16 Oak St,shutoff,nonpayment,routine,2026-12-14,2026-12-21,scheduled,
O2026-000016,2018,18 Oak St,shutoff,nonpayment,routine,2026-12-14,2026-12-21,scheduled,
O2026-000018,2017,17 Oak St,shutoff,nonpayment,routine,2026-12-14,2027-01-05,scheduled," \
	"the month's shut-offs, as the crews list them"
is "2001 2002 2003 2004 2005 2007 2012 2013 2014" "$(with_status off)" \
	"the month: the accounts shut off"
is "2006 2008 2009 2010 2011 2015 2016 2017 2018" "$(with_status active)" \
	"the month: the accounts still on"
run acct-db check
status_is 0 "the month: the store checks clean"

done_testing
