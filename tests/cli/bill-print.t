#!/bin/sh
# bill-print: golden bills from the fixtures at fixed dates; a first bill
# of a month; a second bill whose previous amount due is the first's amount
# due and whose lines are the period's entries; entries posted late on the
# next bill; a bill's entries listed again with sqlite3 from last_entry; an
# agreement's installment; --final with a deposit; each refusal; a damaged
# store; --csv; -o DIR; CSV on standard input; -n; templates; bad input;
# usage.
. "$top_srcdir/tests/cli/lib.sh"
make_store
me=$(id -un)
TRY="Try 'bill-print --help'."
HDR='bill,account,issued_on,period_from,period_to,previous_due,payments,adjustments,new_charges,amount_due,arrears,installment,due_on,final'
RULE='--------------------------------------------------------------------------------'
FOOT="$RULE
Give your account number with your payment: 1002.
Questions about this bill: call, write to or visit the Customer Account Office."

audits() { sql "SELECT program || ': ' || what FROM audit WHERE id > $1 ORDER BY id"; }
last_audit_id() { sql "SELECT COALESCE(MAX(id), 0) FROM audit"; }
bill_row() { sql "SELECT number, account, issued_on, period_from, period_to, previous_due, payments, adjustments, new_charges, amount_due, arrears, installment, COALESCE(plan, ''), due_on, final, deposit_applied, login FROM bills WHERE number = '$1'"; }
# the account's highest entry now
max_entry() { sql "SELECT COALESCE(MAX(id), 0) FROM entries WHERE account = '$1'"; }
# The entries of bill $1 listed again from the store, by the rule of
# bill-print(1): those up to its last_entry posted on or before its day
# that the account's bill before it does not cover (for a first bill,
# those of its period); as its lines show them, date and amount.
relist() {
	sql "SELECT e.posted_on || '  '
		|| CASE WHEN e.amount < 0 THEN '-' ELSE '' END
		|| printf('\$%.2f', abs(e.amount) / 100.0)
	FROM bills b JOIN entries e ON e.account = b.account
	LEFT JOIN bills p ON p.account = b.account AND p.issued_on =
		(SELECT MAX(issued_on) FROM bills
		 WHERE account = b.account AND issued_on < b.issued_on)
	WHERE b.number = '$1' AND e.id <= b.last_entry
	AND e.posted_on <= b.issued_on
	AND CASE WHEN p.number IS NULL THEN e.posted_on >= b.period_from
	ELSE e.id > p.last_entry OR e.posted_on > p.issued_on END
	ORDER BY e.posted_on, e.id"
}
# the lines of the bill document $1: date and amount
doc_lines() { awk '/^  [0-9][0-9][0-9][0-9]-/ { print $1 "  " $NF }' "$1"; }
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

# The fixtures (tests/fixtures/README): 1002 was billed 100.00 on the first
# of August to November and paid August's: 300.00 owed, all of it past due
# on 2026-11-27 (bill.due_days 20).  Its first bill shows a month, from the
# day after 2026-10-27: what came before is its previous amount due.
BILL1="Customer Account Office

BILL                                                                B2026-000001
$RULE
Account:           1002
Name:              Bob Baker
Mailing address:   PO Box 2
Service address:   2 Elm St
Billing period:    2026-10-28 to 2026-11-27
Issued:            2026-11-27

Previous amount due                                                      \$200.00
Payments                                                                   \$0.00
Adjustments                                                                \$0.00
New charges                                                              \$100.00
                                                                ----------------
Amount due                                                               \$300.00
Due date                                                              2026-12-17

Past due: \$300.00 of this amount was due before today.
Pay it now to avoid a final notice of termination.

Activity in this period
  Date        Description                                                 Amount
  2026-11-01  November bill                                              \$100.00
$FOOT"

# --- -n: the bill as it would be, nothing recorded ---------------------------
store_dump > "$T/before"
run bill-print -n 1002
status_is 0 "-n: exit 0"
out_is "$BILL1" "-n: the bill as it would be printed"
err_is "bill-print: billed 1, refused 0
bill-print: dry run: nothing was changed" "-n: says nothing was changed"
unchanged "-n: the store is unchanged"

