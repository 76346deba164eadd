#!/bin/sh
# shutoff-notice: the letter, the notice and its audit record, every rule
# that refuses a notice, a notice in force and what ends it, CSV on standard
# input, the records, -o DIR, -n, a site's template, bad input and usage.
. "$top_srcdir/tests/cli/lib.sh"
make_store
TRY="Try 'shutoff-notice --help'."
HDR='notice,account,served_on,earliest_shutoff,expires_on,arrears,status,reasons'

last_audit() {
	sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"
}
notice_row() {
	sql "SELECT number, year, seq, account, served_on, earliest_shutoff,
		expires_on, arrears, balance, login
	     FROM notices WHERE number = '$1'"
}
# refused DESC EXIT MESSAGE CMD ARG...: exit status, stderr, nothing on
# stdout, the store unchanged
refused() {
	desc=$1 want=$2 msg=$3
	shift 3
	store_dump > "$T/before"
	run "$@"
	status_is "$want" "$desc: exit $want"
	err_is "$msg" "$desc: says why"
	out_empty "$desc: nothing on stdout"
	unchanged "$desc: the store is unchanged"
}

# The fixtures (tests/fixtures/README), on 2026-11-27: 1002 owes 300.00,
# all in arrears, the oldest 67 days past due; 1005 owes 150.00, 190 days
# past due, but has life support and a medical certificate to 2026-12-15;
# 1004's 120.00 is not yet due; 1001 owes nothing.  With the default
# policy a notice served today allows a shut-off from 2026-12-12 (15 days)
# and stands until 2027-01-26 (60 days).

LETTER1002="Customer Account Office

FINAL TERMINATION NOTICE                             Notice N2026-000001
------------------------------------------------------------------------
Date of notice:     2026-11-27
Account:            1002
Customer:           Bob Baker
Service address:    2 Elm St
Mailing address:    PO Box 2

Amount past due:                   \$300.00
Balance of the account:            \$300.00
Earliest shut-off date:         2026-12-12
This notice stands until:       2027-01-26

Your account is past due: the oldest unpaid charge is 67 days
past its due date.  Unless you act, your service at the address above
may be shut off on or after 2026-12-12.  This notice stands until
2027-01-26; after that day, service cannot be shut off for these
arrears unless a new notice is sent to you first.

HOW TO AVOID THE SHUT-OFF

  * Pay the amount past due, \$300.00; or
  * pay at least \$250.01, so that less than \$50.00 is left past due:
    service is not shut off for less; or
  * come to the Customer Account Office and sign a payment agreement: a
    down payment, then the rest in installments besides your new bills.

The balance may also hold charges not yet due: pay them by their due
dates.  If you have paid the amount past due since 2026-11-27, thank
you, and please disregard this notice.

PROTECTIONS YOU MAY HAVE

Tell the Customer Account Office at once if one of these applies to you:

  * A medical emergency.  A certificate from a doctor that a shut-off
    would endanger the health of someone in your household protects your
    service for 30 days.
  * Life-support equipment.  Service will not be shut off where
    life-support equipment is used; let us know that it is there.
  * A complaint about your bill.  Service will not be shut off while a
    billing complaint is open, nor for 15 days after it is closed.
    Pay the part of the bill you do not question.
  * An elderly, blind or disabled household; heat in winter.  If someone
    in your household is elderly, blind or disabled, or if you heat your
    home with this service and the shut-off would fall between
    November 1 and April 15, we will try to reach you at least
    72 hours before any shut-off: make sure we can reach you.

HOW TO REACH US

Call, write to or visit the Customer Account Office, and give your
account number, 1002.  Bring this notice with you when you come.
------------------------------------------------------------------------
This is a final notice.  Keep it."

# -n: everything judged and shown, nothing recorded
store_dump > "$T/before"
run shutoff-notice -n 1002
status_is 0 "-n: exit 0"
out_is "$LETTER1002" "-n: the letter as it would be printed"
err_is "shutoff-notice: served 1, refused 0
shutoff-notice: dry run: nothing was changed" "-n: the summary, and says nothing was changed"
unchanged "-n: the store is unchanged"

# the nightly pipeline: acct-list's CSV on standard input, the records
store_dump > "$T/before"
acct-list --min-arrears 50 --days-past-due 20 > "$T/list.csv"
run shutoff-notice -n --csv < "$T/list.csv"
status_is 1 "acct-list | -n --csv: exit 1, one refused"
out_is "$HDR
N2026-000001,1002,2026-11-27,2026-12-12,2027-01-26,300.00,served,
,1005,,,,150.00,refused,life-support equipment; medical certificate until 2026-12-15" \
	"acct-list | -n --csv: one record an account, the refused one with its reasons"
