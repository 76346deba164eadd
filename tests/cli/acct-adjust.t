#!/bin/sh
# acct-adjust: adjustments with a reason, the approval limits, reversals,
# batches; each refusal with its message and exit status, the store unchanged.
. "$top_srcdir/tests/cli/lib.sh"
make_store
me=$(id -un)

# store_dump > $T/before, the refused write, then: unchanged DESC
unchanged() {
	store_dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else
		fail "$1"; show_diff "$T/before" "$T/after"
	fi
}
sql() { "$SQLITE3" "$ACCTKIT_DB" "$1"; }
last_audit() { sql "SELECT what FROM audit ORDER BY id DESC LIMIT 1"; }
entry() {
	sql "SELECT account, posted_on, kind, amount, source, ref, memo,
		COALESCE(reason, ''), COALESCE(reverses, ''),
		COALESCE(approved_by, '') FROM entries WHERE id = $1"
}
header=entry,account,amount,reason,balance

# one adjustment
run acct-adjust --reason MR --memo "read 4512, not 5412" 1002 -45.00
status_is 0 "a credit: exit 0"
out_is "$header
14,1002,-45.00,MR,255.00" "a credit: the entry with the balance after it"
err_empty "a credit: nothing on stderr"
is "1002|2026-11-27|adjustment|-4500|acct-adjust|adjust-2-1|read 4512, not 5412|MR||" \
	"$(entry 14)" "a credit: posted on the business date, reason, memo, ref adjust-BATCH-1"
is "adjusted account 1002 by -45.00, reason MR, entry 14" "$(last_audit)" "a credit: audited"
is "$me" "$(sql "SELECT login FROM audit ORDER BY id DESC LIMIT 1")" "a credit: audited with the user's login"

run acct-adjust --date 2026-11-20 --reason RCK 1003 80
status_is 0 "a debit on another business date: exit 0"
out_is "$header
15,1003,80.00,RCK,50.00" "a debit: the balance after it"
is "1003|2026-11-20|adjustment|8000|acct-adjust|adjust-3-1||RCK||" "$(entry 15)" "a debit: posted on --date"

run acct-adjust --format table --reason GW 1001 -5
out_is "entry  account  amount  reason  balance
-----  -------  ------  ------  -------
   16  1001      -5.00  GW        -5.00" "--format table"

store_dump > "$T/before"
run acct-adjust -n --reason MR 1002 -10.00
status_is 0 "-n: exit 0"
out_is "$header
17,1002,-10.00,MR,245.00" "-n: shows what it would post"
err_is "acct-adjust: dry run: nothing was posted" "-n: says it is a dry run"
unchanged "-n: the store is unchanged"

# refusals of one adjustment
run acct-adjust --reason MR 9999 -10.00
status_is 1 "an unknown account: exit 1"
err_is "acct-adjust: account '9999': no such account" "an unknown account: named"
unchanged "an unknown account: the store is unchanged"

acct-edit --status closed 1001 >/dev/null 2>&1
store_dump > "$T/before"
run acct-adjust --reason MR 1001 -10.00
status_is 1 "a closed account: exit 1"
err_is "acct-adjust: account '1001': the account is closed" "a closed account: says so"
unchanged "a closed account: the store is unchanged"

run acct-adjust --reason XYZ 1002 -10.00
status_is 1 "an unknown reason: exit 1"
err_is "acct-adjust: reason 'XYZ': no such reason (see 'acct-db reasons')" "an unknown reason: named"
unchanged "an unknown reason: the store is unchanged"

run acct-adjust --reason LFW 1002 10.00
status_is 1 "a debit for a credit-only reason: exit 1"
err_is "acct-adjust: reason 'LFW' is for credits only: the amount must be below zero" "a debit for a credit-only reason: says so"
unchanged "a debit for a credit-only reason: the store is unchanged"

run acct-adjust --reason RCK 1002 -10.00
status_is 1 "a credit for a debit-only reason: exit 1"
err_is "acct-adjust: reason 'RCK' is for debits only: the amount must be above zero" "a credit for a debit-only reason: says so"
unchanged "a credit for a debit-only reason: the store is unchanged"