# --- a first bill ------------------------------------------------------------
a0=$(last_audit_id)
run bill-print 1002
status_is 0 "a first bill: exit 0"
out_is "$BILL1" "a first bill: the document (-n showed the same)"
cp "$T/out" "$T/B2026-000001"
err_is "bill-print: billed 1, refused 0" "a first bill: the summary on stderr"
is "B2026-000001|1002|2026-11-27|2026-10-28|2026-11-27|20000|0|0|10000|30000|30000|0||2026-12-17|0|0|$me" \
	"$(bill_row B2026-000001)" "a first bill: recorded, a month, the balance before it the previous amount due"
is "$(max_entry 1002)|" "$(sql "SELECT last_entry, COALESCE(installment_due_on, '') FROM bills WHERE number = 'B2026-000001'")" \
	"a first bill: its last entry the account's highest, no installment"
is "bill-print: bill B2026-000001 for account 1002: 2026-10-28 to 2026-11-27, amount due 300.00 by 2026-12-17" \
	"$(audits "$a0")" "a first bill: audited"
is "$(doc_lines "$T/B2026-000001")" "$(relist B2026-000001)" \
	"a first bill: sqlite3 lists its entries again, the period's"

# an account opened in the month: its first bill starts at its first entry
run bill-print -n --csv 1003
out_is "$HDR
B2026-000002,1003,2026-11-27,2026-11-01,2026-11-27,0.00,-80.00,0.00,50.00,-30.00,0.00,0.00,2026-12-17,no" \
	"a first bill: from the first entry when it is later than a month back"
run bill-print -n --csv --date 2026-12-31 1003
out_is "$HDR
B2026-000002,1003,2026-12-31,2026-12-01,2026-12-31,-30.00,0.00,0.00,0.00,-30.00,0.00,0.00,2027-01-20,no" \
	"a first bill: a month back from the 31st, the entries before it the previous amount due"

refused "already billed that day" 1 \
	"bill-print: 1002: already billed on 2026-11-27 (B2026-000001)
bill-print: billed 0, refused 1" bill-print 1002
refused "a bill dated before the last one" 1 \
	"bill-print: 1002: last billed on 2026-11-27 (B2026-000001), later than 2026-11-26
bill-print: billed 0, refused 1" bill-print --date 2026-11-26 1002

# --- the next bill: the period since, the previous amount due ----------------
printf '%s\n' 'account,posted_on,kind,amount,ref,memo,source' \
	'1002,2026-12-01,charge,100.00,B202612-1002,December bill,billing' \
	'1002,2026-12-10,payment,150.00,L20261210-1,,lockbox' \
	'1002,2026-12-28,charge,100.00,B202612b-1002,after the bill,billing' > "$T/dec.csv"
ledger-post --date 2026-12-28 "$T/dec.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post December"; exit 1; }
BILL2="Customer Account Office

BILL                                                                B2026-000002
$RULE
Account:           1002
Name:              Bob Baker
Mailing address:   PO Box 2
Service address:   2 Elm St
Billing period:    2026-11-28 to 2026-12-27
Issued:            2026-12-27

Previous amount due                                                      \$300.00
Payments                                                                -\$150.00
Adjustments                                                                \$0.00
New charges                                                              \$100.00
                                                                ----------------
Amount due                                                               \$250.00
Due date                                                              2027-01-16

Past due: \$250.00 of this amount was due before today.
Pay it now to avoid a final notice of termination.

Activity in this period
  Date        Description                                                 Amount
  2026-12-01  December bill                                              \$100.00
  2026-12-10  Payment                                                   -\$150.00
$FOOT"
run bill-print --date 2026-12-27 1002
status_is 0 "the next bill: exit 0"
out_is "$BILL2" "the next bill: the period's entries only, the first bill's amount due as its previous"
cp "$T/out" "$T/B2026-000002"
is "$(sql "SELECT amount_due FROM bills WHERE number = 'B2026-000001'")" \
	"$(sql "SELECT previous_due FROM bills WHERE number = 'B2026-000002'")" \
	"the next bill: previous_due is the last bill's amount_due"
