#!/bin/sh
# pay-post: counter payments and their receipts, credit balances, every
# refusal, -n, lockbox batches (idempotence, bad rows, --rejects, stdin),
# gapless numbers with two clerks at once, voids, counter payments posted
# again with --ref, usage.
. "$top_srcdir/tests/cli/lib.sh"
make_store

# snapshot, the refused write, then: unchanged DESC.  A store that did
# change is put back as it was, so that one bug does not fail every test
# after it.
snapshot() {
	store_dump > "$T/before"
	"$SQLITE3" "$ACCTKIT_DB" ".backup '$T/snapshot.db'"
}
unchanged() {
	store_dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else
		fail "$1"; show_diff "$T/before" "$T/after"
		"$SQLITE3" "$ACCTKIT_DB" ".restore '$T/snapshot.db'"
	fi
}
# the account's balance in cents: the sum of its entries
balance() { sql "SELECT sum(amount) FROM entries WHERE account = '$1'"; }
# stdout as CSV records with issued_at (the real clock) left empty
records() { awk -F, 'BEGIN { OFS = "," } NR > 1 { $10 = "" } { print }' "$T/out"; }
records_are() { is "$1" "$(records)" "$2"; }
# stdout as documents without their "Issued:" line (the real clock)
document() { grep -v '^Issued: ' "$T/out"; }
document_is() { is "$1" "$(document)" "$2"; }
numbers() { sql "SELECT number FROM receipts ORDER BY year, seq" | tr '\n' ' ' | sed 's/ $//'; }
last_audit() { sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }
me=$(id -un)
HDR='receipt,account,amount,tender,check_no,paid_on,balance_before,balance_after,clerk,issued_at,voids,voided_by,reason,approved_by,entry'
TRY="Try 'pay-post --help'."

# The fixture balances: 1001 0.00, 1002 300.00, 1003 -30.00 (a credit),
# 1004 120.00, 1005 150.00; 13 entries.

# a counter payment
run pay-post --tender check --check-no 2231 1002 50.00
status_is 0 "a counter payment: exit 0"
err_empty "a counter payment: nothing on stderr"
document_is "Customer Account Office

RECEIPT
------------------------------------------------------------------------
Receipt number:    R2026-000001
Payment date:      2026-11-27

Account:           1002
Name:              Bob Baker
Service address:   2 Elm St

Paid by:           check
Check number:      2231

Amount paid:                       \$50.00
Balance before:                   \$300.00
Balance after:                    \$250.00

Received by:       $me
------------------------------------------------------------------------
Keep this receipt." "a counter payment: the receipt, balance before and after, the clerk"
is 1 "$(grep -c '^Issued:            2[0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9] UTC$' "$T/out")" "a counter payment: the date and time of issue, UTC"
is "R2026-000001|2026|1|1002|5000|check|2231|2026-11-27|30000|25000|$me||" "$(sql "SELECT number, year, seq, account, amount, tender, check_no, paid_on, balance_before, balance_after, login, voids, approved_by FROM receipts")" "a counter payment: the receipt stored"
is "1002|2026-11-27|payment|-5000|counter|R2026-000001" "$(sql "SELECT e.account, e.posted_on, e.kind, e.amount, e.source, e.ref FROM entries e JOIN receipts r ON r.entry = e.id WHERE r.number = 'R2026-000001'")" "a counter payment: a credit entry, its reference the receipt number"
is 25000 "$(balance 1002)" "a counter payment: the balance is 250.00"
is "pay-post: receipts R2026-000001 to R2026-000001: 1, total 5000 cents" "$(last_audit)" "a counter payment: audited"

run pay-post --csv 1002 25
status_is 0 "--csv: exit 0"
records_are "$HDR
R2026-000002,1002,25.00,cash,,2026-11-27,250.00,225.00,$me,,,,,,15" "--csv: the record, cash by default"
is 1 "$(awk -F, 'NR == 2 && $10 ~ /^2[0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$/' "$T/out" | wc -l | tr -d ' ')" "--csv: issued_at is a UTC time"
err_empty "--csv: nothing on stderr"

mkdir "$T/receipts"
run pay-post -o "$T/receipts" --tender card 1005 20.00
status_is 0 "-o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
is "R2026-000003.txt" "$(ls "$T/receipts")" "-o DIR: one file, named by the receipt number"
has "$T/receipts/R2026-000003.txt" "Receipt number:    R2026-000003" "-o DIR: the receipt in it"
has "$T/receipts/R2026-000003.txt" "Paid by:           card" "-o DIR: --tender card"
has "$T/receipts/R2026-000003.txt" "Name:              Eve Evans, Jr." "-o DIR: the account's name"

run pay-post --csv --tender money-order 1004 120.00
status_is 0 "a payment that clears the balance: exit 0"
err_empty "a payment that clears the balance: nothing said of a credit"
records_are "$HDR
R2026-000004,1004,120.00,money-order,,2026-11-27,120.00,0.00,$me,,,,,,17" "a payment that clears the balance: balance after 0.00"
is "R2026-000001 R2026-000002 R2026-000003 R2026-000004" "$(numbers)" "receipt numbers run without a gap across runs"

