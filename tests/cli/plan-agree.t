#!/bin/sh
# plan-agree: the agreement document and its schedule as CSV, -o DIR, the
# numbers, the policy checks (plan.max_installments, the cap on the down
# payment, --offered, one agreement in force), --balance, --cancel, -n;
# each refusal with its message, its exit status and the store unchanged.
. "$top_srcdir/tests/cli/lib.sh"
make_store
acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot load the holidays"; exit 1; }
me=$(id -un)
TRY="Try 'plan-agree --help'."
HDR='plan,account,seq,due_on,amount,principal,interest,balance'

last_audit() { sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }
plan_row() { sql "SELECT number, account, agreed_on, amount, down, down_cap, offered, count, every, rate, status FROM plans WHERE number = '$1'"; }
# refused DESC EXIT MESSAGE CMD ARG...: exit status, message, store unchanged
refused() {
	desc=$1 want=$2 msg=$3
	shift 3
	store_dump > "$T/before"
	run "$@"
	status_is "$want" "$desc: exit $want"
	err_is "$msg" "$desc: says why"
	unchanged "$desc: the store is unchanged"
}

# The fixtures (tests/fixtures/README): 1002 owes 300.00 in arrears, its
# average monthly bill 100.00 (400.00 of charges in the 4 months of the
# last 12 that had any), so the office may ask at most 150.00 down: the
# lower of 50% of 300.00 and 3 x 100.00.  1005 owes 150.00 in arrears, one
# month of charges (200.00): the cap is 75.00, 50% of 150.00.  1004's
# 120.00 is not yet due: a balance, no arrears.  1001 owes nothing.

DOC1002="Customer Account Office

DEFERRED PAYMENT AGREEMENT                               Agreement P2026-000001
------------------------------------------------------------------------
Date of agreement:  2026-11-27
Account:            1002
Customer:           Bob Baker
Service address:    2 Elm St
Mailing address:    PO Box 2

The customer owes \$300.00 in arrears on the account above and agrees to
pay it as follows, besides every new bill by its due date.

Down payment, due today:           \$60.00
Installments:              7, every month, of \$34.28
                           (the last one may differ by a few cents)
First due:                 2026-12-27
Last due:                  2027-06-27
Interest:                  no interest

  Payment      Due on           Amount    Principal   Interest      Balance
  Down         2026-11-27       \$60.00       \$60.00      \$0.00      \$240.00
  1            2026-12-27       \$34.28       \$34.28      \$0.00      \$205.72
  2            2027-01-27       \$34.28       \$34.28      \$0.00      \$171.44
  3            2027-02-27       \$34.28       \$34.28      \$0.00      \$137.16
  4            2027-03-27       \$34.28       \$34.28      \$0.00      \$102.88
  5            2027-04-27       \$34.28       \$34.28      \$0.00       \$68.60
  6            2027-05-27       \$34.28       \$34.28      \$0.00       \$34.32
  7            2027-06-27       \$34.32       \$34.32      \$0.00        \$0.00

An installment not paid 10 days after its due date breaks this
agreement.  While the agreement is kept, service will not be shut off for
the arrears it covers.  A broken agreement no longer protects the account,
and a new final notice may be served.  If your circumstances change, call
us before an installment is missed: the agreement may be changed.

Customer's signature:  ______________________________  Date: ____________

Clerk's signature:     ______________________________  Date: ____________
                       $me
------------------------------------------------------------------------
Keep a copy of this agreement."

# -n: the whole work and the document, nothing recorded
store_dump > "$T/before"
run plan-agree -n --count 7 --down 60.00 1002
status_is 0 "-n: exit 0"
out_is "$DOC1002" "-n: the agreement as it would be printed"
err_is "plan-agree: agreement P2026-000001 for account 1002
plan-agree: dry run: nothing was recorded" "-n: says nothing was recorded"
unchanged "-n: the store is unchanged"