# usage
run acct-adjust --reason MR 1002 0
status_is 2 "a zero amount: exit 2"
err_is "acct-adjust: amount '0': zero is not an amount
Try 'acct-adjust --help'." "a zero amount: says so"
run acct-adjust --reason MR 1002 12.345
status_is 2 "three decimals: exit 2"
err_is "acct-adjust: amount '12.345': more than two decimals
Try 'acct-adjust --help'." "three decimals: says so"
run acct-adjust --reason MR 1002 '$5'
status_is 2 "a currency sign: exit 2"
run acct-adjust 1002 -10.00
status_is 2 "no --reason: exit 2"
err_is "acct-adjust: no --reason: every adjustment needs a reason code (see 'acct-db reasons')
Try 'acct-adjust --help'." "no --reason: says so"
run acct-adjust --reason MR 1002
status_is 2 "no AMOUNT: exit 2"
err_has "an adjustment needs ACCOUNT and AMOUNT" "no AMOUNT: says so"
run acct-adjust --reason MR 1002 -10.00 --memo x
status_is 2 "an option after the operands: exit 2"
err_has "'--memo': too many operands (options go before ACCOUNT AMOUNT)" "an option after the operands: says where options go"
run acct-adjust --reason "" 1002 -10.00
status_is 2 "an empty --reason: exit 2"
run acct-adjust --memo "$(printf 'a\001b')" --reason MR 1002 -10.00
status_is 2 "a memo with a control character: exit 2"
err_has "option --memo: control characters are not allowed" "a memo with a control character: says so"
run acct-adjust --reverse 14 --reason MR
status_is 2 "--reverse with --reason: exit 2"
err_has "--reverse keeps the reason of the entry it reverses" "--reverse with --reason: says why"
run acct-adjust --reverse 14 1002
status_is 2 "--reverse with an operand: exit 2"
run acct-adjust --reverse x
status_is 2 "--reverse of no number: exit 2"
err_has "option --reverse: 'x': not an entry number" "--reverse of no number: says so"
run acct-adjust --batch --reverse 14
status_is 2 "--batch with --reverse: exit 2"
run acct-adjust --source x --reason MR 1002 -1
status_is 2 "--source without --batch: exit 2"
err_has "--source is for --batch" "--source without --batch: says so"
run acct-adjust --batch --reason MR "$T/x.csv"
status_is 2 "--batch with --reason: exit 2"
err_has "--reason and --memo are columns of a batch" "--batch with --reason: says so"
run acct-adjust --format json --reason MR 1002 -1
status_is 2 "a bad --format: exit 2"
run acct-adjust --date 2026-02-30 --reason MR 1002 -1
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"
run acct-adjust --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-adjust --help'." "a bad option: points to --help"
unchanged "usage errors: the store is unchanged"

# approval limits: adjust.clerk_limit 100.00 for a login not registered
run acct-adjust --reason MR 1002 -100.01
status_is 1 "over the default limit: exit 1"
err_is "acct-adjust: account 1002: 100.01 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by)" "over the default limit: says so"
unchanged "over the default limit: the store is unchanged"

run acct-adjust --reason MR 1002 -100.00
status_is 0 "at the limit: posted"
is "1002|2026-11-27|adjustment|-10000|acct-adjust|adjust-5-1||MR||" "$(entry 17)" "at the limit: no approver recorded"

run acct-adjust --approved-by zz-unknown --reason MR 1002 -150.00
status_is 1 "approved by an unregistered login: exit 1"
err_is "acct-adjust: account 1002: 150.00 is over $me's limit of 100.00, and zz-unknown is not a supervisor" "approved by an unregistered login: not a supervisor"
acct-db clerks add pat --name "Pat Post" --role clerk 2>/dev/null
store_dump > "$T/before"
run acct-adjust --approved-by pat --reason MR 1002 -150.00
status_is 1 "approved by a clerk: exit 1"
err_is "acct-adjust: account 1002: 150.00 is over $me's limit of 100.00, and pat is not a supervisor" "approved by a clerk: not a supervisor"
unchanged "approved by a clerk: the store is unchanged"
run acct-adjust --approved-by "$me" --reason MR 1002 -150.00
status_is 1 "approved by oneself: exit 1"
err_is "acct-adjust: account 1002: 150.00 is over $me's limit of 100.00, and no one approves their own adjustment" "approved by oneself: refused"
unchanged "approved by oneself: the store is unchanged"

acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null
run acct-adjust --approved-by boss --reason MR 1002 -150.00
status_is 0 "approved by a supervisor: exit 0"
out_is "$header
18,1002,-150.00,MR,5.00" "approved by a supervisor: posted"
is "1002|2026-11-27|adjustment|-15000|acct-adjust|adjust-6-1||MR||boss" "$(entry 18)" "approved by a supervisor: the approver recorded"
is "adjusted account 1002 by -150.00, reason MR, entry 18, approved by boss" "$(last_audit)" "approved by a supervisor: audited with the approver"

run acct-adjust --approved-by boss --reason MR 1002 -5.00
status_is 0 "an approval not needed: exit 0"
is "" "$(sql "SELECT COALESCE(approved_by, '') FROM entries WHERE id = 19")" "an approval not needed: no approver recorded"