# a credit balance
run pay-post 1003 10.00
status_is 0 "a payment leaving a credit: exit 0"
err_is "pay-post: account 1003 now has a credit balance of 40.00" "a payment leaving a credit: said on stderr"
document_is "Customer Account Office

RECEIPT
------------------------------------------------------------------------
Receipt number:    R2026-000005
Payment date:      2026-11-27

Account:           1003
Name:              Carol Cole
Service address:   3 Elm St

Paid by:           cash

Amount paid:                       \$10.00
Balance before:                   -\$30.00
Balance after:                    -\$40.00

Your account now has a credit of \$40.00.

Received by:       $me
------------------------------------------------------------------------
Keep this receipt." "a payment leaving a credit: the receipt's note"

# refusals: the message, the exit status, the store unchanged
refused() {	# DESC STATUS MESSAGE ARG...
	desc=$1 want=$2 msg=$3
	shift 3
	snapshot
	run pay-post "$@"
	status_is "$want" "$desc: exit $want"
	err_is "$msg" "$desc: says why"
	out_empty "$desc: nothing on stdout"
	unchanged "$desc: the store is unchanged, no number used"
}
refused "an unknown account" 1 "pay-post: account '9999': no such account" 9999 5.00
acct-edit --status closed 1004 >/dev/null 2>&1
refused "a closed account" 1 "pay-post: account '1004': the account is closed" 1004 5.00
refused "an amount of 0" 2 "pay-post: amount '0': a payment must be above zero
$TRY" 1001 0
refused "an amount of 0.00" 2 "pay-post: amount '0.00': a payment must be above zero
$TRY" 1001 0.00
refused "a negative amount" 2 "pay-post: amount '-5.00': a payment must be above zero
$TRY" -- 1001 -5.00
refused "three decimals" 2 "pay-post: amount '12.345': more than two decimals
$TRY" 1001 12.345
refused "not an amount" 2 "pay-post: amount 'abc': not a number
$TRY" 1001 abc
refused "a bad --tender" 2 "pay-post: option --tender: 'bitcoin': not cash, check, card or money-order
$TRY" --tender bitcoin 1001 5.00
refused "no amount" 2 "pay-post: a payment needs ACCOUNT and AMOUNT
$TRY" 1001
refused "no operands" 2 "pay-post: a payment needs ACCOUNT and AMOUNT
$TRY"
refused "three operands" 2 "pay-post: a payment needs ACCOUNT and AMOUNT
$TRY" 1001 5.00 6.00
refused "--csv with -o" 2 "pay-post: --csv and -o are each other's opposite: choose one
$TRY" --csv -o "$T/receipts" 1001 5.00
refused "-o a missing directory" 1 "pay-post: $T/none: No such file or directory" -o "$T/none" 1001 5.00
refused "--reason without --void" 2 "pay-post: --reason and --approved-by are for --void
$TRY" --reason x 1001 5.00
refused "--rejects without --batch" 2 "pay-post: --rejects and --source are for --batch
$TRY" --rejects "$T/rej.csv" 1001 5.00
refused "a bad --date" 2 "pay-post: date '2026-02-30': no such day
$TRY" --date 2026-02-30 1001 5.00

snapshot
run pay-post 1001 -5.00
status_is 2 "a negative amount without --: exit 2"
err_has "$TRY" "a negative amount without --: points to --help"
unchanged "a negative amount without --: the store is unchanged"

# -n
snapshot
run pay-post -n 1002 5.00
status_is 0 "-n: exit 0"
err_is "pay-post: dry run: nothing was posted" "-n: says nothing was posted"
out_empty "-n: no receipt printed"
unchanged "-n: the store is unchanged"
run pay-post -n -o "$T/receipts" 1002 5.00
is "R2026-000003.txt" "$(ls "$T/receipts")" "-n -o DIR: no file written"
unchanged "-n -o DIR: the store is unchanged"
run pay-post --csv 1002 5.00
records_are "$HDR
R2026-000006,1002,5.00,cash,,2026-11-27,225.00,220.00,$me,,,,,,19" "after -n, the next payment gets the number the dry run would have had"

# a site's own template
mkdir "$T/site"
printf '{{receipt}} {{nosuchfield}}\n' > "$T/site/receipt.txt"
snapshot
ACCTKIT_TEMPLATES=$T/site run pay-post 1002 5.00
status_is 65 "a site template with an unknown field: exit 65"
err_is "pay-post: receipt.txt:1: unknown field 'nosuchfield'" "a site template with an unknown field: named"
unchanged "a site template with an unknown field: nothing posted"
printf '{{receipt}} {{account}} {{amount}} {{tender}} {{clerk}}\n' > "$T/site/receipt.txt"
ACCTKIT_TEMPLATES=$T/site run pay-post 1002 5.00
status_is 0 "\$ACCTKIT_TEMPLATES: exit 0"
out_is "R2026-000007 1002 \$5.00 cash $me" "\$ACCTKIT_TEMPLATES: the site's receipt template is used"
rm -r "$T/site"