# the schedule's options, with -n (nothing recorded, the number not used)
run plan-agree -n --csv --count 7 --down 60.00 --round 1.00 1002
status_is 0 "--round 1.00: exit 0"
out_is "$HDR
P2026-000001,1002,0,2026-11-27,60.00,60.00,0.00,240.00
P2026-000001,1002,1,2026-12-27,34.00,34.00,0.00,206.00
P2026-000001,1002,2,2027-01-27,34.00,34.00,0.00,172.00
P2026-000001,1002,3,2027-02-27,34.00,34.00,0.00,138.00
P2026-000001,1002,4,2027-03-27,34.00,34.00,0.00,104.00
P2026-000001,1002,5,2027-04-27,34.00,34.00,0.00,70.00
P2026-000001,1002,6,2027-05-27,34.00,34.00,0.00,36.00
P2026-000001,1002,7,2027-06-27,36.00,36.00,0.00,0.00" "--round 1.00: whole dollars, the remainder on the last"

run plan-agree -n --csv --count 3 --shift next 1002
out_is "$HDR
P2026-000001,1002,1,2026-12-28,100.00,100.00,0.00,200.00
P2026-000001,1002,2,2027-01-27,100.00,100.00,0.00,100.00
P2026-000001,1002,3,2027-03-01,100.00,100.00,0.00,0.00" "--shift next: Sunday 12-27 and Saturday 02-27 move to the Monday; no down payment, no row 0"

run plan-agree -n --csv --count 3 --every 2weeks --first 2026-12-05 --shift previous 1002
out_is "$HDR
P2026-000001,1002,1,2026-12-04,100.00,100.00,0.00,200.00
P2026-000001,1002,2,2026-12-18,100.00,100.00,0.00,100.00
P2026-000001,1002,3,2026-12-31,100.00,100.00,0.00,0.00" "--every 2weeks --first --shift previous: off Saturdays and New Year's Day"

run plan-agree -n --csv --count 7 --down 60.00 --rate 1.5 1002
status_is 0 "--rate: exit 0"
is "$(plan-calc --amount 300.00 --down 60.00 --count 7 --rate 1.5 --date 2026-11-27 2>&1)" \
	"$(cut -d, -f3- "$T/out")" "--rate: the schedule plan-calc works out"
out_has "P2026-000001,1002,7,2027-06-27,36.40,35.86,0.54,0.00" "--rate: the last installment clears the balance"

run plan-agree -n --count 3 --down 50% 1002
status_is 0 "--down 50%: exactly the cap is allowed"
out_has "Down payment, due today:          \$150.00" "--down 50%: 150.00 of 300.00"
run plan-agree -n --csv --count 3 --down 12.5% 1002
out_has "P2026-000001,1002,0,2026-11-27,37.50,37.50,0.00,262.50" "--down 12.5%: a share with decimals"
run plan-agree -n --csv --count 3 --down 33.33% 1005
out_has "P2026-000001,1005,0,2026-11-27,49.99,49.99,0.00,100.01" "--down 33.33%: rounded down to the cent (49.995)"

# the agreement recorded
run plan-agree --count 7 --down 60.00 1002
status_is 0 "an agreement: exit 0"
out_is "$DOC1002" "an agreement: the document for signature"
err_is "plan-agree: agreement P2026-000001 for account 1002" "an agreement: its number on stderr"
is "P2026-000001|1002|2026-11-27|30000|6000|15000|0|7|month|0|in-force" \
	"$(plan_row P2026-000001)" "an agreement: recorded in force, with the cap"
is "0|2026-11-27|6000|0|due
1|2026-12-27|3428|0|due
7|2027-06-27|3432|0|due" "$(sql "SELECT seq, due_on, amount, paid, status FROM installments WHERE plan = 'P2026-000001' AND seq IN (0, 1, 7) ORDER BY seq")" \
	"an agreement: the down payment and the installments, all due"
is "plan-agree: agreement P2026-000001 for account 1002: arrears 300.00 over 7 installments, down 60.00" \
	"$(last_audit)" "an agreement: audited"