acct-db clerks add "$me" --limit 500 2>/dev/null
run acct-adjust --reason RCK 1002 450.00
status_is 0 "within the clerk's own limit: exit 0"
store_dump > "$T/before"
run acct-adjust --reason RCK 1002 500.01
status_is 1 "over the clerk's own limit: exit 1"
err_is "acct-adjust: account 1002: 500.01 is over $me's limit of 500.00: a supervisor must post it or approve it (--approved-by)" "over the clerk's own limit: that limit said"
unchanged "over the clerk's own limit: the store is unchanged"

acct-db clerks add "$me" --role supervisor 2>/dev/null
run acct-adjust --reason RCK 1002 1000.00
status_is 0 "a supervisor has no limit: exit 0"
is "" "$(sql "SELECT COALESCE(approved_by, '') FROM entries WHERE id = 21")" "a supervisor: no approver recorded"
acct-db clerks add "$me" --role clerk --limit default 2>/dev/null
# 1002 now owes 1450.00

# reversals
run acct-adjust --reverse 14 --memo "read was right after all"
status_is 0 "a reversal: exit 0"
out_is "$header
22,1002,45.00,MR,1495.00" "a reversal: the opposite amount, the same reason"
err_empty "a reversal: nothing on stderr"
is "1002|2026-11-27|adjustment|4500|reversal|reverses-14|read was right after all|MR|14|" "$(entry 22)" "a reversal: names the entry it reverses"
is "reversed entry 14 (account 1002, adjustment -45.00) with entry 22" "$(last_audit)" "a reversal: audited"

store_dump > "$T/before"
run acct-adjust --reverse 14
status_is 1 "an entry reversed already: exit 1"
err_is "acct-adjust: entry 14: entry 22 reversed it already" "an entry reversed already: says by which"
unchanged "an entry reversed already: the store is unchanged"

run acct-adjust --reverse 22
status_is 1 "a reversal of a reversal: exit 1"
err_is "acct-adjust: entry 22: it is itself the reversal of entry 14: post a new entry instead" "a reversal of a reversal: says so"
unchanged "a reversal of a reversal: the store is unchanged"

run acct-adjust --reverse 999
status_is 1 "an unknown entry: exit 1"
err_is "acct-adjust: entry 999: no such entry" "an unknown entry: says so"
unchanged "an unknown entry: the store is unchanged"

run acct-adjust --reverse 13
status_is 1 "a reversal over the limit: exit 1"
err_is "acct-adjust: entry 13: 120.00 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by)" "a reversal over the limit: refused"
unchanged "a reversal over the limit: the store is unchanged"

run acct-adjust -n --reverse 6
status_is 0 "-n --reverse: exit 0"
err_is "acct-adjust: dry run: nothing was posted" "-n --reverse: says it is a dry run"
unchanged "-n --reverse: the store is unchanged"

run acct-adjust --reverse 6
status_is 0 "a returned payment: exit 0"
out_is "$header
23,1002,100.00,,1595.00" "a returned payment: the payment's amount owed again"
is "1002|2026-11-27|payment|10000|reversal|reverses-6|||6|" "$(entry 23)" "a returned payment: a payment, its exact opposite"

run acct-adjust --approved-by boss --reverse 13
status_is 0 "a charge reversed with approval: exit 0"
out_is "$header
24,1004,-120.00,,0.00" "a charge reversed with approval: a credit"
is "1004|2026-11-27|charge|-12000|reversal|reverses-13|||13|boss" "$(entry 24)" "a charge reversed with approval: the approver recorded"
is "reversed entry 13 (account 1004, charge 120.00) with entry 24, approved by boss" "$(last_audit)" "a charge reversed with approval: audited"

# batches
printf 'account,amount,reason,memo,ref\n1002,-20.00,MR,first,A1\n1003,15.00,RCK,,A2\n1002,-5.00,GW,"sorry, again",A3\n' > "$T/adj.csv"
run acct-adjust --batch "$T/adj.csv"
status_is 0 "a batch: exit 0"
out_is "$header
25,1002,-20.00,MR,1575.00
26,1003,15.00,RCK,65.00
27,1002,-5.00,GW,1570.00" "a batch: each entry with the balance after it"
err_is "acct-adjust: posted 3, already posted 0" "a batch: the summary line"
is "1002|2026-11-27|adjustment|-500|acct-adjust|A3|sorry, again|GW||" "$(entry 27)" "a batch: source acct-adjust, the file's ref and memo"
is "adjustments from $T/adj.csv: posted 3 (net -10.00), already posted 0" "$(last_audit)" "a batch: one audit line"

run acct-adjust --batch "$T/adj.csv"
status_is 0 "the same batch again: exit 0"
out_is "$header" "the same batch again: nothing posted"
err_is "acct-adjust: posted 0, already posted 3" "the same batch again: all already posted"
is 27 "$(sql "SELECT count(*) FROM entries")" "the same batch again: no new entry"

store_dump > "$T/before"