# batch
H='account,amount,paid_on,ref,tender,check_no'
printf '%s\n' "$H" '1002,40.00,2026-11-26,LB-1126-0001,check,2231' \
	'1005,112.50,2026-11-27,LB-1126-0002,money-order,' \
	'1002,10,2026-11-27,LB-1126-0003,,' > "$T/lockbox.csv"
run pay-post --batch --csv "$T/lockbox.csv"
status_is 0 "a lockbox file: exit 0"
err_is "pay-post: posted 3, already posted 0" "a lockbox file: the summary line"
records_are "$HDR
R2026-000008,1002,40.00,check,2231,2026-11-26,215.00,175.00,$me,,,,,,21
R2026-000009,1005,112.50,money-order,,2026-11-27,130.00,17.50,$me,,,,,,22
R2026-000010,1002,10.00,check,,2026-11-27,175.00,165.00,$me,,,,,,23" "a lockbox file: a receipt a payment, tender check when empty"
is "1002|2026-11-26|payment|-4000|lockbox|LB-1126-0001
1005|2026-11-27|payment|-11250|lockbox|LB-1126-0002
1002|2026-11-27|payment|-1000|lockbox|LB-1126-0003" "$(sql "SELECT account, posted_on, kind, amount, source, ref FROM entries WHERE source = 'lockbox' AND id > 13 ORDER BY id")" "a lockbox file: entries on paid_on, source lockbox, the file's ref"
is "pay-post: receipts R2026-000008 to R2026-000010: 3, total 16250 cents" "$(last_audit)" "a lockbox file: audited"

nentries=$(sql "SELECT count(*) FROM entries")
run pay-post --batch --csv "$T/lockbox.csv"
status_is 0 "the same file again: exit 0"
err_is "pay-post: posted 0, already posted 3" "the same file again: posts nothing, says how many were there"
out_is "$HDR" "the same file again: no receipt"
is "$nentries" "$(sql "SELECT count(*) FROM entries")" "the same file again: no entry posted"
is 10 "$(sql "SELECT count(*) FROM receipts")" "the same file again: no receipt number used"

printf '%s\n' "$H" '1002,1.00,2026-11-27,LB-1127-0001,cash,' \
	'1005,2.00,2026-11-27,LB-1127-0002,card,' > "$T/two.csv"
run pay-post --batch "$T/two.csv"
status_is 0 "a batch as documents: exit 0"
is 2 "$(grep -c '^Receipt number:    R2026-0000' "$T/out")" "a batch as documents: two receipts"
is 1 "$(tr -cd '\f' < "$T/out" | wc -c | tr -d ' ')" "a batch as documents: separated by a form feed"

run pay-post --batch --source bank --csv "$T/two.csv"
err_is "pay-post: posted 2, already posted 0" "--source: the same refs from another source are other payments"
is "bank|LB-1127-0001
bank|LB-1127-0002" "$(sql "SELECT source, ref FROM entries WHERE source = 'bank' ORDER BY id")" "--source: stored"

# bad rows: exit 65, FILE:LINE: column 'X': ..., nothing posted, no number
bad() {	# DESC ROW MESSAGE
	printf '%s\n%s\n%s\n' "$H" '1002,1.00,2026-11-27,GOOD-1,cash,' "$2" > "$T/bad.csv"
	snapshot
	run pay-post --batch "$T/bad.csv"
	status_is 65 "$1: exit 65"
	err_is "pay-post: $T/bad.csv:3: $3" "$1: file, line, column, why"
	out_empty "$1: no receipt printed"
	unchanged "$1: nothing posted, no receipt number used"
}
bad "three decimals" '1002,12.345,2026-11-27,X1,cash,' "column 'amount': '12.345': more than two decimals"
bad "not an amount" '1002,abc,2026-11-27,X1,cash,' "column 'amount': 'abc': not a number"
bad "a zero amount" '1002,0.00,2026-11-27,X1,cash,' "column 'amount': '0.00': a payment must be above zero"
bad "a negative amount" '1002,-5.00,2026-11-27,X1,cash,' "column 'amount': '-5.00': a payment must be above zero"
bad "no such day" '1002,5.00,2026-02-30,X1,cash,' "column 'paid_on': '2026-02-30': no such day"
bad "not a date" '1002,5.00,11/27/2026,X1,cash,' "column 'paid_on': '11/27/2026': not a date (YYYY-MM-DD)"
bad "a date after the business date" '1002,5.00,2026-11-28,X1,cash,' "column 'paid_on': '2026-11-28': after the business date 2026-11-27"
bad "an empty ref" '1002,5.00,2026-11-27,,cash,' "column 'ref': empty: every payment needs a reference"
bad "a bad tender" '1002,5.00,2026-11-27,X1,bitcoin,' "column 'tender': 'bitcoin': not cash, check, card or money-order"
bad "a field short" '1002,5.00,2026-11-27,X1,cash' "5 fields, the header has 6"
bad "a bad account number" '10 02,5.00,2026-11-27,X1,cash,' "column 'account': '10 02': letters, digits and '-' only"
bad "an unknown account" '9999,5.00,2026-11-27,X1,cash,' "column 'account': '9999': no such account (--rejects FILE posts the rest)"
bad "a closed account" '1004,5.00,2026-11-27,X1,cash,' "column 'account': '1004': the account is closed (--rejects FILE posts the rest)"
bad "a ref over 64 bytes" "1002,5.00,2026-11-27,R-$(printf '%070d' 0),cash," "column 'ref': longer than 64 bytes"
bad "a tab in a ref" "$(printf '1002,5.00,2026-11-27,"R\t1",cash,')" "column 'ref': control characters are not allowed"
bad "a ref posted before with other values" '1002,41.00,2026-11-26,LB-1126-0001,check,2231' "column 'ref': 'LB-1126-0001' of source 'lockbox' was posted before as entry 21 (account 1002, 2026-11-26, payment -40.00) with other values"