err_is "shutoff-notice: 1005: no notice: life-support equipment; medical certificate until 2026-12-15
shutoff-notice: served 1, refused 1
shutoff-notice: dry run: nothing was changed" "acct-list | -n --csv: the refusal on stderr too"
unchanged "acct-list | -n --csv: the store is unchanged"

run shutoff-notice -n --format csv 1002
out_is "$HDR
N2026-000001,1002,2026-11-27,2026-12-12,2027-01-26,300.00,served," \
	"--format csv: the same as --csv"
COLUMNS=200
export COLUMNS
run shutoff-notice -n --format table 1002 1004
unset COLUMNS
status_is 1 "--format table: exit 1, one refused"
out_has "notice        account  served_on   earliest_shutoff" "--format table: an aligned table"
out_has "N2026-000001  1002     2026-11-27  2026-12-12        2027-01-26" "--format table: the notice served"

# a notice served: the letter, the store, the audit trail
run shutoff-notice 1002
status_is 0 "1002: exit 0"
out_is "$LETTER1002" "1002: the whole letter"
err_is "shutoff-notice: served 1, refused 0" "1002: the summary on stderr"
is "N2026-000001|2026|1|1002|2026-11-27|2026-12-12|2027-01-26|30000|30000|$(id -un)" \
	"$(notice_row N2026-000001)" "1002: the notice recorded, its dates and amounts"
is "shutoff-notice: notice N2026-000001 served on account 1002: arrears 300.00, shut-off not before 2026-12-12, valid until 2027-01-26" \
	"$(last_audit)" "1002: audited"

# refusals, each with every reason, the store unchanged
refused "a second notice while one is in force" 1 \
	"shutoff-notice: 1002: no notice: notice N2026-000001 served 2026-11-27 in force until 2027-01-26
shutoff-notice: served 0, refused 1" shutoff-notice 1002
refused "life support and a medical certificate" 1 \
	"shutoff-notice: 1005: no notice: life-support equipment; medical certificate until 2026-12-15
shutoff-notice: served 0, refused 1" shutoff-notice 1005
refused "no arrears: a balance not yet due" 1 \
	"shutoff-notice: 1004: no notice: arrears 0.00 below 50.00; oldest arrears 0 days past due, fewer than 20
shutoff-notice: served 0, refused 1" shutoff-notice 1004
refused "paid up" 1 \
	"shutoff-notice: 1001: no notice: arrears 0.00 below 50.00; oldest arrears 0 days past due, fewer than 20
shutoff-notice: served 0, refused 1" shutoff-notice 1001
refused "arrears not yet shutoff.notice_after_due_days past due" 1 \
	"shutoff-notice: 1002: no notice: oldest arrears 4 days past due, fewer than 20
shutoff-notice: served 0, refused 1" shutoff-notice --date 2026-09-25 1002
refused "every refusal in one run, in input order" 1 \
	"shutoff-notice: 1004: no notice: arrears 0.00 below 50.00; oldest arrears 0 days past due, fewer than 20
shutoff-notice: 1002: no notice: notice N2026-000001 served 2026-11-27 in force until 2027-01-26
shutoff-notice: 1005: no notice: life-support equipment; medical certificate until 2026-12-15
shutoff-notice: served 0, refused 3" shutoff-notice 1004 1002 1005

case-open --category billing --channel phone --summary 'bill too high' 1005 \
	>/dev/null 2>&1 ||
	{ echo "Bail out! cannot open the case"; exit 1; }
refused "three protections at once" 1 \
	"shutoff-notice: 1005: no notice: life-support equipment; medical certificate until 2026-12-15; billing complaint open
shutoff-notice: served 0, refused 1" shutoff-notice 1005
case-close --resolution 'bill right' C2026-00001 >/dev/null 2>&1 &&
acct-edit --life-support no --medical-until 2026-11-27 1005 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot close the case"; exit 1; }
refused "a certificate on its last day; a complaint closed, on hold" 1 \
	"shutoff-notice: 1005: no notice: medical certificate until 2026-11-27; billing complaint on hold until 2026-12-12
shutoff-notice: served 0, refused 1" shutoff-notice 1005
refused "the day after the certificate's last day" 1 \
	"shutoff-notice: 1005: no notice: billing complaint on hold until 2026-12-12