# refusals, each leaving the store as it was
refused "a second agreement while one is in force" 1 \
	"plan-agree: account 1002: agreement P2026-000001 is in force already" \
	plan-agree --count 3 1002
refused "an unknown account" 1 "plan-agree: account '9999': no such account" \
	plan-agree --count 3 9999
refused "nothing owed" 1 "plan-agree: account 1001: no arrears to make an agreement for" \
	plan-agree --count 3 1001
refused "nothing owed, --balance" 1 "plan-agree: account 1001: no balance to make an agreement for" \
	plan-agree --balance --count 3 1001
refused "a credit balance" 1 "plan-agree: account 1003: no balance to make an agreement for" \
	plan-agree --balance --count 3 1003
refused "a balance not yet due" 1 "plan-agree: account 1004: no arrears to make an agreement for" \
	plan-agree --count 3 1004
refused "more installments than plan.max_installments" 1 \
	"plan-agree: account 1005: 25 installments are more than plan.max_installments (24)" \
	plan-agree --count 25 1005
acct-db policy plan.max_installments 6 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set plan.max_installments"; exit 1; }
refused "plan.max_installments as set in the store" 1 \
	"plan-agree: account 1005: 7 installments are more than plan.max_installments (6)" \
	plan-agree --count 7 1005
acct-db policy plan.max_installments 24 >/dev/null 2>&1
refused "a down payment over the cap" 1 \
	"plan-agree: account 1005: a down payment of 75.01 is more than the office may ask (75.00: the lower of plan.down_max_pct of the arrears and plan.down_max_months average bills); --offered if the customer offers it" \
	plan-agree --count 3 --down 75.01 1005
refused "a down payment over the cap, as a share" 1 \
	"plan-agree: account 1005: a down payment of 90.00 is more than the office may ask (75.00: the lower of plan.down_max_pct of the arrears and plan.down_max_months average bills); --offered if the customer offers it" \
	plan-agree --count 3 --down 60% 1005
refused "every reason at once" 1 \
	"plan-agree: account 1002: 25 installments are more than plan.max_installments (24); a down payment of 200.00 is more than the office may ask (150.00: the lower of plan.down_max_pct of the arrears and plan.down_max_months average bills); --offered if the customer offers it; agreement P2026-000001 is in force already" \
	plan-agree --count 25 --down 200.00 1002
refused "--offered: all of it down" 1 \
	"plan-agree: account 1005: nothing left after the down payment 150.00" \
	plan-agree --offered --count 3 --down 150.00 1005
mkdir "$T/docs"
refused "-o DIR that does not exist" 1 "plan-agree: $T/nodir: No such file or directory" \
	plan-agree -o "$T/nodir" --count 3 1005

# usage errors: exit 2, the store unchanged
refused "--count missing" 2 "plan-agree: --count N is needed
$TRY" plan-agree 1005
refused "--count 0" 2 "plan-agree: option --count: '0': not between 1 and 1200
$TRY" plan-agree --count 0 1005
refused "--count not a number" 2 "plan-agree: option --count: 'x': not a whole number
$TRY" plan-agree --count x 1005
refused "no account" 2 "plan-agree: no account given
$TRY" plan-agree --count 3
refused "two accounts" 2 "plan-agree: one ACCOUNT only
$TRY" plan-agree --count 3 1002 1005
refused "--down with three decimals" 2 "plan-agree: option --down: '1.234': more than two decimals
$TRY" plan-agree --count 3 --down 1.234 1005
for v in "101%|not a share from 0% to 100%" "abc%|not a number" "%|empty"; do
	store_dump > "$T/before"
	run plan-agree --count 3 --down "${v%%|*}" 1005
	status_is 2 "--down '${v%%|*}': exit 2"
	err_has "plan-agree: option --down: '${v%%|*}': ${v#*|}" "--down '${v%%|*}': says why"
	unchanged "--down '${v%%|*}': the store is unchanged"