# a counter receipt's ref is kept for pay-post's counter payments
printf '%s\n%s\n%s\n' "$H" '1002,1.00,2026-11-27,C-1,cash,' '1002,5.00,2026-11-27,R2026-000900,cash,' > "$T/rform.csv"
snapshot
run pay-post --batch --source counter "$T/rform.csv"
status_is 65 "a receipt number's form under source counter: exit 65"
err_is "pay-post: $T/rform.csv:3: column 'ref': 'R2026-000900' under source 'counter' has the form of a receipt number, the ref pay-post gives its counter payments" \
	"a receipt number's form under source counter: file, line, column, why"
unchanged "a receipt number's form under source counter: nothing posted, no receipt number used"

printf 'account,amount,paid_on,tender\n1002,5.00,2026-11-27,cash\n' > "$T/noref.csv"
snapshot
run pay-post --batch "$T/noref.csv"
status_is 65 "no ref column: exit 65"
err_is "pay-post: $T/noref.csv:1: no 'ref' column" "no ref column: the missing column named"
unchanged "no ref column: nothing posted"

printf '%s\n' "$H" '1001,5.00,2026-11-27,CR-1,cash,' '1002,x,2026-11-27,CR-2,cash,' > "$T/late.csv"
run pay-post --batch "$T/late.csv"
status_is 65 "a bad row after one leaving a credit: exit 65"
err_is "pay-post: $T/late.csv:3: column 'amount': 'x': not a number" "a bad row after one leaving a credit: no credit said of a payment rolled back"
unchanged "a bad row after one leaving a credit: nothing posted"

run pay-post --batch "$T/two.csv" "$T/bad.csv"
status_is 65 "a posted file then a bad one: exit 65"
unchanged "a posted file then a bad one: nothing posted"

run pay-post --batch "$T/none.csv"
status_is 1 "a missing file: exit 1"
err_is "pay-post: $T/none.csv: No such file or directory" "a missing file: named"
unchanged "a missing file: nothing posted"

# --rejects
printf '%s\n' "$H" '1002,1.00,2026-11-27,RJ-1,cash,' '9999,2.00,2026-11-27,RJ-2,cash,' \
	'1004,3.00,2026-11-27,RJ-3,check,55' '1005,4.00,2026-11-27,RJ-4,,' > "$T/rj.csv"
run pay-post --batch --csv --rejects "$T/rejects.csv" "$T/rj.csv"
status_is 0 "--rejects: exit 0"
err_is "pay-post: posted 2, already posted 0
pay-post: 2 rejected, written to $T/rejects.csv" "--rejects: the summary lines"
records_are "$HDR
R2026-000015,1002,1.00,cash,,2026-11-27,163.00,162.00,$me,,,,,,28
R2026-000016,1005,4.00,check,,2026-11-27,13.50,9.50,$me,,,,,,29" "--rejects: the other rows posted, with receipts"
is "account,amount,paid_on,ref,tender,check_no,rejected
9999,2.00,2026-11-27,RJ-2,cash,,no such account
1004,3.00,2026-11-27,RJ-3,check,55,the account is closed" "$(cat "$T/rejects.csv")" "--rejects: the rejected rows and why"
is 0 "$(sql "SELECT count(*) FROM entries WHERE ref IN ('RJ-2', 'RJ-3')")" "--rejects: nothing posted for them"

snapshot
run pay-post --batch -n --rejects "$T/rejects-n.csv" "$T/rj.csv"
status_is 0 "--rejects -n: exit 0"
err_is "pay-post: dry run: would post 0, already posted 2
pay-post: 2 rejected" "--rejects -n: the summary lines"
is no "$(test -e "$T/rejects-n.csv" && echo yes || echo no)" "--rejects -n: no rejects file written"
unchanged "--rejects -n: the store is unchanged"

printf '%s\n' "$H" '1002,1.00,2026-11-27,RJ-5,cash,' '9999,2.00,2026-11-27,RJ-6,cash,' > "$T/rj2.csv"
snapshot
run pay-post --batch --csv --rejects "$T/nodir/rejects.csv" "$T/rj2.csv"
status_is 1 "--rejects into a missing directory: exit 1"
err_has "$T/nodir/rejects.csv" "--rejects into a missing directory: the file named"
out_empty "--rejects into a missing directory: no receipt printed"
unchanged "--rejects into a missing directory: refused before anything is posted"

