#!/bin/sh
# acct-adjust: adjustments with a reason, the approval limits, reversals,
# batches; each refusal with its message and exit status, the store unchanged.
. "$top_srcdir/tests/cli/lib.sh"
make_store
me=$(id -un)

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
err_is "acct-adjust: account 1002: 100.01 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by); or hold it for their --approve (--hold)" "over the default limit: says so"
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
err_is "acct-adjust: account 1002: 500.01 is over $me's limit of 500.00: a supervisor must post it or approve it (--approved-by); or hold it for their --approve (--hold)" "over the clerk's own limit: that limit said"
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

# --- held for approval: --hold, --held, --approve, --reject -------------
# A store of its own, in a directory another user may reach (for the
# approvals under another login below).
mkdir "$T/held"
ACCTKIT_DB=$T/held/store.db
make_store
held_row() {
	sql "SELECT number, account, amount, reason, memo, posted_on,
		requested_by, status, COALESCE(decided_by, ''), note,
		COALESCE(entry, '') FROM held WHERE number = '$1'"
}
count() { sql "SELECT count(*) FROM $1"; }
held_header=number,account,amount,reason,requested_by,requested_at,posted_on

store_dump > "$T/before"
run acct-adjust -n --hold --reason MR 1002 -250.00
status_is 0 "-n --hold over the limit: exit 0"
err_is "acct-adjust: dry run: would have held H2026-000001: 250.00 on 1002 is over $me's limit of 100.00; a supervisor approves it with acct-adjust --approve H2026-000001" \
	"-n --hold: says what it would hold"
unchanged "-n --hold: the store is unchanged"

run acct-adjust --hold --reason MR --memo "meter misread" 1002 -250.00
status_is 0 "--hold over the limit: exit 0"
out_has "$held_header
H2026-000001,1002,-250.00,MR,$me," "--hold: the held adjustment, numbered"
err_is "acct-adjust: held H2026-000001: 250.00 on 1002 is over $me's limit of 100.00; a supervisor approves it with acct-adjust --approve H2026-000001" \
	"--hold: says it is held and how it is approved"
is "H2026-000001|1002|-25000|MR|meter misread|2026-11-27|$me|pending|||" \
	"$(held_row H2026-000001)" "--hold: the held row, pending"
is 13 "$(count entries)" "--hold: nothing in the ledger"
is 30000 "$(sql "SELECT balance FROM accounts WHERE number = '1002'")" "--hold: the balance unchanged"
is "held H2026-000001: adjustment of account 1002 by -250.00, reason MR, over $me's limit of 100.00|H2026-000001|" \
	"$(sql "SELECT what, document, COALESCE(batch, '') FROM audit ORDER BY id DESC LIMIT 1")" \
	"--hold: audited, the line naming the held number"

run acct-adjust --held
status_is 0 "--held: exit 0"
is "$held_header
H2026-000001,1002,-250.00,MR,$me,$(sql "SELECT requested_at FROM held"),2026-11-27" \
	"$(cat "$T/out")" "--held: the pending adjustment"
err_empty "--held: nothing on stderr"

run acct-adjust --hold --reason MR 1002 -20.00
status_is 0 "--hold within the limit: exit 0"
out_is "$header
14,1002,-20.00,MR,280.00" "--hold within the limit: posted as usual"
err_empty "--hold within the limit: nothing held, nothing said"
is 1 "$(count held)" "--hold within the limit: no held row"

store_dump > "$T/before"
run acct-adjust --approve H2026-000001
status_is 1 "approved by the requester, a clerk: exit 1"
err_is "acct-adjust: held H2026-000001: $me is not a supervisor; no one approves their own adjustment" \
	"approved by the requester, a clerk: every reason"
unchanged "approved by the requester: nothing posted"
run acct-adjust --reject H2026-000001 --reason "no"
status_is 1 "rejected by a clerk: exit 1"
err_is "acct-adjust: held H2026-000001: only a supervisor rejects a held adjustment ($me is not one)" \
	"rejected by a clerk: says who may"
unchanged "rejected by a clerk: nothing changed"
acct-db clerks add "$me" --role supervisor 2>/dev/null
store_dump > "$T/before"
run acct-adjust --approve H2026-000001
status_is 1 "approved by the requester, now a supervisor: exit 1"
err_is "acct-adjust: held H2026-000001: no one approves their own adjustment" \
	"approved by the requester, now a supervisor: refused"