shutoff-notice: served 0, refused 1" shutoff-notice --date 2026-11-28 1005
run shutoff-notice -n --csv --date 2026-12-13 1005
status_is 0 "the day after the hold of dispute.hold_days: exit 0"
out_has "N2026-000002,1005,2026-12-13,2026-12-28,2027-02-11,150.00,served," \
	"the day after the hold of dispute.hold_days: served"
acct-edit --status off 1003 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot edit 1003"; exit 1; }
refused "an account not active" 1 \
	"shutoff-notice: 1003: no notice: account not active; arrears 0.00 below 50.00; oldest arrears 0 days past due, fewer than 20
shutoff-notice: served 0, refused 1" shutoff-notice 1003
refused "an unknown account" 1 "shutoff-notice: account '9999': no such account
shutoff-notice: served 0, refused 0, no such account 1" shutoff-notice 9999

# more accounts in arrears: 1006 and 1007 owe 100.00 billed 2026-09-01 (67
# days past due); 1008 owes 80.00 billed 2026-10-01 (37 days)
cat > "$T/accounts.csv" <<'EOF'
account,name,service_address,mailing_address,status
1006,Fay Fox,6 Elm St,,active
1007,Gus Gray,7 Elm St,,active
1008,Hal Hunt,8 Elm St,"PO Box 8, Springfield",active
EOF
cat > "$T/ledger.csv" <<'EOF'
account,posted_on,kind,amount,ref,memo,source
1006,2026-09-01,charge,100.00,B202609-1006,September bill,billing
1007,2026-09-01,charge,100.00,B202609-1007,September bill,billing
1008,2026-10-01,charge,80.00,B202610-1008,October bill,billing
EOF
acct-import "$T/accounts.csv" >/dev/null 2>&1 &&
ledger-post "$T/ledger.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot add the accounts"; exit 1; }

# letters one after another, separated by form feeds
store_dump > "$T/before"
run shutoff-notice -n 1006 1007 1008
status_is 0 "three letters: exit 0"
is 2 "$(tr -cd '\f' < "$T/out" | wc -c | tr -d ' ')" "three letters: two form feeds between them"
is "Notice N2026-000002
Notice N2026-000003
Notice N2026-000004" "$(grep -o 'Notice N2026-[0-9]*' "$T/out")" "three letters: numbered in input order"
is "Customer Account Office" "$(awk 'BEGIN { RS = "\f" } NR == 2' "$T/out" | head -n 1)" \
	"three letters: each begins right after its form feed"
out_has "Mailing address:    PO Box 8, Springfield" "the mailing address where there is one"
out_has "Mailing address:    6 Elm St" "the service address where there is no mailing address"
out_has "  * pay at least \$30.01, so that less than \$50.00 is left past due:" "to_pay: the arrears less shutoff.min_arrears, plus 0.01"
unchanged "three letters, -n: the store is unchanged"

# policy from the store
acct-db policy shutoff.min_arrears 90.00 >/dev/null 2>&1 &&
acct-db policy shutoff.notice_days 10 >/dev/null 2>&1 &&
acct-db policy shutoff.notice_valid_days 30 >/dev/null 2>&1 &&
acct-db policy medical.cert_days 21 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set the policy"; exit 1; }
run shutoff-notice -n --csv 1006 1008
out_is "$HDR
N2026-000002,1006,2026-11-27,2026-12-07,2026-12-27,100.00,served,
,1008,,,,80.00,refused,arrears 80.00 below 90.00" \
	"the policy in the store: shutoff.min_arrears, notice_days, notice_valid_days"
run shutoff-notice -n 1006
out_has "  * pay at least \$10.01, so that less than \$90.00 is left past due:" "to_pay from shutoff.min_arrears in the store"
out_has "    service for 21 days." "medical.cert_days in the store"
acct-db policy shutoff.notice_after_due_days 60 >/dev/null 2>&1
run shutoff-notice -n --csv 1006 1008
out_is "$HDR
N2026-000002,1006,2026-11-27,2026-12-07,2026-12-27,100.00,served,
,1008,,,,80.00,refused,\"arrears 80.00 below 90.00; oldest arrears 37 days past due, fewer than 60\"" \
	"shutoff.notice_after_due_days in the store"
for k in shutoff.min_arrears=50.00 shutoff.notice_days=15 \
	shutoff.notice_valid_days=60 medical.cert_days=30 \
	shutoff.notice_after_due_days=20; do
	acct-db policy "${k%%=*}" "${k#*=}" >/dev/null 2>&1 ||
		{ echo "Bail out! cannot reset ${k%%=*}"; exit 1; }