# -n batch
printf '%s\n' "$H" '1002,1.00,2026-11-27,DRY-1,cash,' '1005,1.00,2026-11-27,DRY-2,cash,' > "$T/dry.csv"
run pay-post --batch -n "$T/dry.csv"
status_is 0 "-n batch: exit 0"
err_is "pay-post: dry run: would post 2, already posted 0" "-n batch: says what it would post"
out_empty "-n batch: no receipt printed"
unchanged "-n batch: the store is unchanged"

# stdin
printf '%s\n' "$H" '1002,1.00,2026-11-27,IN-1,cash,' > "$T/in.csv"
run pay-post --batch --csv < "$T/in.csv"
status_is 0 "a batch on stdin: exit 0"
err_is "pay-post: posted 1, already posted 0" "a batch on stdin: posted"
records_are "$HDR
R2026-000017,1002,1.00,cash,,2026-11-27,162.00,161.00,$me,,,,,,30" "a batch on stdin: its receipt"
printf '%s\n' "$H" '1002,1.00,2026-11-27,IN-2,cash,' > "$T/in.csv"
run pay-post --batch --csv - < "$T/in.csv"
err_is "pay-post: posted 1, already posted 0" "a batch on stdin as '-': posted"
printf '%s\n' "$H" '9999,1.00,2026-11-27,IN-3,cash,' > "$T/in.csv"
snapshot
run pay-post --batch < "$T/in.csv"
status_is 65 "a bad row on stdin: exit 65"
err_is "pay-post: stdin:2: column 'account': '9999': no such account (--rejects FILE posts the rest)" "a bad row on stdin: stdin named"
unchanged "a bad row on stdin: nothing posted"

run acct-db check
status_is 0 "the balances are the sums of the entries"

# two clerks at once
n0=$(sql "SELECT count(*) FROM receipts")
(i=0; while [ $i -lt 12 ]; do pay-post --csv 1002 1.00 >/dev/null 2>>"$T/a.err" || echo "exit $?" >>"$T/a.err"; i=$((i + 1)); done) &
(i=0; while [ $i -lt 12 ]; do pay-post --csv 1005 1.00 >/dev/null 2>>"$T/b.err" || echo "exit $?" >>"$T/b.err"; i=$((i + 1)); done) &
wait
is "" "$(grep exit "$T/a.err" "$T/b.err")" "two clerks at once: every payment posted"
is "$(awk -v n=$((n0 + 24)) 'BEGIN { for (i = 1; i <= n; i++) printf "R2026-%06d\n", i }')" \
	"$(sql "SELECT number FROM receipts ORDER BY seq")" "two clerks at once: every number from R2026-000001, once each, in order"
is 0 "$(sql "SELECT count(*) FROM (SELECT seq FROM receipts GROUP BY year, seq HAVING count(*) > 1)")" "two clerks at once: no number twice"
is 24 "$(sql "SELECT count(*) FROM receipts WHERE seq > $n0 AND account IN ('1002', '1005')")" "two clerks at once: 24 receipts"
run acct-db check
status_is 0 "two clerks at once: acct-db check passes"

# voids
snapshot
run pay-post --void R2026-000001 --reason 'wrong account'
status_is 1 "a void by a clerk: exit 1"
err_is "pay-post: receipt R2026-000001: only a supervisor may void a receipt, or approve the void (--approved-by)" "a void by a clerk: refused, says who may"
unchanged "a void by a clerk: the store is unchanged"
run pay-post --void R2026-000001 --reason 'wrong account' --approved-by zz-unknown
status_is 1 "--approved-by a login not registered: exit 1"
unchanged "--approved-by a login not registered: the store is unchanged"

acct-db clerks add sue --role supervisor >/dev/null 2>&1 ||
	sql "INSERT INTO clerks (login, name, role) VALUES ('sue', 'Sue', 'supervisor')"
acct-db clerks add carl --role clerk >/dev/null 2>&1 ||
	sql "INSERT INTO clerks (login, name, role) VALUES ('carl', 'Carl', 'clerk')"
snapshot
run pay-post --void R2026-000001 --reason 'wrong account' --approved-by carl
status_is 1 "--approved-by a clerk: exit 1"
unchanged "--approved-by a clerk: the store is unchanged"
run pay-post --void R2026-000001 --reason 'wrong account' --approved-by "$me"
status_is 1 "--approved-by oneself: exit 1"
unchanged "--approved-by oneself: the store is unchanged"
run pay-post --void R2026-000001 --approved-by sue
status_is 2 "--void without --reason: exit 2"
err_is "pay-post: --void needs --reason TEXT
$TRY" "--void without --reason: says so"
run pay-post --void R2026-000001 --reason '' --approved-by sue
status_is 2 "--void with an empty --reason: exit 2"
run pay-post --void R2026-000001 --reason x --approved-by sue 1002
status_is 2 "--void with operands: exit 2"
err_is "pay-post: --void takes no operands
$TRY" "--void with operands: says so"
run pay-post --batch --void R2026-000001 --reason x --approved-by sue
status_is 2 "--void with --batch: exit 2"
run pay-post -n --void R2026-000001 --reason x --approved-by sue
status_is 0 "-n --void: exit 0"
out_empty "-n --void: no receipt printed"
unchanged "refused voids and -n: the store is unchanged"