unchanged "approved by the requester, now a supervisor: nothing posted"
run acct-adjust --approve H2026-999999
status_is 1 "an unknown number: exit 1"
err_is "acct-adjust: held H2026-999999: no such held adjustment (see acct-adjust --held)" \
	"an unknown number: says so"
unchanged "an unknown number: nothing posted"
acct-db clerks add "$me" --role clerk 2>/dev/null

# usage
store_dump > "$T/before"
usage_is() {	# MESSAGE DESC ARG...
	msg=$1 desc=$2; shift 2
	run acct-adjust "$@"
	status_is 2 "$desc: exit 2"
	err_has "$msg" "$desc: says why"
}
usage_is "--hold and --approved-by do not go together" "--hold with --approved-by" \
	--hold --approved-by boss --reason MR 1002 -250.00
usage_is "--hold is for one adjustment: not with --reverse" "--hold with --reverse" \
	--hold --reverse 3
usage_is "--hold is for one adjustment: not with --batch" "--hold with --batch" \
	--hold --batch "$T/adj.csv"
usage_is "option --approve: 'X1': not a held adjustment's number (H2026-000123)" \
	"--approve of no number" --approve X1
usage_is "--approve takes no operands" "--approve with operands" \
	--approve H2026-000001 1002
usage_is "--approve posts the held adjustment's own reason: no --reason" \
	"--approve with --reason" --approve H2026-000001 --reason MR
usage_is "--approve takes only -n, -d and --format" "--approve with --memo" \
	--approve H2026-000001 --memo x
usage_is "--reject needs --reason TEXT: why it is rejected" "--reject without --reason" \
	--reject H2026-000001
usage_is "--approve, --reject and --held do not go together" "--approve with --reject" \
	--approve H2026-000001 --reject H2026-000001 --reason x
usage_is "--held takes no operands" "--held with an operand" --held 1002
unchanged "held usage errors: the store is unchanged"

# the store's triggers: what was asked for stays as asked; never deleted
run sql "UPDATE held SET amount = -1 WHERE number = 'H2026-000001'"
err_has "a held adjustment changes only to be approved or rejected, once" "a trigger refuses an UPDATE of the amount"
run sql "UPDATE held SET status = 'approved' WHERE number = 'H2026-000001'"
err_has "a held adjustment changes only to be approved or rejected, once" "a trigger refuses an approval without who decided"
run sql "DELETE FROM held"
err_has "held adjustments are never deleted" "a trigger refuses a DELETE"
unchanged "the triggers: the store is unchanged"

# acct-db check: a held row without its audit line
acct-db backup "$T/noaudit.db" 2>/dev/null
"$SQLITE3" "$T/noaudit.db" "INSERT INTO held (number, year, seq, account,
	amount, reason, posted_on, requested_by, requested_at)
	VALUES ('H2026-000099', 2026, 99, '1002', -100000, 'MR', '2026-11-27',
	'mallory', '2026-11-27T12:00:00Z')"
run acct-db -d "$T/noaudit.db" check
status_is 1 "a held row without an audit line: acct-db check fails"
out_is "audit: held adjustment H2026-000099 has no audit line" "a held row without an audit line: named"

# adjust.countersign: a name given with --approved-by is refused
acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null
acct-db policy adjust.countersign yes 2>/dev/null
store_dump > "$T/before"
run acct-adjust --approved-by boss --reason MR 1003 -150.00
status_is 1 "countersigned: --approved-by refused: exit 1"
err_is "acct-adjust: approvals are countersigned: hold it with --hold; a supervisor approves it with acct-adjust --approve" \
	"countersigned: --approved-by refused: says what to do"
unchanged "countersigned: --approved-by refused: nothing posted"
run acct-adjust --approved-by boss --reason MR 1003 -5.00
status_is 1 "countersigned: --approved-by refused even within the limit"
run acct-adjust --hold --reason MR 1003 -150.00
status_is 0 "countersigned: --hold still holds"
is "H2026-000002|1003|-15000|MR||2026-11-27|$me|pending|||" "$(held_row H2026-000002)" \
	"countersigned: the held row"