is "B2026-000002|1002|2026-12-27|2026-11-28|2026-12-27|30000|-15000|0|10000|25000|25000|0||2027-01-16|0|0|$me" \
	"$(bill_row B2026-000002)" "the next bill: recorded"
is "$(acct-show --date 2026-12-27 --format csv 1002 2>/dev/null | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "balance") c = i } NR == 2 { print $c }')" \
	"$(sql "SELECT printf('%.2f', amount_due / 100.0) FROM bills WHERE number = 'B2026-000002'")" \
	"the next bill: the amount due is the balance acct-show gives that day"

is "$(doc_lines "$T/B2026-000002")" "$(relist B2026-000002)" \
	"the next bill: sqlite3 lists its entries again"
is "$(max_entry 1002)" "$(sql "SELECT last_entry FROM bills WHERE number = 'B2026-000002'")" \
	"the next bill: its last entry, the charge dated after it included"

# entries dated on or before the last bill's day, posted after it was made
# (a payment of the day before, posted the morning after; a payment of
# November found in the mail) are on the next bill, under their own dates
printf '%s\n' 'account,posted_on,kind,amount,ref,memo,source' \
	'1002,2026-12-26,payment,20.00,L20261226-9,,lockbox' \
	'1002,2026-11-20,payment,10.00,M20261120-1,found in the mail,counter' > "$T/late.csv"
ledger-post --date 2026-12-28 "$T/late.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post the late payments"; exit 1; }
BILL3="Customer Account Office

BILL                                                                B2027-000001
$RULE
Account:           1002
Name:              Bob Baker
Mailing address:   PO Box 2
Service address:   2 Elm St
Billing period:    2026-12-28 to 2027-01-27
Issued:            2027-01-27

Previous amount due                                                      \$250.00
Payments                                                                 -\$30.00
Adjustments                                                                \$0.00
New charges                                                              \$100.00
                                                                ----------------
Amount due                                                               \$320.00
Due date                                                              2027-02-16

Past due: \$320.00 of this amount was due before today.
Pay it now to avoid a final notice of termination.

Activity in this period
  Date        Description                                                 Amount
  2026-11-20  found in the mail                                          -\$10.00
  2026-12-26  Payment                                                    -\$20.00
  2026-12-28  after the bill                                             \$100.00
$FOOT"
run bill-print --date 2027-01-27 1002
status_is 0 "entries posted late: exit 0"
out_is "$BILL3" "entries posted late: on the next bill by their dates, with the period's; numbered in the bill's year"
cp "$T/out" "$T/B2027-000001"
is "B2027-000001|1002|2027-01-27|2026-12-28|2027-01-27|25000|-3000|0|10000|32000|32000|0||2027-02-16|0|0|$me" \
	"$(bill_row B2027-000001)" "entries posted late: recorded"
is "$(doc_lines "$T/B2027-000001")" "$(relist B2027-000001)" \
	"entries posted late: sqlite3 lists the bill's entries again, the late ones with them"
is "$(doc_lines "$T/B2026-000002")" "$(relist B2026-000002)" \
	"entries posted late: the bill before lists the same entries as printed"
run bill-print -n --date 2027-02-27 1002
out_has "Previous amount due                                                      \$320.00" \
	"entries posted late: shown once, the bill after starts from the amount due"
out_has "No payments, adjustments or charges in this period." \
	"no entries: the bill says so"

# a damaged store: the last bill's last_entry lost, so that its entries
# would be billed twice and the bill would not add up to the balance
cp "$ACCTKIT_DB" "$T/damaged.db"
"$SQLITE3" "$T/damaged.db" "DROP TRIGGER bills_no_change;
	UPDATE bills SET last_entry = 0 WHERE number = 'B2027-000001'" ||
	{ echo "Bail out! cannot damage the copy"; exit 1; }
cp "$T/damaged.db" "$T/damaged.before"
run bill-print -d "$T/damaged.db" --date 2027-02-27 1003 1002
status_is 65 "a damaged store: exit 65"
err_is "bill-print: account 1002: bill B2027-000003: the ledger does not add up on 2027-02-27: the amount due 320.00 is not the previous amount due 320.00 plus payments -280.00, adjustments 0.00 and new charges 600.00; run 'acct-db check'" \
	"a damaged store: says so, and to run acct-db check"