b=$(balance 1002)
nvoid=$(printf 'R2026-%06d' $((n0 + 25)))
run pay-post --void R2026-000001 --reason 'wrong account' --approved-by sue
status_is 0 "a void approved by a supervisor: exit 0"
err_empty "a void approved by a supervisor: nothing on stderr"
document_is "Customer Account Office

VOID RECEIPT
------------------------------------------------------------------------
Receipt number:    $nvoid
Payment date:      2026-11-27
Voids receipt:     R2026-000001
Void reason:       wrong account

Account:           1002
Name:              Bob Baker
Service address:   2 Elm St

Paid by:           check
Check number:      2231

Amount paid:                      -\$50.00
Balance before:                   \$148.00
Balance after:                    \$198.00

Received by:       $me
------------------------------------------------------------------------
Keep this receipt." "a void: a void receipt that names the original and why"
is $((b + 5000)) "$(balance 1002)" "a void: the payment is reversed, the balance restored"
is "payment|5000|void|$nvoid|wrong account|sue|14" "$(sql "SELECT e.kind, e.amount, e.source, e.ref, e.memo, e.approved_by, e.reverses FROM entries e JOIN receipts r ON r.entry = e.id WHERE r.number = '$nvoid'")" "a void: the reversal names the entry it reverses and the approver"
is "-5000|R2026-000001|wrong account|sue" "$(sql "SELECT amount, voids, reason, approved_by FROM receipts WHERE number = '$nvoid'")" "a void: the void receipt stored"
is "pay-post: receipts $nvoid to $nvoid: 1, total -5000 cents (a void)" "$(last_audit)" "a void: audited"

snapshot
run pay-post --void R2026-000001 --reason again --approved-by sue
status_is 1 "voiding a voided receipt: exit 1"
err_is "pay-post: receipt R2026-000001: voided already by $nvoid" "voiding a voided receipt: says by which"
unchanged "voiding a voided receipt: the store is unchanged"
run pay-post --void "$nvoid" --reason again --approved-by sue
status_is 1 "voiding a void: exit 1"
err_is "pay-post: receipt $nvoid: it voids R2026-000001; a void cannot be voided" "voiding a void: says so"
unchanged "voiding a void: the store is unchanged"
run pay-post --void R2026-999999 --reason x --approved-by sue
status_is 1 "voiding an unknown receipt: exit 1"
err_is "pay-post: receipt 'R2026-999999': no such receipt" "voiding an unknown receipt: says so"
unchanged "voiding an unknown receipt: the store is unchanged"

acct-db clerks add "$me" --role supervisor >/dev/null 2>&1 ||
	sql "INSERT INTO clerks (login, name, role) VALUES ('$me', '', 'supervisor')"
run pay-post --csv --void R2026-000002 --reason 'keyed twice'
status_is 0 "a void by a supervisor: exit 0"
records_are "$HDR
$(printf 'R2026-%06d' $((n0 + 26))),1002,-25.00,cash,,2026-11-27,198.00,223.00,$me,,R2026-000002,,keyed twice,,57" "a void by a supervisor: the record, no approver needed"
run acct-db check
status_is 0 "after the voids, acct-db check passes"

# a new year starts at 1
run pay-post --csv --date 2027-01-04 1002 1.00
records_are "$HDR
R2027-000001,1002,1.00,cash,,2027-01-04,223.00,222.00,$me,,,,,,58" "a new year's numbers start at R2027-000001"

# text too long for a receipt is refused or kept whole, never cut
# refused_or_kept STATUS SQL VALUE DESC, after snapshot and a run: the run
# exited STATUS and changed nothing, or it exited 0 and SQL gives VALUE
refused_or_kept() {
	got=$(sql "$2")
	if [ "$status" -eq "$1" ] && store_dump | cmp -s - "$T/before"; then
		pass "$4"
	elif [ "$status" -eq 0 ] && [ "$got" = "$3" ]; then
		pass "$4"
	else
		fail "$4"; echo "# exit $status, stored '$got'"
	fi
}
long40=$(printf 'C%039d' 0)
snapshot
run pay-post --csv --check-no "$long40" 1002 1.00
refused_or_kept 2 "SELECT check_no FROM receipts ORDER BY rowid DESC LIMIT 1" "$long40" "--check-no of 40 characters: refused, or kept whole"
printf '%s\n' "$H" "1002,1.00,2026-11-27,LONG-1,check,$long40" > "$T/long.csv"
snapshot
run pay-post --batch --csv "$T/long.csv"
refused_or_kept 65 "SELECT check_no FROM receipts ORDER BY rowid DESC LIMIT 1" "$long40" "a check_no of 40 characters in a batch: refused, or kept whole"
long300=$(printf 'why%0297d' 0)
snapshot
run pay-post --csv --void R2026-000003 --reason "$long300"
refused_or_kept 2 "SELECT reason FROM receipts WHERE voids = 'R2026-000003'" "$long300" "a --reason of 300 characters: refused, or kept whole"