done
store_dump > "$T/before"
run plan-agree --count 3 --down -5.00 1005
status_is 2 "--down below zero: exit 2"
err_has "'-5.00'" "--down below zero: the value is named"
unchanged "--down below zero: the store is unchanged"
store_dump > "$T/before"
run plan-agree --count 3 --down 1.234 9999
status_is 2 "a bad --down is a usage error whatever the account: exit 2"
unchanged "a bad --down, an unknown account: the store is unchanged"
refused "--every year" 2 "plan-agree: option --every: 'year': not month, 2weeks or week
$TRY" plan-agree --count 3 --every year 1005
refused "--rate not a number" 2 "plan-agree: option --rate: 'x': not a number
$TRY" plan-agree --count 3 --rate x 1005
refused "--rate over 100" 2 "plan-agree: option --rate: '101': above 100
$TRY" plan-agree --count 3 --rate 101 1005
refused "--round 0" 2 "plan-agree: option --round: '0': not above zero
$TRY" plan-agree --count 3 --round 0 1005
refused "--round below a cent" 2 "plan-agree: option --round: '0.001': more than two decimals
$TRY" plan-agree --count 3 --round 0.001 1005
refused "--shift sideways" 2 "plan-agree: option --shift: 'sideways': not next, previous or none
$TRY" plan-agree --count 3 --shift sideways 1005
refused "--first no such day" 2 "plan-agree: option --first: '2026-02-30': no such day
$TRY" plan-agree --count 3 --first 2026-02-30 1005
refused "--date no such day" 2 "plan-agree: date '2026-13-01': no such day
$TRY" plan-agree --count 3 --date 2026-13-01 1005
refused "--csv with -o" 2 "plan-agree: --csv and -o are each other's opposite: choose one
$TRY" plan-agree --csv -o "$T/docs" --count 3 1005
refused "--reason without --cancel" 2 "plan-agree: --reason is for --cancel
$TRY" plan-agree --count 3 --reason moved 1005

# --offered: a down payment above the cap, recorded as offered; -o DIR
run plan-agree -o "$T/docs" --offered --count 3 --down 100.00 1005
status_is 0 "--offered over the cap, -o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
err_is "plan-agree: agreement P2026-000002 for account 1005" "another account: the next number, P2026-000002"
is "P2026-000002.txt" "$(ls "$T/docs")" "-o DIR: one file named by the agreement's number"
has "$T/docs/P2026-000002.txt" "The customer offered the down payment above what the office may ask." \
	"--offered: the agreement says the customer offered it"
has "$T/docs/P2026-000002.txt" "Down payment, due today:          \$100.00" "--offered: the down payment offered"
has "$T/docs/P2026-000002.txt" "  3            2027-02-27       \$16.68       \$16.68      \$0.00        \$0.00" \
	"-o DIR: the last installment takes the remainder"
has "$T/docs/P2026-000002.txt" "Customer's signature:  ______________________________  Date: ____________" \
	"-o DIR: the customer's signature line"
is "P2026-000002|1005|2026-11-27|15000|10000|7500|1|3|month|0|in-force" \
	"$(plan_row P2026-000002)" "--offered: recorded offered=1, with the cap it passed"
is "plan-agree: agreement P2026-000002 for account 1005: arrears 150.00 over 3 installments, down 100.00 (offered by the customer)" \
	"$(last_audit)" "--offered: audited as offered"

# --balance, --csv: a balance not yet due
run plan-agree --balance --csv --count 4 1004
status_is 0 "--balance --csv: exit 0"
out_is "$HDR
P2026-000003,1004,1,2026-12-27,30.00,30.00,0.00,90.00
P2026-000003,1004,2,2027-01-27,30.00,30.00,0.00,60.00
P2026-000003,1004,3,2027-02-27,30.00,30.00,0.00,30.00
P2026-000003,1004,4,2027-03-27,30.00,30.00,0.00,0.00" "--balance --csv: the schedule of the whole balance"
err_is "plan-agree: agreement P2026-000003 for account 1004" "--balance --csv: the number on stderr"
is "plan-agree: agreement P2026-000003 for account 1004: balance 120.00 over 4 installments, down 0.00" \
	"$(last_audit)" "--balance: audited as a balance"