printf 'account,amount,reason,ref\n1003,-1.00,OTH,B1\n' > "$T/one.csv"
run acct-adjust -n --batch --source phone < "$T/one.csv"
status_is 0 "-n --batch from stdin: exit 0"
err_is "acct-adjust: dry run: would post 1, already posted 0" "-n --batch: says what it would post"
unchanged "-n --batch: the store is unchanged"

run acct-adjust --batch --source phone "$T/one.csv" "$T/adj.csv"
status_is 0 "two files, --source: exit 0"
err_is "acct-adjust: posted 4, already posted 0" "two files, --source: all posted under the new source"
is "phone" "$(sql "SELECT source FROM entries WHERE ref = 'B1'")" "--source: the entries' source"

# bad rows: exit 65, file:line: column, nothing posted (not even the good rows)
bad_row() {	# ROW MESSAGE DESC
	printf 'account,amount,reason,memo,ref\n1003,-1.00,OTH,,C1\n%s\n' "$1" > "$T/bad.csv"
	store_dump > "$T/before"
	run acct-adjust --batch "$T/bad.csv"
	status_is 65 "$3: exit 65"
	err_is "acct-adjust: $T/bad.csv:3: $2" "$3: file, line, column, why"
	unchanged "$3: nothing posted"
}
bad_row '1003,12.345,OTH,,C2' "column 'amount': '12.345': more than two decimals" "an amount with three decimals"
bad_row '1003,0.00,OTH,,C2' "column 'amount': '0.00': zero is not an amount" "a zero amount"
bad_row '9999,-1.00,OTH,,C2' "column 'account': '9999': no such account" "an unknown account"
bad_row '1001,-1.00,OTH,,C2' "column 'account': '1001': the account is closed" "a closed account"
bad_row '1003,-1.00,,,C2' "column 'reason': empty: every adjustment needs a reason code" "no reason"
bad_row '1003,-1.00,XYZ,,C2' "column 'reason': 'XYZ': no such reason (see 'acct-db reasons')" "an unknown reason"
bad_row '1003,1.00,LFW,,C2' "column 'reason': 'LFW' is for credits only: the amount must be below zero" "the wrong direction"
bad_row '1003,-1.00,OTH,,' "column 'ref': empty: every row needs a reference, so that posting a file twice is safe" "no ref"
bad_row '1003,-2.00,MR,,A1' "column 'ref': 'A1' of source 'acct-adjust' was posted before as entry 25 (account 1002, 2026-11-27, adjustment -20.00) with other values" "a ref posted before with other values"
bad_row '1003,-1.00,OTH' "3 fields, the header has 5" "a short row"

printf 'account,amount,memo,ref\n1003,-1.00,x,D1\n' > "$T/cols.csv"
run acct-adjust --batch "$T/cols.csv"
status_is 65 "no reason column: exit 65"
err_is "acct-adjust: $T/cols.csv:1: the columns account, amount, reason and ref are required" "no reason column: says which are required"

run acct-adjust --batch "$T/none.csv"
status_is 1 "a missing file: exit 1"
err_is "acct-adjust: $T/none.csv: No such file or directory" "a missing file: named"
unchanged "a missing file: the store is unchanged"

# approval in a batch: a refusal is exit 1, naming the line
printf 'account,amount,reason,ref\n1003,-1.00,OTH,E1\n1002,-150.00,MR,E2\n' > "$T/big.csv"
run acct-adjust --batch "$T/big.csv"
status_is 1 "a batch row over the limit: exit 1"
err_is "acct-adjust: $T/big.csv:3: 150.00 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by)" "a batch row over the limit: the line named"
unchanged "a batch row over the limit: nothing posted"

run acct-adjust --batch --approved-by boss "$T/big.csv"
status_is 0 "a batch approved by a supervisor: exit 0"
is "|boss" "$(sql "SELECT COALESCE(approved_by, '') FROM entries WHERE ref IN ('E1', 'E2') ORDER BY ref" | tr '\n' '|' | sed 's/|$//')" "a batch: the approver recorded only where needed"
is "adjustments from $T/big.csv: posted 2 (net -151.00), already posted 0, approved by boss" "$(last_audit)" "a batch approved: audited with the approver"

run acct-adjust --batch "$T/big.csv"
status_is 0 "a batch posted before needs no approval again: exit 0"
err_is "acct-adjust: posted 0, already posted 2" "a batch posted before: all already posted"

run acct-db check
status_is 0 "the store checks: balances are the sums of the entries"

# help
run acct-adjust --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-adjust" "--help: usage on stdout"
err_empty "--help: nothing on stderr"
run acct-adjust --version
out_has "acct-adjust (acctkit) " "--version names the program and the package"
run acct-adjust -d "$T/none.db" --reason MR 1002 -1
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

done_testing