done

# -o DIR: one file a notice; an unknown account does not stop the others
mkdir "$T/docs"
run shutoff-notice -o "$T/docs" 1006 9999 1007
status_is 1 "-o DIR with an unknown account: exit 1"
out_empty "-o DIR: nothing on stdout"
err_is "shutoff-notice: account '9999': no such account
shutoff-notice: served 2, refused 0, no such account 1" "-o DIR: the unknown account and the summary"
is "N2026-000002.txt
N2026-000003.txt" "$(ls "$T/docs")" "-o DIR: one file a notice, named by its number"
has "$T/docs/N2026-000002.txt" "FINAL TERMINATION NOTICE                             Notice N2026-000002" \
	"-o DIR: the letter of 1006"
has "$T/docs/N2026-000003.txt" "Customer:           Gus Gray" "-o DIR: the letter of 1007"
is "1006|1007" "$(sql "SELECT group_concat(account, '|') FROM notices WHERE number IN ('N2026-000002', 'N2026-000003')")" \
	"-o DIR: both notices recorded"

# accounts as CSV on standard input, other columns ignored; records
printf 'name,account\nHal,1008\nFay,1006\n' > "$T/in.csv"
run shutoff-notice --csv < "$T/in.csv"
status_is 1 "CSV on stdin: exit 1, one refused"
out_is "$HDR
N2026-000004,1008,2026-11-27,2026-12-12,2027-01-26,80.00,served,
,1006,,,,100.00,refused,notice N2026-000002 served 2026-11-27 in force until 2027-01-26" \
	"CSV on stdin: the account column found by name, the records"
err_is "shutoff-notice: 1006: no notice: notice N2026-000002 served 2026-11-27 in force until 2027-01-26
shutoff-notice: served 1, refused 1" "CSV on stdin: the refusal and the summary"
run shutoff-notice --csv - < "$T/in.csv"
out_has ",1008,,,,80.00,refused,notice N2026-000004" "an operand '-' reads standard input"

# what ends a notice: an agreement signed after it (broken since), expiry
plan-agree --count 3 1002 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make the agreement"; exit 1; }
refused "an agreement in force, signed after the notice" 1 \
	"shutoff-notice: 1002: no notice: agreement P2026-000001 in force
shutoff-notice: served 0, refused 1" shutoff-notice 1002
plan-check --date 2027-01-07 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot break the agreement"; exit 1; }
is "broken" "$(sql "SELECT status FROM plans WHERE number = 'P2026-000001'")" \
	"the agreement is broken on 2027-01-07"
run shutoff-notice --csv --date 2027-01-07 1002
status_is 0 "a notice after a broken agreement signed after the earlier notice: exit 0"
out_is "$HDR
N2027-000001,1002,2027-01-07,2027-01-22,2027-03-08,300.00,served," \
	"a new notice, numbered in the new year, though N2026-000001 stands until 2027-01-26"
run shutoff-notice --csv --date 2027-01-27 1007
status_is 0 "a notice after the earlier one expired: exit 0"
out_is "$HDR
N2027-000002,1007,2027-01-27,2027-02-11,2027-03-28,100.00,served," \
	"a notice after the earlier one expired: served again"
refused "a notice expires after its expires_on day only" 1 \
	"shutoff-notice: 1006: no notice: notice N2026-000002 served 2026-11-27 in force until 2027-01-26
shutoff-notice: served 0, refused 1" shutoff-notice --date 2027-01-26 1006

# a site's template
mkdir "$T/site"
cat > "$T/site/notice.txt" <<'EOF'
Springfield Water, 1 Main St, 555-0100
{{notice}} {{account}} {{name}}: {{arrears:>10}} past due, {{to_pay}} to pay
{{?days_past_due}}{{days_past_due}} days late; shut-off from {{earliest_shutoff}}
medical {{medical_days}}, hold {{hold_days}}, contact {{contact_hours}} h, {{cold_from}}-{{cold_to}}
EOF
ACCTKIT_TEMPLATES=$T/site
export ACCTKIT_TEMPLATES
store_dump > "$T/before"
run shutoff-notice -n 1008 --date 2027-02-15
status_is 0 "ACCTKIT_TEMPLATES: exit 0"
out_is "Springfield Water, 1 Main St, 555-0100
N2027-000003 1008 Hal Hunt:     \$80.00 past due, \$30.01 to pay
117 days late; shut-off from 2027-03-02
medical 30, hold 15, contact 72 h, November 1-April 15" \
	"ACCTKIT_TEMPLATES: the site's template, filled"
