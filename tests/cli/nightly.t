#!/bin/sh
# nightly: the example batch script (data/examples/nightly) run on the
# fixture office: every step in order and what it leaves (the backup, the
# billing export and the lockbox file posted with their receipts, the
# supervisor's mail); a second run posting nothing and keeping the day's
# backup; a missing input file and a failing step stopping the batch with
# its status before anything is judged; another run holding the lock (75).
# mail(1) is a stand-in that appends to a file.
. "$top_srcdir/tests/cli/lib.sh"
make_store
nightly=$top_srcdir/data/examples/nightly
count() { sql "SELECT count(*) FROM $1"; }

mkdir "$T/in" "$T/bin"
cat > "$T/bin/mail" <<'EOF'
#!/bin/sh
# mail -s SUBJECT TO, the message on standard input: appended to $MAILBOX
{ echo "To: $3"; echo "Subject: $2"; cat; echo; } >> "$MAILBOX"
EOF
chmod +x "$T/bin/mail"
MAILBOX=$T/mailbox
ACCTKIT_IN=$T/in ACCTKIT_OUT=$T/outbox ACCTKIT_BACKUPS=$T/backup
ACCTKIT_LOCK=$T/batch.lock ACCTKIT_SUPERVISOR=sup
export MAILBOX ACCTKIT_IN ACCTKIT_OUT ACCTKIT_BACKUPS ACCTKIT_LOCK \
	ACCTKIT_SUPERVISOR
unset ACCTKIT_LOCK_WAIT ACCTKIT_NIGHTLY_LOCKED
PATH=$T/bin:$PATH

cat > "$T/in/billing.csv" <<'EOF'
account,posted_on,kind,amount,ref,memo,source
1001,2026-11-26,charge,41.10,BN2611-1001,November bill,billing
1002,2026-11-26,charge,63.25,BN2611-1002,November bill,billing
1003,2026-11-26,charge,18.00,BN2611-1003,November bill,billing
EOF
cat > "$T/in/lockbox.csv" <<'EOF'
account,amount,paid_on,ref,tender,check_no
1001,41.10,2026-11-26,LB-1126-1,check,301
1003,18.00,2026-11-26,LB-1126-2,check,302
EOF
# an adjustment over the clerk's limit, held for the supervisor
acct-adjust --hold --reason MR 1002 -150.00 >/dev/null 2>&1 ||
	echo "Bail out! cannot hold an adjustment"

# --- the first run: every step --------------------------------------------
entries=$(count entries)
run sh "$nightly"
status_is 0 "a night: exit 0"
is 3 "$(sql "SELECT count(*) FROM entries WHERE source = 'billing' AND ref LIKE 'BN2611-%'")" \
	"a night: the billing export posted"
is "2|5910" "$(sql "SELECT count(*), -sum(e.amount) FROM entries e JOIN receipts r ON r.entry = e.id WHERE e.source = 'lockbox' AND e.ref LIKE 'LB-1126-%'")" \
	"a night: the lockbox file posted, a receipt each"
is 5 "$(($(count entries) - entries))" "a night: those five entries, nothing else"
is 2 "$(ls "$T/outbox/receipts" | wc -l)" "a night: a receipt file each in out/receipts"
if [ -s "$T/backup/acctkit-2026-11-27.db" ]; then pass "a night: the day's backup"; else
	fail "a night: the day's backup"; fi
is 0 "$("$SQLITE3" "$T/backup/acctkit-2026-11-27.db" "SELECT count(*) FROM entries WHERE ref LIKE 'BN2611-%'")" \
	"a night: the backup is the store before the night's posting"
err_has "ledger-post: posted 3, already posted 0" "a night: ledger-post's summary"
err_has "pay-post: posted 2, already posted 0" "a night: pay-post's summary"
# the steps in order: the programs as they first speak on stderr, and the
# CSV of those that print records (plan-check, shutoff-sched, restore-sched)
is "acct-db ledger-post pay-post plan-check shutoff-notice shutoff-sched" \
	"$(sed -n 's/^\([a-z-]*\): .*/\1/p' "$T/err" | awk '!seen[$0]++' | tr '\n' ' ' | sed 's/ $//')" \
	"a night: the steps said their words in order"