out_empty "a damaged store: nothing printed"
if cmp -s "$T/damaged.db" "$T/damaged.before"; then
	pass "a damaged store: nothing billed, not even the account before"
else
	fail "a damaged store: nothing billed, not even the account before"
fi

# --- an agreement in force: its next installment -----------------------------
run bill-print -n --date 2026-05-31 1005
out_has "Billing period:    2026-05-01 to 2026-05-31" \
	"a first bill: from the first entry, a month back from the 31st"
out_has "  2026-05-01  May bill                                                   \$120.00
  2026-05-01  May meter charge                                            \$80.00
$RULE" "the lines of a day in the order posted"
plan-agree --count 3 1005 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make the agreement"; exit 1; }
run bill-print 1005
status_is 0 "an agreement: exit 0"
out_has "Amount due                                                               \$150.00
Due date                                                              2026-12-17

Installment due 2026-12-27 under agreement P2026-000001                   \$50.00
(part of the amount due)

Past due: \$150.00 of this amount was due before today." \
	"an agreement: the installment, its due date and the agreement"
is "5000|P2026-000001|2026-12-27" "$(sql "SELECT installment, plan, installment_due_on FROM bills WHERE account = '1005'")" \
	"an agreement: the installment, the agreement and the installment's day recorded"

# --- --final: the deposit applied, the status final --------------------------
printf '%s\n' 'account,posted_on,kind,amount,ref,memo,source' \
	'1004,2026-10-20,deposit,50.00,DEP-1004,security deposit,counter' > "$T/deposit.csv"
ledger-post "$T/deposit.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post the deposit"; exit 1; }
a0=$(last_audit_id)
run bill-print --final 1004
status_is 0 "--final: exit 0"
out_is "Customer Account Office

FINAL BILL                                                          B2026-000004
$RULE
Account:           1004
Name:              Dan Dunn
Mailing address:   4 Elm St
Service address:   4 Elm St
Billing period:    2026-10-28 to 2026-11-27
Issued:            2026-11-27

Previous amount due                                                       \$50.00
Payments                                                                   \$0.00
Adjustments                                                              -\$50.00
New charges                                                              \$120.00
                                                                ----------------
Amount due                                                               \$120.00
Due date                                                              2026-12-17

This is the final bill of this account.
Your deposit of \$50.00 is applied to it, in the adjustments.

Activity in this period
  Date        Description                                                 Amount
  2026-11-15  November bill                                              \$120.00
  2026-11-27  deposit applied to final bill                              -\$50.00
$RULE
Give your account number with your payment: 1004.
Questions about this bill: call, write to or visit the Customer Account Office." \
	"--final: FINAL BILL, the deposit a line of the adjustments"
cp "$T/out" "$T/B2026-000004"
err_is "bill-print: billed 1, refused 0" "--final: the summary"
is "B2026-000004|1004|2026-11-27|2026-10-28|2026-11-27|5000|0|-5000|12000|12000|0|0||2026-12-17|1|5000|$me" \
	"$(bill_row B2026-000004)" "--final: recorded final, with the deposit applied"
is "$(max_entry 1004)" "$(sql "SELECT last_entry FROM bills WHERE number = 'B2026-000004'")" \
	"--final: its last entry is the deposit applied"
is "$(doc_lines "$T/B2026-000004")" "$(relist B2026-000004)" \
	"--final: sqlite3 lists its entries again, the deposit applied with them"
is "final" "$(sql "SELECT status FROM accounts WHERE number = '1004'")" \
	"--final: the account's status is final"
is "2026-11-27|deposit|-5000|bill-print|B2026-000004|deposit applied to final bill" \
	"$(sql "SELECT posted_on, kind, amount, source, ref, memo FROM entries WHERE account = '1004' ORDER BY id DESC LIMIT 1")" \
	"--final: the deposit applied by an entry of the bill's own"
is "0" "$(sql "SELECT SUM(amount) FROM entries WHERE account = '1004' AND kind = 'deposit'")" \
	"--final: no deposit held any more"