unchanged "ACCTKIT_TEMPLATES -n: the store is unchanged"

cat > "$T/site/notice.txt" <<'EOF'
Springfield Water
{{notice}}
Call {{phone}} today.
EOF
refused "a template with an unknown field" 65 \
	"shutoff-notice: notice.txt:3: unknown field 'phone'" \
	shutoff-notice --date 2027-02-15 1008
refused "a template with an unknown field, -o DIR" 65 \
	"shutoff-notice: notice.txt:3: unknown field 'phone'" \
	shutoff-notice --date 2027-02-15 -o "$T/docs" 1008
is 2 "$(ls "$T/docs" | wc -l | tr -d ' ')" "a template with an unknown field: no file written"
printf '{{notice\n' > "$T/site/notice.txt"
store_dump > "$T/before"
run shutoff-notice --date 2027-02-15 1008
status_is 65 "a malformed template: exit 65"
err_has "notice.txt:1:" "a malformed template: names the line"
unchanged "a malformed template: the store is unchanged"
store_dump > "$T/before"
run shutoff-notice -n --csv --date 2027-02-15 1008
status_is 0 "--csv reads no template: exit 0"
out_has "N2027-000003,1008,2027-02-15," "--csv reads no template: the record"
unchanged "--csv -n: the store is unchanged"
unset ACCTKIT_TEMPLATES

# bad CSV on standard input: nothing served, nothing printed
refused "a row with too few fields" 65 "shutoff-notice: stdin:3: 1 field, the header has 2" \
	sh -c 'printf "account,name\n1008,Hal\n1006\n" | shutoff-notice --date 2027-02-15'
refused "no account column" 65 "shutoff-notice: stdin:1: no 'account' column" \
	sh -c 'printf "acct\n1008\n" | shutoff-notice --date 2027-02-15'
refused "an empty account" 65 "shutoff-notice: stdin:3: column 'account': empty" \
	sh -c 'printf "account,name\n1008,Hal\n,Nobody\n" | shutoff-notice --date 2027-02-15 --csv'
refused "an unclosed quote" 65 "shutoff-notice: stdin:2: a quote is never closed" \
	sh -c 'printf "account\n\"1008\n" | shutoff-notice --date 2027-02-15'

# usage errors: exit 2, the store unchanged
refused "a bad option" 2 "shutoff-notice: unrecognized option '--bogus'
Usage: shutoff-notice [-n] [-d FILE] [--date D] [--csv | --format csv|table]
  [-o DIR] [ACCOUNT...]
$TRY" shutoff-notice --bogus 1008
refused "--format xml" 2 "shutoff-notice: option --format: 'xml': not csv or table
$TRY" shutoff-notice --format xml 1008
refused "--date no such day" 2 "shutoff-notice: date '2026-02-30': no such day
$TRY" shutoff-notice --date 2026-02-30 1008
refused "--csv with --format table" 2 "shutoff-notice: --csv and --format table: choose one
$TRY" shutoff-notice --csv --format table 1008
refused "-o with --csv" 2 "shutoff-notice: -o is for the letters, --csv for the records: choose one
$TRY" shutoff-notice --csv -o "$T/docs" 1008
refused "-o with --format" 2 "shutoff-notice: -o is for the letters, --format for the records: choose one
$TRY" shutoff-notice --format table -o "$T/docs" 1008
refused "-o DIR that does not exist" 1 "shutoff-notice: $T/nodir: No such file or directory" \
	shutoff-notice -o "$T/nodir" --date 2027-02-15 1008
refused "a missing store" 1 "shutoff-notice: store '$T/none.db': no such file: make one with 'acct-db init'" \
	shutoff-notice -d "$T/none.db" 1008

run shutoff-notice --help
status_is 0 "--help: exit 0"
out_has "Usage: shutoff-notice [-n] [-d FILE] [--date D] [--csv | --format csv|table]" \
	"--help: the synopsis on stdout"
out_has "  [-o DIR] [ACCOUNT...]" "--help: the synopsis, its second line"
for o in "--csv" "-d, --db FILE" "--date D" "--format F" "-n, --dry-run" "-o, --output DIR" "-h, --help" "--version"; do
	out_has "  $o " "--help: lists $o"
done
err_empty "--help: nothing on stderr"

run shutoff-notice --version
status_is 0 "--version: exit 0"
out_has "acctkit" "--version: names the package"

done_testing