# --cancel
refused "--cancel without --reason" 2 "plan-agree: --cancel needs --reason TEXT
$TRY" plan-agree --cancel P2026-000001
refused "--cancel with an empty --reason" 2 "plan-agree: --cancel needs --reason TEXT
$TRY" plan-agree --cancel P2026-000001 --reason ''
refused "--cancel with an account" 2 "plan-agree: --cancel takes no ACCOUNT
$TRY" plan-agree --cancel P2026-000001 --reason moved 1002
refused "--cancel an unknown agreement" 1 "plan-agree: agreement 'P2026-000099': no such agreement" \
	plan-agree --cancel P2026-000099 --reason moved

store_dump > "$T/before"
run plan-agree -n --cancel P2026-000001 --reason 'customer moved'
status_is 0 "-n --cancel: exit 0"
err_is "plan-agree: agreement P2026-000001 of account 1002 cancelled
plan-agree: dry run: nothing was recorded" "-n --cancel: says what it would do"
unchanged "-n --cancel: the store is unchanged"

run plan-agree --cancel P2026-000001 --reason 'customer moved' --date 2026-11-30
status_is 0 "--cancel: exit 0"
out_empty "--cancel: nothing on stdout"
err_is "plan-agree: agreement P2026-000001 of account 1002 cancelled" "--cancel: says so"
is "cancelled|2026-11-30|customer moved" \
	"$(sql "SELECT status, status_on, reason FROM plans WHERE number = 'P2026-000001'")" \
	"--cancel: the status, the day and the reason recorded"
is "plan-agree: agreement P2026-000001 of account 1002 cancelled: customer moved" \
	"$(last_audit)" "--cancel: audited"
refused "--cancel an agreement not in force" 1 \
	"plan-agree: agreement P2026-000001: cancelled, not in force" \
	plan-agree --cancel P2026-000001 --reason again

# a cancelled agreement no longer counts; numbers are never reused; the
# customer may offer the cap exactly: not recorded as offered
run plan-agree --csv --offered --count 2 --down 150.00 1002
status_is 0 "a new agreement after a cancel: exit 0"
out_has "P2026-000004,1002,0,2026-11-27,150.00,150.00,0.00,150.00" "a new agreement after a cancel: the next number"
is "P2026-000004|1002|2026-11-27|30000|15000|15000|0|2|month|0|in-force" \
	"$(plan_row P2026-000004)" "--offered within the cap: not recorded as offered"

# a new year, new numbers: 1004's balance is past due on 2027-01-05
plan-agree --cancel P2026-000003 --reason 'to cover the arrears' >/dev/null 2>&1
run plan-agree --csv --count 3 --date 2027-01-05 1004
status_is 0 "an agreement dated in a new year: exit 0"
out_is "$HDR
P2027-000001,1004,1,2027-02-05,40.00,40.00,0.00,80.00
P2027-000001,1004,2,2027-03-05,40.00,40.00,0.00,40.00
P2027-000001,1004,3,2027-04-05,40.00,40.00,0.00,0.00" "a new year: numbered P2027-000001, due one month on"

# usage, help, version, store
run plan-agree --no-such-option
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"
err_has "Usage: plan-agree [-n] [--balance] --count N" "a bad option: a short usage"

run plan-agree --help
status_is 0 "--help: exit 0"
out_has "Usage: plan-agree [-n] [--balance] --count N [--csv | -o DIR] [-d FILE]" "--help: usage on stdout"
out_has "plan-agree --cancel PLAN --reason TEXT [-n] [-d FILE] [--date D]" "--help: the --cancel form"
err_empty "--help: nothing on stderr"

run plan-agree --version
status_is 0 "--version: exit 0"
out_has "acctkit" "--version names the package"

run plan-agree -d "$T/none.db" --count 3 1002
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

done_testing