is "bill-print: bill B2026-000004 for account 1004: 2026-10-28 to 2026-11-27, amount due 120.00 by 2026-12-17, final; deposit applied 50.00
bill-print: account 1004: status active -> final (final bill B2026-000004)" \
	"$(audits "$a0")" "--final: the bill and the status audited"
refused "--final for an account final already" 1 \
	"bill-print: 1004: no final bill: the account is final already
bill-print: billed 0, refused 1" bill-print --final --date 2026-12-01 1004
acct-edit --status closed 1003 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot close 1003"; exit 1; }
refused "--final for a closed account" 1 \
	"bill-print: 1003: no final bill: the account is closed already
bill-print: billed 0, refused 1" bill-print --final 1003
run bill-print -n --csv --final 1001
out_is "$HDR
B2026-000005,1001,2026-11-27,2026-10-28,2026-11-27,0.00,0.00,0.00,0.00,0.00,0.00,0.00,2026-12-17,yes" \
	"--final without a deposit: nothing applied"
is "active" "$(sql "SELECT status FROM accounts WHERE number = '1001'")" \
	"--final -n: the status unchanged"
run bill-print --csv --date 2026-12-27 1004
status_is 0 "a current bill after the final one: exit 0"
out_is "$HDR
B2026-000005,1004,2026-12-27,2026-11-28,2026-12-27,120.00,0.00,0.00,0.00,120.00,120.00,0.00,2027-01-16,no" \
	"a current bill after the final one: the deposit applied is not shown again"

# --- unknown accounts among others; --csv; CSV on standard input -------------
store_dump > "$T/before"
run bill-print --csv 1003 9999 1001
status_is 1 "an unknown account among others: exit 1"
out_is "$HDR
B2026-000006,1003,2026-11-27,2026-11-01,2026-11-27,0.00,-80.00,0.00,50.00,-30.00,0.00,0.00,2026-12-17,no
B2026-000007,1001,2026-11-27,2026-10-28,2026-11-27,0.00,0.00,0.00,0.00,0.00,0.00,0.00,2026-12-17,no" \
	"an unknown account among others: the others billed, the records"
err_is "bill-print: account '9999': no such account
bill-print: billed 2, refused 0, no such account 1" "an unknown account among others: named"
is "B2026-000006 B2026-000007" "$(sql "SELECT group_concat(number, ' ') FROM (SELECT number FROM bills WHERE issued_on = '2026-11-27' AND account IN ('1001', '1003') ORDER BY number)")" \
	"an unknown account among others: the others recorded"

refused "only unknown accounts" 1 "bill-print: account 'nope': no such account
bill-print: billed 0, refused 0, no such account 1" bill-print nope

run bill-print --date 2026-12-27 --format table 1003
status_is 0 "--format table: exit 0"
out_has "bill          B2026-000008
account       1003" "--format table: wider than the terminal, a record at a time"
out_has "amount_due    -30.00" "--format table: the amounts"

printf 'name,account\nx,1001\ny,1003\n' > "$T/in.csv"
run bill-print -n --csv --date 2027-01-27 < "$T/in.csv"
status_is 0 "CSV on standard input: exit 0"
is "B2027-000002 1001 B2027-000003 1003" "$(awk -F, 'NR > 1 { printf "%s%s %s", sep, $1, $2; sep = " " }' "$T/out")" \
	"CSV on standard input: the account column found by name, in order"
acct-list --format csv > "$T/list.csv" 2>/dev/null
run bill-print -n --csv --date 2027-01-27 - < "$T/list.csv"
status_is 1 "acct-list | bill-print: exit 1, one refused"
err_is "bill-print: 1002: already billed on 2027-01-27 (B2027-000001)
bill-print: billed 4, refused 1
bill-print: dry run: nothing was changed" "acct-list | bill-print: the refused one named, the others billed"
is "1001 1003 1004 1005" "$(awk -F, 'NR > 1 { printf "%s%s", sep, $2; sep = " " }' "$T/out")" \
	"acct-list | bill-print: the others' records"