# --ref: a counter payment with the clerk's own reference, safe to post
# again.  Numbers and entries are counted from the store as it is here.
next_receipt() { printf 'R2026-%06d' $(($(sql "SELECT max(seq) FROM receipts WHERE year = 2026") + $1)); }
first6() { records | awk -F, 'NR > 1 { print $1 "," $2 "," $3 "," $4 "," $5 "," $6 }'; }
r1=$(next_receipt 1)
b=$(balance 1002)
run pay-post --csv --tender card --ref SLIP-4711 1002 12.34
status_is 0 "--ref: exit 0"
err_empty "--ref: nothing on stderr"
is "$r1,1002,12.34,card,,2026-11-27" "$(first6)" "--ref: the receipt issued as for any counter payment"
is "1002|2026-11-27|payment|-1234|counter|SLIP-4711|$r1" "$(sql "SELECT e.account, e.posted_on, e.kind, e.amount, e.source, e.ref, r.number FROM entries e JOIN receipts r ON r.entry = e.id WHERE e.source = 'counter' AND e.ref = 'SLIP-4711'")" "--ref: the entry's ref is REF, not the receipt number"
is $((b - 1234)) "$(balance 1002)" "--ref: the balance"
is "pay-post: receipts $r1 to $r1: 1, total 1234 cents" "$(last_audit)" "--ref: audited"

# the same ref, account and amount again: a retry
retry_msg="pay-post: counter ref SLIP-4711: posted already, receipt $r1 (receipt-print $r1 prints it again)"
b=$(balance 1002)
snapshot
run pay-post --csv --tender card --ref SLIP-4711 1002 12.34
status_is 0 "--ref again: exit 0"
err_is "$retry_msg" "--ref again: says it was posted, and its receipt"
out_is "$HDR" "--ref again: no receipt record"
is "$b" "$(balance 1002)" "--ref again: the balance is unchanged"
unchanged "--ref again: nothing posted, no receipt number used, no audit"
run pay-post --ref SLIP-4711 1002 12.34
status_is 0 "--ref again as a document: exit 0"
out_empty "--ref again as a document: no receipt printed"
mkdir "$T/ref"
run pay-post -o "$T/ref" --ref SLIP-4711 1002 12.34
status_is 0 "--ref again with -o DIR: exit 0"
is "" "$(ls "$T/ref")" "--ref again with -o DIR: no file written"
run pay-post --tender cash --date 2026-11-30 --ref SLIP-4711 1002 12.34
status_is 0 "--ref again on a later day, another tender: exit 0"
err_is "$retry_msg" "--ref again on a later day, another tender: posted already"
run pay-post -n --ref SLIP-4711 1002 12.34
status_is 0 "-n --ref again: exit 0"
err_is "$retry_msg
pay-post: dry run: nothing was posted" "-n --ref again: says it was posted, and that nothing was"
unchanged "the retries changed nothing"
run pay-post --csv 1002 1.00
is "$(sql "SELECT printf('R2026-%06d', seq + 1) FROM receipts WHERE number = '$r1'")" "$(records | awk -F, 'NR == 2 { print $1 }')" "after the retries, the next payment gets the number after $r1"
is "$(sql "SELECT count(*) FROM receipts WHERE year = 2026")" "$(sql "SELECT max(seq) FROM receipts WHERE year = 2026")" "after the retries, the receipts run without a gap"

refused "--ref posted for another account" 1 "pay-post: counter ref SLIP-4711: posted already for account 1002, amount 12.34, receipt $r1: a ref is for one payment; nothing was posted" --ref SLIP-4711 1005 12.34
refused "--ref posted for another amount" 1 "pay-post: counter ref SLIP-4711: posted already for account 1002, amount 12.34, receipt $r1: a ref is for one payment; nothing was posted" --ref SLIP-4711 1002 12.35
refused "--ref posted for another payment, to an unknown account" 1 "pay-post: counter ref SLIP-4711: posted already for account 1002, amount 12.34, receipt $r1: a ref is for one payment; nothing was posted" --ref SLIP-4711 9999 1.00
refused "--ref of a receipt number's form" 2 "pay-post: option --ref: 'R2026-000005': the form of a receipt number, the ref of counter payments without --ref
$TRY" --ref R2026-000005 1002 1.00
refused "--ref of a receipt number's form, short" 2 "pay-post: option --ref: 'R2026-5': the form of a receipt number, the ref of counter payments without --ref
$TRY" --ref R2026-5 1002 1.00
refused "an empty --ref" 2 "pay-post: option --ref: empty
$TRY" --ref '' 1002 1.00
refused "a tab in --ref" 2 "pay-post: option --ref: control characters are not allowed
$TRY" --ref "$(printf 'S\t1')" 1002 1.00
refused "a newline in --ref" 2 "pay-post: option --ref: control characters are not allowed
$TRY" --ref "$(printf 'S\n1')" 1002 1.00
refused "a --ref over 64 bytes" 2 "pay-post: option --ref: longer than 64 bytes
$TRY" --ref "S$(printf '%064d' 0)" 1002 1.00
refused "--ref with --batch" 2 "pay-post: --ref is for a payment at the counter, not --batch or --void
$TRY" --batch --ref S-1 "$T/two.csv"
refused "--ref with --void" 2 "pay-post: --ref is for a payment at the counter, not --batch or --void
$TRY" --void R2026-000003 --reason x --ref S-1
refused "--tender with --batch" 2 "pay-post: --tender is for a payment at the counter, not --batch or --void
$TRY" --batch --tender card "$T/two.csv"
refused "--check-no with --void" 2 "pay-post: --check-no is for a payment at the counter, not --batch or --void
$TRY" --void R2026-000003 --reason x --check-no 1234