# Approvals under another login: the login is the uid's, so another user
# (nobody) runs them; root only, skipped otherwise as in security.t.
other=$(getent passwd 65534 | cut -d: -f1)
as_other() {
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		env PATH="$PATH" ACCTKIT_DB="$ACCTKIT_DB" "$@"
}
other_tests=27
if [ "$(id -u)" -eq 0 ] && [ -n "$other" ] && command -v setpriv >/dev/null &&
	chgrp -R 65534 "$T/held" && chmod 2770 "$T/held" &&
	chmod g+rw "$T/held"/* && chmod 711 "$T" &&
	as_other acct-adjust --held >/dev/null 2>&1; then
	first=$tests_run
	store_dump > "$T/before"
	run as_other acct-adjust --approve H2026-000001
	status_is 1 "approved by another clerk: exit 1"
	err_is "acct-adjust: held H2026-000001: $other is not a supervisor" \
		"approved by another clerk: not a supervisor"
	unchanged "approved by another clerk: nothing posted"
	# a supervisor's own limit binds nothing: 250.00 over it is approved,
	# as the supervisor could post it alone
	acct-db clerks add "$other" --role supervisor --limit 200 2>/dev/null
	run as_other acct-adjust --approve H2026-000001
	status_is 0 "approved by a supervisor: exit 0"
	out_is "$header
15,1002,-250.00,MR,30.00" "approved by a supervisor: the entry posted, the balance after it"
	err_empty "approved by a supervisor: nothing on stderr"
	is "1002|2026-11-27|adjustment|-25000|acct-adjust|adjust-3-1|meter misread|MR||$other" \
		"$(entry 15)" "approved: posted as acct-adjust posts, approved_by the approver"
	is 1 "$(sql "SELECT count(*) FROM entries WHERE approved_by = '$other'")" "approved: posted once"
	is "H2026-000001|1002|-25000|MR|meter misread|2026-11-27|$me|approved|$other||15" \
		"$(held_row H2026-000001)" "approved: the held row approved, with its entry"
	is "$other|3|H2026-000001|approved held H2026-000001 (requested by $me): adjusted account 1002 by -250.00, reason MR, entry 15, approved by $other" \
		"$(sql "SELECT login, batch, document, what FROM audit ORDER BY id DESC LIMIT 1")" \
		"approved: one audit line naming the batch and the held number"
	is "$other" "$(sql "SELECT b.login FROM entries e JOIN batches b ON b.id = e.batch WHERE e.id = 15")" \
		"approved: the batch is the approver's"
	store_dump > "$T/before"
	run as_other acct-adjust --approve H2026-000001
	status_is 1 "approved twice: exit 1"
	err_has "acct-adjust: held H2026-000001: approved already by $other at " "approved twice: says by whom"
	unchanged "approved twice: nothing posted"

	run as_other acct-adjust --reject H2026-000002 --reason "call the customer first"
	status_is 0 "rejected by a supervisor: exit 0"
	out_has "H2026-000002,1003,-150.00,MR,$me," "rejected: the held adjustment shown"
	is "H2026-000002|1003|-15000|MR||2026-11-27|$me|rejected|$other|call the customer first|" \
		"$(held_row H2026-000002)" "rejected: the held row rejected, with the note"
	is 15 "$(count entries)" "rejected: nothing posted"
	is "H2026-000002" "$(sql "SELECT document FROM audit ORDER BY id DESC LIMIT 1")" "rejected: audited"
	store_dump > "$T/before"
	run as_other acct-adjust --approve H2026-000002
	status_is 1 "approved after it was rejected: exit 1"
	err_has "acct-adjust: held H2026-000002: rejected already by $other at " "approved after it was rejected: says so"
	unchanged "approved after it was rejected: nothing posted"
	run as_other acct-adjust --held
	out_is "$held_header" "--held: nothing pending any more"

	# the account must still take adjustments when it is approved
	acct-adjust --hold --reason MR 1004 -150.00 >/dev/null 2>&1
	acct-edit --status closed 1004 >/dev/null 2>&1
	store_dump > "$T/before"
	run as_other acct-adjust --approve H2026-000003
	status_is 1 "approval to a closed account: exit 1"
	err_is "acct-adjust: held H2026-000003: account '1004': the account is closed" \
		"approval to a closed account: says so"
	unchanged "approval to a closed account: nothing posted"
	run acct-db check
	status_is 0 "approvals: the store checks clean, every write audited"
	if [ $((tests_run - first)) -eq "$other_tests" ]; then
		pass "the other login's tests: all counted"
	else
		fail "the other login's tests: $((tests_run - first)) run, other_tests says $other_tests"
	fi
	chmod 700 "$T"
else
	n=0
	while [ "$n" -le "$other_tests" ]; do
		echo "ok $((tests_run + 1)) # SKIP cannot run as another login (not root, no setpriv, or the programs out of its reach, as under check-valgrind)"
		tests_run=$((tests_run + 1)); n=$((n + 1))
	done
fi
ACCTKIT_DB=$T/store.db

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