# bad CSV on standard input: nothing billed, not even the operands before it
store_dump > "$T/before"
printf 'name\nx\n' > "$T/in.csv"
run bill-print --date 2027-03-01 1001 - < "$T/in.csv"
status_is 65 "CSV without an account column: exit 65"
err_is "bill-print: stdin:1: no 'account' column" "CSV without an account column: says so"
out_empty "CSV without an account column: nothing printed"
unchanged "CSV without an account column: nothing billed, not even the operand"
printf 'account,name\n1001,x\n,y\n' > "$T/in.csv"
run bill-print --date 2027-03-01 < "$T/in.csv"
status_is 65 "an empty account in the CSV: exit 65"
err_is "bill-print: stdin:3: column 'account': empty" "an empty account in the CSV: the line named"
out_empty "an empty account in the CSV: nothing printed"
unchanged "an empty account in the CSV: nothing billed"
printf 'account,name\n1001,"x\n' > "$T/in.csv"
run bill-print --date 2027-03-01 < "$T/in.csv"
status_is 65 "malformed CSV: exit 65"
err_is "bill-print: stdin:2: a quote is never closed" "malformed CSV: says where"
unchanged "malformed CSV: nothing billed"
printf 'account,name\n1001\n' > "$T/in.csv"
run bill-print --date 2027-03-01 < "$T/in.csv"
status_is 65 "a short CSV row: exit 65"
err_is "bill-print: stdin:2: 1 field, the header has 2" "a short CSV row: says where"
unchanged "a short CSV row: nothing billed"

# --- -o DIR ------------------------------------------------------------------
mkdir "$T/bills"
run bill-print -n --date 2027-01-27 1003 1001
cp "$T/out" "$T/expected"
run bill-print -o "$T/bills" --date 2027-01-27 1003 1001
status_is 0 "-o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
is "B2027-000002.txt B2027-000003.txt" "$(ls "$T/bills" | tr '\n' ' ' | sed 's/ $//')" \
	"-o DIR: a file a bill, named by its number"
is "$(cat "$T/expected")" "$(cat "$T/bills/B2027-000002.txt"; printf '\f'; cat "$T/bills/B2027-000003.txt")" \
	"-o DIR: the files hold the bills (as -n printed them)"
is 1 "$(tr -cd '\f' < "$T/expected" | wc -c | tr -d ' ')" "two bills on stdout: one form feed between them"
refused "-o a missing directory" 1 "bill-print: $T/none: No such file or directory" \
	bill-print -o "$T/none" --date 2027-03-01 1001

# --- templates ---------------------------------------------------------------
printf '%s\n' 'account,posted_on,kind,amount,ref,memo,source' \
	'1001,2027-02-01,charge,45.00,B202702-1001,February bill,billing' \
	'1001,2027-02-15,fee,5.00,F202702-1001,,billing' > "$T/feb.csv"
ledger-post --date 2027-03-01 "$T/feb.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post February"; exit 1; }
mkdir "$T/site"
printf '%s\n' '{{bill}} {{account}} {{amount_due}}' '{{#lines}}' \
	'- {{date}} {{kind}} {{amount:>8}} {{description}} ({{bill}})' \
	'{{/lines}}' '{{?no_activity}}{{no_activity}}' > "$T/site/bill.txt"
ACCTKIT_TEMPLATES=$T/site run bill-print -n --date 2027-03-01 1001
status_is 0 "\$ACCTKIT_TEMPLATES: exit 0"
out_is "B2027-000004 1001 \$50.00
- 2027-02-01 charge   \$45.00 February bill (B2027-000004)
- 2027-02-15 fee    \$5.00 Fee (B2027-000004)" "\$ACCTKIT_TEMPLATES: the site's template, a row a line, the document's fields in the section"
ACCTKIT_TEMPLATES=$T/site run bill-print -n --date 2027-03-01 1003
out_is "B2027-000004 1003 -\$30.00
No payments, adjustments or charges in this period." "\$ACCTKIT_TEMPLATES: no lines, no rows"

printf '%s\n' '{{bill}}' '{{nosuchfield}}' > "$T/site/bill.txt"
refused "a template with an unknown field" 65 "bill-print: bill.txt:2: unknown field 'nosuchfield'" \
	env ACCTKIT_TEMPLATES="$T/site" bill-print --date 2027-03-01 1001