is "plan,account,seq,due_on,amount,paid,was,now
order,account,scheduled_for,arrears,service_address
order,account,scheduled_for,reason,service_address" \
	"$(grep -E '^(plan|order),' "$T/out")" "a night: plan-check, shutoff-sched and restore-sched ran, in that order"
if grep -q "failed" "$T/err"; then fail "a night: no step failed"; sed 's/^/# /' "$T/err"
else pass "a night: no step failed"; fi
has "$MAILBOX" "To: sup
Subject: acctkit: adjustments held for approval, 2026-11-27
number,account,amount,reason," "a night: the held adjustments mailed to the supervisor"
has "$MAILBOX" "H2026-000001,1002,-150.00,MR," "a night: the held one listed"
if grep -q "overdue cases" "$MAILBOX"; then fail "a night: no overdue cases, no mail of them"
else pass "a night: no overdue cases, no mail of them"; fi

# --- again: nothing posted twice, the day's backup kept -------------------
entries=$(count entries) receipts=$(count receipts)
backup_id=$(stat -c %i:%Y "$T/backup/acctkit-2026-11-27.db")
: > "$MAILBOX"
run sh "$nightly"
status_is 0 "a second run: exit 0"
is "$entries|$receipts" "$(count entries)|$(count receipts)" "a second run: nothing posted, no receipt"
err_has "ledger-post: posted 0, already posted 3" "a second run: ledger-post counts the rows posted already"
err_has "pay-post: posted 0, already posted 2" "a second run: so does pay-post"
is "$backup_id" "$(stat -c %i:%Y "$T/backup/acctkit-2026-11-27.db")" \
	"a second run: the day's first backup kept"

# --- a missing input file: stops before anything is judged ----------------
mv "$T/in/lockbox.csv" "$T/lockbox.csv"
run sh "$nightly"
status_is 1 "no lockbox file: exit 1"
err_has "nightly: $T/in/lockbox.csv: not there: post it, then run the batch again" \
	"no lockbox file: says so"
if grep -q "plan-check\|shutoff-notice\|shutoff-sched" "$T/err"; then
	fail "no lockbox file: nothing judged after it"; sed 's/^/# /' "$T/err"
else pass "no lockbox file: nothing judged after it"; fi
mv "$T/lockbox.csv" "$T/in/lockbox.csv"

# --- a step that fails: its status, the rest not run ----------------------
cp "$T/in/billing.csv" "$T/billing.csv"
printf '1004,2026-11-26,charge,12.345,BN2611-1004,bad,billing\n' >> "$T/in/billing.csv"
printf '1002,5.00,2026-11-26,LB-1126-3,cash,\n' >> "$T/in/lockbox.csv"
receipts=$(count receipts)
run sh "$nightly"
status_is 65 "a bad billing file: ledger-post's exit 65"
err_has "nightly: ledger-post failed (exit 65): the steps after it were not run" \
	"a bad billing file: says which step failed"
is "$receipts" "$(count receipts)" "a bad billing file: the lockbox file not posted after it"
cp "$T/billing.csv" "$T/in/billing.csv"

# --- another run holding the lock: 75 after ACCTKIT_LOCK_WAIT --------------
: > "$T/holding"
flock "$ACCTKIT_LOCK" sh -c ": > '$T/locked'; while [ -e '$T/holding' ]; do sleep 0.1; done" &
holder=$!
i=0
while [ ! -e "$T/locked" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
receipts=$(count receipts)
run env ACCTKIT_LOCK_WAIT=1 sh "$nightly"
status_is 75 "the lock held by another run: exit 75"
err_is "nightly: $ACCTKIT_LOCK: another run still holds it after 1s" \
	"the lock held by another run: says so"
is "$receipts" "$(count receipts)" "the lock held by another run: nothing posted"
rm -f "$T/holding"
wait "$holder"

# and once it is free, the batch completes what was left
run sh "$nightly"
status_is 0 "the lock free again: exit 0"
is 1 "$(sql "SELECT count(*) FROM entries WHERE ref = 'LB-1126-3'")" \
	"the lock free again: the rest of the lockbox file posted"
run acct-db check
status_is 0 "after every night, acct-db check passes"

done_testing