ref64=$(printf 'S%063d' 0)
run pay-post --csv --ref "$ref64" 1002 1.00
status_is 0 "a --ref of 64 bytes: exit 0"
is 1 "$(sql "SELECT count(*) FROM entries WHERE source = 'counter' AND ref = '$ref64'")" "a --ref of 64 bytes: posted whole"

snapshot
run pay-post -n --ref SLIP-DRY 1002 1.00
status_is 0 "-n --ref: exit 0"
err_is "pay-post: dry run: nothing was posted" "-n --ref: says nothing was posted"
out_empty "-n --ref: no receipt printed"
unchanged "-n --ref: the store is unchanged"
run pay-post --csv --ref SLIP-DRY 1002 1.00
status_is 0 "--ref after -n --ref: exit 0"
err_empty "--ref after -n --ref: posted, not taken for a retry"

# a retry is known by its ref even once the account is closed
r3=$(next_receipt 1)
run pay-post --csv --ref SLIP-CL 1005 2.00
acct-edit --status closed 1005 >/dev/null 2>&1
run pay-post --ref SLIP-CL 1005 2.00
status_is 0 "--ref again, the account closed since: exit 0"
err_is "pay-post: counter ref SLIP-CL: posted already, receipt $r3 (receipt-print $r3 prints it again)" "--ref again, the account closed since: posted already"
acct-edit --status active 1005 >/dev/null 2>&1

# a payment voided since is not posted already: refused
r4=$(next_receipt 1)
r5=$(next_receipt 2)
run pay-post --csv --ref SLIP-V 1002 3.00
run pay-post --csv --void "$r4" --reason 'wrong tender'
status_is 0 "a --ref payment voided: exit 0"
refused "--ref of a payment voided since" 1 "pay-post: counter ref SLIP-V: posted already for account 1002, amount 3.00, receipt $r4, voided by $r5: a ref is for one payment; nothing was posted" --ref SLIP-V 1002 3.00

# an entry of source counter posted by another program, without a receipt
printf 'account,posted_on,kind,amount,ref,source\n1002,2026-11-27,payment,4.00,LP-1,counter\n' > "$T/lp.csv"
ledger-post "$T/lp.csv" 2>/dev/null
lp1=$(sql "SELECT id FROM entries WHERE source = 'counter' AND ref = 'LP-1'")
snapshot
run pay-post --ref LP-1 1002 4.00
status_is 0 "--ref of another program's entry, the same payment: exit 0"
err_is "pay-post: counter ref LP-1: posted already, entry $lp1, by another program (no receipt)" "--ref of another program's entry, the same payment: names the entry"
unchanged "--ref of another program's entry, the same payment: nothing posted"
refused "--ref of another program's entry, another amount" 1 "pay-post: counter ref LP-1: posted already for account 1002, amount 4.00, entry $lp1: a ref is for one payment; nothing was posted" --ref LP-1 1002 5.00

# the next receipt's number posted as a counter ref by another program:
# the payment without --ref is refused, not passed over in silence
r6=$(next_receipt 1)
snapshot
printf 'account,posted_on,kind,amount,ref,source\n1002,2026-11-27,payment,6.00,%s,counter\n' "$r6" > "$T/lp.csv"
store_dump > "$T/before"
run ledger-post "$T/lp.csv"
status_is 65 "ledger-post refuses a receipt number's form under source counter"
unchanged "ledger-post refuses a receipt number's form under source counter: nothing posted"
# as an older acctkit's ledger-post let one in
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO batches (at, login, program) VALUES ('2026-11-27T09:00:00Z', 'x', 'ledger-post'); INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch) VALUES ('1002', '2026-11-27', 'payment', -600, 'counter', '$r6', last_insert_rowid())"
store_dump > "$T/before"
run pay-post 1002 6.00
status_is 1 "a receipt number posted already as a counter ref: exit 1"
err_is "pay-post: counter ref $r6: posted already by another program, not as a receipt; nothing was posted" "a receipt number posted already as a counter ref: says so"
unchanged "a receipt number posted already as a counter ref: nothing posted"
"$SQLITE3" "$ACCTKIT_DB" ".restore '$T/snapshot.db'"

run acct-db check
status_is 0 "after --ref, acct-db check passes"

# usage
run pay-post --no-such-option
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"

run pay-post --help
status_is 0 "--help: exit 0"
out_has "Usage: pay-post" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run pay-post --version
status_is 0 "--version: exit 0"
out_has "pay-post (acctkit) " "--version names the program and the package"

run pay-post -d "$T/none.db" 1002 5.00
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

done_testing