out_empty "a template with an unknown field: nothing printed"
printf '%s\n' '{{bill}}' '{{#lines}}' '{{date}} {{nosuch}}' '{{/lines}}' > "$T/site/bill.txt"
refused "an unknown field in a section" 65 "bill-print: bill.txt:3: unknown field 'nosuch'" \
	env ACCTKIT_TEMPLATES="$T/site" bill-print --date 2027-03-01 1001
printf '%s\n' '{{bill}}' '' '{{#rows}}' '{{date}}' '{{/rows}}' > "$T/site/bill.txt"
refused "a template with an unknown section" 65 "bill-print: bill.txt:3: unknown section 'rows'" \
	env ACCTKIT_TEMPLATES="$T/site" bill-print --date 2027-03-01 1001
printf '%s\n' '{{bill}}' '{{#lines}}' '{{date}}' > "$T/site/bill.txt"
store_dump > "$T/before"
ACCTKIT_TEMPLATES=$T/site run bill-print --date 2027-03-01 1001
status_is 65 "a section not closed: exit 65"
err_has "section 'lines' opened on line 2 is not closed" "a section not closed: the line named"
unchanged "a section not closed: nothing billed"
rm -r "$T/site"

# --- usage -------------------------------------------------------------------
refused "--csv with --format table" 2 "bill-print: --csv and --format table: choose one
$TRY" bill-print --csv --format table 1001
refused "--csv with -o" 2 "bill-print: -o is for the bills, --csv for the records: choose one
$TRY" bill-print --csv -o "$T/bills" 1001
refused "--format with -o" 2 "bill-print: -o is for the bills, --format for the records: choose one
$TRY" bill-print --format csv -o "$T/bills" 1001
refused "a bad --format" 2 "bill-print: option --format: 'xml': not csv or table
$TRY" bill-print --format xml 1001
store_dump > "$T/before"
run bill-print --date 2026-02-30 1001
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"
unchanged "a bad --date: the store is unchanged"
run bill-print --no-such-option 1001
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"
run bill-print -d "$T/none.db" 1001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run bill-print --help
status_is 0 "--help: exit 0"
out_has "Usage: bill-print [-n] [-d FILE] [--date D] [--final]
  [--csv | --format csv|table] [-o DIR] [ACCOUNT...]" "--help: the synopsis"
err_empty "--help: nothing on stderr"
run bill-print --version
status_is 0 "--version: exit 0"
out_has "bill-print (acctkit) " "--version names the program and the package"

# --- a long name and address: folded under their label, within 80 columns
long_name='Margaret Anne Theodora Fitzwilliam-Worthington and Bartholomew Alexander Montgomery-Featherstonehaugh, Trustees of the Featherstonehaugh Family Trust'
long_addr='Apartment 1402, The Riverside Towers at Harbour Point, 18000 North Commonwealth Avenue Extension, Wrenford'
acct-edit --name "$long_name" --mailing-address "$long_addr" 1001 >/dev/null 2>&1 ||
	echo "Bail out! cannot set a long name"
run bill-print -n --date 2027-03-01 1001
status_is 0 "a long name: exit 0"
awk 'length($0) > 80 { print NR ": " length($0) }' "$T/out" > "$T/wide"
if [ ! -s "$T/wide" ]; then pass "a long name: no line past 80 columns"; else
	fail "a long name: no line past 80 columns"; sed 's/^/# /' "$T/wide"; fi
out_has "Name:              Margaret Anne Theodora Fitzwilliam-Worthington and
                   Bartholomew Alexander Montgomery-Featherstonehaugh, Trustees
                   of the Featherstonehaugh Family Trust
Mailing address:   Apartment 1402, The Riverside Towers at Harbour Point, 18000
                   North Commonwealth Avenue Extension, Wrenford
Service address:   " "a long name: folded at spaces under the label, every word kept"

# --- a busy store ------------------------------------------------------------
lock_store
store_dump > "$T/before"
run env ACCTKIT_BUSY_TIMEOUT=0 bill-print --date 2027-03-01 1001
status_is 75 "a busy store: exit 75"
err_has "busy" "a busy store: says so"
out_empty "a busy store: nothing printed"
unlock_store
unchanged "a busy store: the store is unchanged"

done_testing
