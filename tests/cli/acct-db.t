#!/bin/sh
# acct-db: init, policy, holidays, reasons, check, the append-only ledger,
# backup, restore, migrate, store versions, usage.
. "$top_srcdir/tests/cli/lib.sh"

nreasons=$(tail -n +2 "$top_srcdir/data/reasons.csv" | wc -l | tr -d ' ')

# init
version=$(ls "$top_srcdir"/common/schema/[0-9]*.sql | wc -l | tr -d ' ')
run acct-db init
status_is 0 "init: exit 0"
err_is "acct-db: made $ACCTKIT_DB (schema version $version, $nreasons reasons)" "init: says what it made, with the reasons loaded"
out_empty "init: nothing on stdout"
is 660 "$(stat -c %a "$ACCTKIT_DB")" "init: the store is mode 0660"
is "made the store, schema version $version, $nreasons reasons" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit")" "init: audited"
is "$nreasons" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT count(*) FROM reasons")" "init: the reasons are in the store"

store_dump > "$T/before"
run acct-db init
status_is 1 "a second init: exit 1"
err_is "acct-db: store '$ACCTKIT_DB': already exists" "a second init: the store is named"
unchanged "a second init: the store is unchanged"

run acct-db init extra
status_is 2 "init with an argument: exit 2"
err_is "acct-db: init takes no arguments
Try 'acct-db --help'." "init with an argument: says so"

run acct-db -n init
status_is 2 "init as a dry run: exit 2"
err_has "init cannot be a dry run" "init as a dry run: says so"
unchanged "refused inits: the store is unchanged"

run acct-db -d "$T/sub/new.db" init
status_is 0 "init in a directory yet to be made"
is 660 "$(stat -c %a "$T/sub/new.db")" "that store is mode 0660 too"

# policy
run acct-db policy
status_is 0 "policy: listed"
is "key,value,default,meaning,source" "$(head -n 1 "$T/out")" "policy: the header"
is "adjust.clerk_limit adjust.countersign bill.due_days case.sla_days.billing case.sla_days.other case.sla_days.service case.sla_days.shutoff cert.fee cert.valid_days dispute.hold_days fee.reconnect invest.routine_days invest.special_days medical.cert_days medical.max_renewals plan.down_max_months plan.down_max_pct plan.grace_days plan.max_installments restore.within_hours shutoff.blackout shutoff.cold_from shutoff.cold_to shutoff.contact_hours shutoff.days shutoff.min_arrears shutoff.no_eve_of_holiday shutoff.notice_after_due_days shutoff.notice_days shutoff.notice_valid_days shutoff.per_day" \
	"$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')" "policy: every key, by name"
out_has 'bill.due_days,20,20,a debit is due this many days after it is posted (drives aging),office practice' "policy: a key with its value, default, meaning and source"
out_has 'shutoff.days,"mon,tue,wed,thu","mon,tue,wed,thu",' "policy: a value with commas is quoted"
err_empty "policy: nothing on stderr"

run acct-db policy bill.due_days
status_is 0 "policy KEY: exit 0"
out_is 20 "policy KEY: the value alone"
err_empty "policy KEY: nothing on stderr"

run acct-db policy shutoff.days mon,tue
status_is 0 "policy KEY VALUE: set"
err_is "acct-db: shutoff.days: 'mon,tue,wed,thu' -> 'mon,tue'" "policy KEY VALUE: old and new value said"
out_empty "policy KEY VALUE: nothing on stdout"
run acct-db policy shutoff.days
out_is mon,tue "policy KEY VALUE: the new value is kept"
is "policy shutoff.days: 'mon,tue,wed,thu' -> 'mon,tue'" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "policy KEY VALUE: audited with old and new value"

store_dump > "$T/before"
run acct-db policy shutoff.days funday
status_is 2 "a bad weekday list: exit 2"
err_is "acct-db: policy shutoff.days 'funday': not a list of mon, tue, wed, thu, fri, sat, sun" "a bad weekday list: the value and why"
unchanged "a bad weekday list: the store is unchanged"

run acct-db policy bill.due_days abc
status_is 2 "a bad number of days: exit 2"
err_is "acct-db: policy bill.due_days 'abc': not a whole number" "a bad number of days: the value and why"
unchanged "a bad number of days: the store is unchanged"

run acct-db policy bill.due_days 3661
status_is 2 "too many days: exit 2"
err_is "acct-db: policy bill.due_days '3661': not between 0 and 3660" "too many days: the range said"
unchanged "too many days: the store is unchanged"

run acct-db -- policy fee.reconnect -1.00
status_is 2 "a negative amount: exit 2"
err_is "acct-db: policy fee.reconnect '-1.00': negative" "a negative amount: says so"
unchanged "a negative amount: the store is unchanged"

run acct-db policy fee.reconnect 1.234
status_is 2 "an amount with three decimals: exit 2"
err_is "acct-db: policy fee.reconnect '1.234': more than two decimals" "an amount with three decimals: says so"

run acct-db policy shutoff.blackout 12-22-01-04
status_is 2 "a bad date range: exit 2"
err_is "acct-db: policy shutoff.blackout '12-22-01-04': not MM-DD..MM-DD" "a bad date range: says so"

run acct-db policy shutoff.cold_from 13-01
status_is 2 "a month that does not exist: exit 2"
err_is "acct-db: policy shutoff.cold_from '13-01': no such day" "a month that does not exist: says so"

run acct-db policy shutoff.no_eve_of_holiday maybe
status_is 2 "not yes or no: exit 2"
err_is "acct-db: policy shutoff.no_eve_of_holiday 'maybe': not yes or no" "not yes or no: says so"
unchanged "bad policy values: the store is unchanged"

run acct-db policy no.such 3
status_is 2 "setting an unknown key: exit 2"
err_is "acct-db: policy key 'no.such': no such key" "setting an unknown key: named"
unchanged "setting an unknown key: the store is unchanged"

run acct-db policy no.such
status_is 2 "showing an unknown key: exit 2"
err_is "acct-db: policy key 'no.such': no such key" "showing an unknown key: named"

run acct-db policy bill.due_days 20 30
status_is 2 "policy with three arguments: exit 2"
err_has "policy takes at most KEY and VALUE" "policy with three arguments: says so"

run acct-db -n policy bill.due_days 30
status_is 0 "-n policy KEY VALUE: exit 0"
err_is "acct-db: dry run: nothing was changed
acct-db: would set bill.due_days: '20' -> '30'" "-n policy KEY VALUE: says what it would do"
unchanged "-n policy KEY VALUE: the store is unchanged"
run acct-db policy bill.due_days
out_is 20 "-n policy KEY VALUE: the old value stays"

# holidays
run acct-db holidays
status_is 0 "holidays of a new store: exit 0"
out_is 'day,name' "holidays of a new store: the header alone"

store_dump > "$T/before"
run acct-db -n holidays load "$top_srcdir/data/holidays/us-federal.csv"
status_is 0 "-n holidays load: exit 0"
err_is "acct-db: dry run: nothing was changed
acct-db: holidays: would have 44 added, 0 already there" "-n holidays load: says what it would do"
unchanged "-n holidays load: the store is unchanged"

run acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv"
status_is 0 "holidays load: exit 0"
err_is "acct-db: holidays: 44 added, 0 already there" "holidays load: counted"
out_empty "holidays load: nothing on stdout"
is "holidays loaded: 44 added, 0 already there" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "holidays load: audited"

run acct-db holidays
status_is 0 "holidays: listed"
if cmp -s "$top_srcdir/data/holidays/us-federal.csv" "$T/out"; then
	pass "holidays: the list is the file loaded, by day"
else
	fail "holidays: the list is the file loaded, by day"
	show_diff "$top_srcdir/data/holidays/us-federal.csv" "$T/out"
fi
err_empty "holidays: nothing on stderr"

run acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv"
status_is 0 "holidays loaded again: exit 0"
err_is "acct-db: holidays: 0 added, 44 already there" "holidays loaded again: all already there"

printf 'day,name\n2027-01-01,New Year'\''s Day\n2027-02-30,Not a Day\n' > "$T/bad-day.csv"
store_dump > "$T/before"
run acct-db holidays load "$T/bad-day.csv"
status_is 65 "a holiday on no such day: exit 65"
err_is "acct-db: $T/bad-day.csv:3: column 'day': '2027-02-30': no such day" "a holiday on no such day: file, line, column, value"
unchanged "a holiday on no such day: nothing loaded, not even the good row"

printf 'day,name\n2027-01-01,\n' > "$T/no-name.csv"
run acct-db holidays load "$T/no-name.csv"
status_is 65 "a holiday without a name: exit 65"
err_is "acct-db: $T/no-name.csv:2: column 'name': empty" "a holiday without a name: file, line, column"
unchanged "a holiday without a name: the store is unchanged"

printf 'date,name\n2027-01-01,x\n' > "$T/no-day.csv"
run acct-db holidays load "$T/no-day.csv"
status_is 65 "holidays without a day column: exit 65"
err_is "acct-db: $T/no-day.csv:1: the columns day and name are required" "holidays without a day column: says which"
unchanged "holidays without a day column: the store is unchanged"

run acct-db holidays load "$T/none.csv"
status_is 1 "holidays from a missing file: exit 1"
err_is "acct-db: $T/none.csv: No such file or directory" "holidays from a missing file: named"
unchanged "holidays from a missing file: the store is unchanged"

run acct-db holidays list
status_is 2 "holidays with an unknown word: exit 2"
err_has "holidays takes nothing, or load FILE" "holidays with an unknown word: says what it takes"

# reasons
run acct-db reasons
status_is 0 "reasons: listed"
is "code,direction,description,customer_text" "$(head -n 1 "$T/out")" "reasons: the header"
out_has 'RCK,debit,Returned check,"a payment by check was returned unpaid by your bank, so the payment no longer counts"' "reasons: a reason with its direction and customer text"
is "$nreasons" "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')" "reasons: every reason loaded"
err_empty "reasons: nothing on stderr"

printf 'code,description,customer_text\nbad code,x,y\n' > "$T/bad-reason.csv"
store_dump > "$T/before"
run acct-db reasons load "$T/bad-reason.csv"
status_is 65 "a bad reason code: exit 65"
err_is "acct-db: $T/bad-reason.csv:2: column 'code': 'bad code': 1 to 16 capital letters, digits, '-' or '_'" "a bad reason code: file, line, column"
unchanged "a bad reason code: the store is unchanged"

# check, and the append-only ledger
acct-import "$fixtures/accounts.csv" >/dev/null 2>&1 &&
ledger-post "$fixtures/ledger.csv" 2>/dev/null ||
	{ echo "Bail out! cannot load the fixtures"; exit 1; }

run acct-db check
status_is 0 "check of a good store: exit 0"
out_empty "check of a good store: no faults listed"
err_is "acct-db: integrity, foreign keys, balances and audit: no faults" "check of a good store: says so"

run acct-db check extra
status_is 2 "check with an argument: exit 2"

store_dump > "$T/before"
"$SQLITE3" "$ACCTKIT_DB" "UPDATE entries SET amount = 1 WHERE id = 1" 2>"$T/err"
is 19 "$?" "an entry cannot be updated (the trigger refuses)"
err_has "ledger entries are never changed: post a correcting entry" "the trigger says why"
"$SQLITE3" "$ACCTKIT_DB" "DELETE FROM entries WHERE id = 1" 2>"$T/err"
is 19 "$?" "an entry cannot be deleted (the trigger refuses)"
err_has "ledger entries are never deleted: post a reversal" "the trigger says why"
"$SQLITE3" "$ACCTKIT_DB" "DELETE FROM audit" 2>"$T/err"
is 19 "$?" "the audit trail cannot be deleted"
unchanged "the ledger and the audit trail are unchanged"

cp "$ACCTKIT_DB" "$T/orphan.db"
"$SQLITE3" "$T/orphan.db" "INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch) VALUES ('7777', '2026-11-01', 'charge', 100, 'x', 'y', 1)"
run acct-db -d "$T/orphan.db" check
status_is 1 "check finds an entry of no account: exit 1"
out_is "foreign key: entries row 14 refers to a missing accounts row" "check names the entry"
err_is "acct-db: 1 fault found" "check counts the faults"

"$SQLITE3" "$ACCTKIT_DB" "UPDATE accounts SET balance = balance + 1 WHERE number = '1002'"
run acct-db check
status_is 1 "check finds a balance that is not the sum of its entries: exit 1"
out_is "account 1002: balance 300.01, its entries sum to 300.00 (last posted '2026-11-01', entries' last '2026-11-01')" "check names the account and both sums"
err_is "acct-db: 1 fault found" "check counts the faults"
"$SQLITE3" "$ACCTKIT_DB" "UPDATE accounts SET balance = balance - 1 WHERE number = '1002'"

# backup
run acct-db backup "$T/copy.db"
status_is 0 "backup: exit 0"
err_is "acct-db: copied $ACCTKIT_DB to $T/copy.db" "backup: says where"
is 660 "$(stat -c %a "$T/copy.db")" "backup: the copy is mode 0660"
run acct-show -d "$T/copy.db" 1002
status_is 0 "backup: acct-show reads the copy"
out_has '1002,Bob Baker,2 Elm St,PO Box 2,555-0102,,residential,active,2019-06-01,yes,no,no,,300.00,300.00,67,' "backup: the copy holds the accounts and the ledger"
run acct-db -d "$T/copy.db" check
status_is 0 "backup: the copy passes check"

run acct-db backup "$T/copy.db"
status_is 1 "backup over an existing file: exit 1"
err_is "acct-db: backup '$T/copy.db': File exists" "backup over an existing file: refused"

run acct-db backup
status_is 2 "backup without a FILE: exit 2"
err_has "backup needs one FILE" "backup without a FILE: says so"

# restore
Tabs=$(cd "$T" && pwd -P)	# the audit line names the backup's real path
# post REF: a charge of 7.00 to 1002, reference REF, as a clerk posts it
post() {
	printf 'account,posted_on,kind,amount,ref,source\n1002,2026-11-20,charge,7.00,%s,t\n' \
		"$1" > "$T/change.csv"
	ledger-post "$T/change.csv" 2>/dev/null
}
# the store as the backup holds it, but its one line for the restore
restored_is_backup() {
	store_dump | grep -vF "'restored the store from $Tabs/copy.db " > "$T/after"
	"$SQLITE3" "$T/copy.db" .dump > "$T/backup.dump"
	if cmp -s "$T/backup.dump" "$T/after"; then pass "$1"; else
		fail "$1"; show_diff "$T/backup.dump" "$T/after"
	fi
}
restored="acct-db: restored $ACCTKIT_DB from $T/copy.db (schema version $version, 5 accounts, 13 entries); check: no faults"

post restore-1
is 1 "$(sql "SELECT count(*) FROM entries WHERE ref = 'restore-1'")" "restore: a posting made after the backup"
inode=$(stat -c %i "$ACCTKIT_DB")
run acct-db restore "$T/copy.db"
status_is 0 "restore: exit 0"
err_is "$restored" "restore: says what it restored and what the check found"
out_empty "restore: nothing on stdout"
is 0 "$(sql "SELECT count(*) FROM entries WHERE ref = 'restore-1'")" "restore: the posting made after the backup is gone"
is "restored the store from $Tabs/copy.db (schema version $version, 5 accounts, 13 entries)|acct-db|$(id -un)" \
	"$(sql "SELECT what || '|' || program || '|' || login FROM audit ORDER BY id DESC LIMIT 1")" \
	"restore: audited, naming the program, the backup and what it held"
restored_is_backup "restore: the store is the backup, and its audit line"
is "$inode" "$(stat -c %i "$ACCTKIT_DB")" "restore: the store's file is the same file, written through SQLite, not replaced"
is 660 "$(stat -c %a "$ACCTKIT_DB")" "restore: the store is still mode 0660"
run acct-db check
status_is 0 "restore: the restored store passes check"

post restore-2
store_dump > "$T/before"
run acct-db -n restore "$T/copy.db"
status_is 0 "-n restore: exit 0"
err_is "acct-db: would restore $ACCTKIT_DB from $T/copy.db (schema version $version, 5 accounts, 13 entries); check: no faults" \
	"-n restore: says what it would restore"
unchanged "-n restore: the store is unchanged"

# a log left beside the store by a writer that never checkpointed (as one
# killed would): what it holds is only in the log
"$SQLITE3" "$ACCTKIT_DB" ".dbconfig no_ckpt_on_close on" \
	"UPDATE policy SET value = '21' WHERE key = 'bill.due_days'" >/dev/null
if [ -s "$ACCTKIT_DB-wal" ]; then pass "a log left beside the store"; else
	fail "a log left beside the store"; fi
is 21 "$(acct-db policy bill.due_days)" "the store as read holds what the log holds"
run acct-db restore "$T/copy.db"
status_is 0 "restore with a log left beside the store: exit 0"
err_is "$restored" "restore with a log left beside the store: said"
is 20 "$(acct-db policy bill.due_days)" "restore with a log left beside the store: the log is not replayed over the copy"
is 0 "$(sql "SELECT count(*) FROM entries WHERE ref = 'restore-2'")" "restore with a log left beside the store: the later posting is gone too"
restored_is_backup "restore with a log left beside the store: the store is the backup, and its audit line"
run acct-db check
status_is 0 "restore with a log left beside the store: check passes"

# another program reading the store, in a transaction, the whole time
post restore-3
store_dump > "$T/before"
rm -f "$T/reader-in" "$T/reader-out"
mkfifo "$T/reader-in"
"$SQLITE3" "$ACCTKIT_DB" < "$T/reader-in" > "$T/reader-out" 2>&1 &
reader=$!
exec 4> "$T/reader-in"
printf 'BEGIN;\nSELECT count(*) FROM accounts;\n' >&4
i=0
while [ ! -s "$T/reader-out" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
is 5 "$(cat "$T/reader-out")" "a reader has the store open, in a read transaction"
run env ACCTKIT_BUSY_TIMEOUT=1 acct-db restore "$T/copy.db"
status_is 75 "restore while another program reads the store: exit 75"
err_is "acct-db: store busy: another program kept it open past the timeout, and a restore needs it alone; try again" \
	"restore while another program reads the store: says it waited and why"
out_empty "restore while another program reads the store: nothing on stdout"
printf 'SELECT count(*) FROM entries;\nCOMMIT;\n' >&4
exec 4>&-
wait $reader
is "5
14" "$(cat "$T/reader-out")" "the reader went on undisturbed, its posting there"
unchanged "restore while another program reads the store: the store is unchanged"
run acct-db restore "$T/copy.db"
status_is 0 "restore once the reader has closed the store: exit 0"

# backups that are refused
cp "$T/copy.db" "$T/bad.db"
"$SQLITE3" "$T/bad.db" "UPDATE accounts SET balance = balance + 1 WHERE number = '1002'"
post restore-4
store_dump > "$T/before"
run acct-db restore "$T/bad.db"
status_is 1 "a backup with a fault: exit 1"
out_is "account 1002: balance 300.01, its entries sum to 300.00 (last posted '2026-11-01', entries' last '2026-11-01')" \
	"a backup with a fault: the fault, as check names it"
err_is "acct-db: backup '$T/bad.db': 1 fault found: not restored" "a backup with a fault: not restored"
unchanged "a backup with a fault: the store is unchanged"

printf 'account,name\n1001,Ann Able\n' > "$T/accounts.csv"
run acct-db restore "$T/accounts.csv"
status_is 65 "a backup that is no SQLite database: exit 65"
err_is "acct-db: backup '$T/accounts.csv': not an SQLite database" "a backup that is no SQLite database: named"
unchanged "a backup that is no SQLite database: the store is unchanged"

"$SQLITE3" "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
run acct-db restore "$T/other.db"
status_is 65 "a backup that is another program's database: exit 65"
err_is "acct-db: backup '$T/other.db': not an acctkit store" "a backup that is another program's database: named"
unchanged "a backup that is another program's database: the store is unchanged"

run acct-db restore "$T/none.db"
status_is 1 "a backup that does not exist: exit 1"
err_is "acct-db: backup '$T/none.db': no such file" "a backup that does not exist: named"
if [ ! -e "$T/none.db" ]; then pass "a backup that does not exist: not made"; else
	fail "a backup that does not exist: not made"; fi
unchanged "a backup that does not exist: the store is unchanged"

cp "$T/copy.db" "$T/newer.db"
"$SQLITE3" "$T/newer.db" "PRAGMA user_version = $((version + 1))"
run acct-db restore "$T/newer.db"
status_is 1 "a backup of a newer schema version: exit 1"
err_is "acct-db: backup '$T/newer.db': schema version $((version + 1)) is newer than this acctkit's $version: use a newer acctkit" \
	"a backup of a newer schema version: says so"
unchanged "a backup of a newer schema version: the store is unchanged"

cp "$T/copy.db" "$T/pages.db"
"$SQLITE3" "$T/pages.db" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192; VACUUM; PRAGMA journal_mode = WAL" >/dev/null
run acct-db restore "$T/pages.db"
status_is 1 "a backup of another page size: exit 1"
err_has "pages.db': page size 8192, the store's 4096: it cannot be copied into the store in use (see acct-db(1))" \
	"a backup of another page size: says why"
unchanged "a backup of another page size: the store is unchanged"

run acct-db restore "$ACCTKIT_DB"
status_is 2 "restore of the store onto itself: exit 2"
err_is "acct-db: restore: '$ACCTKIT_DB' is the store itself
Try 'acct-db --help'." "restore of the store onto itself: says so"
ln -s "$ACCTKIT_DB" "$T/link.db"
run acct-db restore "$T/link.db"
status_is 2 "restore of the store onto itself, by another name: exit 2"
unchanged "restore of the store onto itself: the store is unchanged"

run acct-db restore
status_is 2 "restore without a BACKUP: exit 2"
err_has "restore needs one BACKUP" "restore without a BACKUP: says so"
run acct-db restore "$T/copy.db" "$T/bad.db"
status_is 2 "restore with two files: exit 2"

run acct-db -d "$T/nostore.db" restore "$T/copy.db"
status_is 1 "restore into a store that does not exist: exit 1"
err_is "acct-db: store '$T/nostore.db': no such file: restore replaces a store, it never makes one; copy the backup there with 'cp $T/copy.db $T/nostore.db', then run 'acct-db check'" \
	"restore into a store that does not exist: says to copy the backup"
if [ ! -e "$T/nostore.db" ]; then pass "restore into a store that does not exist: none made"; else
	fail "restore into a store that does not exist: none made"; fi

# migrate and store versions
store_dump > "$T/before"
run acct-db migrate
status_is 0 "migrate of a current store: exit 0"
err_is "acct-db: $ACCTKIT_DB is at schema version $version: nothing to do" "migrate of a current store: nothing to do"
unchanged "migrate of a current store: the store is unchanged"

cp "$T/copy.db" "$T/old.db"
"$SQLITE3" "$T/old.db" "PRAGMA user_version = 0"
run acct-show -d "$T/old.db" 1002
status_is 1 "a store of version 0: refused by acct-show"
err_is "acct-show: store '$T/old.db': not an acctkit store" "a store of version 0: says so"
out_empty "a store of version 0: nothing shown"

"$SQLITE3" "$T/old.db" "PRAGMA user_version = $((version + 1))"
run acct-show -d "$T/old.db" 1002
status_is 1 "a newer store: refused by acct-show"
err_is "acct-show: store '$T/old.db': schema version $((version + 1)) is newer than this acctkit's $version" "a newer store: says so"
run acct-db -d "$T/old.db" migrate
status_is 1 "migrate of a newer store: exit 1"
err_is "acct-db: store '$T/old.db': schema version $((version + 1)) is newer than this acctkit's $version: use a newer acctkit" "migrate of a newer store: says to use a newer acctkit"

# a store of schema version 1, as the first acctkit made it, migrated
"$SQLITE3" "$T/v1.db" < "$top_srcdir/common/schema/0001-init.sql"
"$SQLITE3" "$T/v1.db" "PRAGMA user_version = 1; PRAGMA journal_mode = WAL; INSERT INTO accounts (number, name) VALUES ('1001', 'Ann'); INSERT INTO batches (at, login, program) VALUES ('2026-01-01T00:00:00Z', 'x', 'y'); INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch) VALUES ('1001', '2026-01-02', 'charge', 1234, 's', 'r', 1); UPDATE accounts SET balance = 1234, last_posted_on = '2026-01-02'" >/dev/null
cp "$T/v1.db" "$T/v1-backup.db"
run acct-show -d "$T/v1.db" 1001
status_is 1 "a version 1 store: refused by acct-show"
err_is "acct-show: store '$T/v1.db': schema version 1, this acctkit needs $version: run 'acct-db migrate'" "a version 1 store: says to migrate"
run acct-db -d "$T/v1.db" -n migrate
err_is "acct-db: would migrate $T/v1.db from schema version 1 to $version" "migrate -n: says what it would do"
run acct-db -d "$T/v1.db" migrate
status_is 0 "migrate of a version 1 store: exit 0"
err_is "acct-db: migrated $T/v1.db from schema version 1 to $version" "migrate: says from and to"
run acct-show -d "$T/v1.db" --format csv 1001
out_has "1001,Ann," "the migrated store is read, its ledger kept"
out_has ",12.34,12.34,309,0.00,0.00,0.00,0.00,12.34," "its balance and aging kept"
is 20 "$("$SQLITE3" "$T/v1.db" "SELECT value FROM policy WHERE key = 'bill.due_days'")" "migrate seeds the policy a version 1 store lacks"
run acct-db -d "$T/v1.db" check
status_is 0 "the migrated store checks clean"

# a store of schema version 7, with an adjustment approved the old way,
# migrated to 8: the data kept, the held adjustments' table made
for f in "$top_srcdir"/common/schema/000[1-7]-*.sql; do
	"$SQLITE3" "$T/v7.db" < "$f"
done
"$SQLITE3" "$T/v7.db" "PRAGMA user_version = 7; PRAGMA journal_mode = WAL; INSERT INTO accounts (number, name) VALUES ('1001', 'Ann'); INSERT INTO reasons (code, description, customer_text) VALUES ('MR', 'misread', 'a misread meter'); INSERT INTO batches (at, login, program) VALUES ('2026-01-01T00:00:00Z', 'x', 'y'); INSERT INTO audit (at, login, program, what, batch) VALUES ('2026-01-01T00:00:00Z', 'x', 'y', 'batch 1', 1); INSERT INTO entries (account, posted_on, kind, amount, source, ref, reason, batch, approved_by) VALUES ('1001', '2026-01-02', 'adjustment', -25000, 'acct-adjust', 'adjust-1-1', 'MR', 1, 'boss'); UPDATE accounts SET balance = -25000, last_posted_on = '2026-01-02'" >/dev/null
run acct-db -d "$T/v7.db" migrate
status_is 0 "migrate of a version 7 store: exit 0"
err_is "acct-db: migrated $T/v7.db from schema version 7 to $version" "migrate from 7: says from and to"
is 8 "$("$SQLITE3" "$T/v7.db" "PRAGMA user_version")" "migrate from 7: the store is at version 8"
is "1001|-25000|boss" "$("$SQLITE3" "$T/v7.db" "SELECT account, amount, approved_by FROM entries")" "migrate from 7: the ledger kept"
is 0 "$("$SQLITE3" "$T/v7.db" "SELECT count(*) FROM held")" "migrate from 7: the held table made, empty"
is no "$("$SQLITE3" "$T/v7.db" "SELECT value FROM policy WHERE key = 'adjust.countersign'")" "migrate from 7: adjust.countersign seeded, no"
run acct-db -d "$T/v7.db" check
status_is 0 "the store migrated from 7 checks clean"

# a backup of an older version: restored as it is, then migrated
acct-db -d "$T/older.db" init 2>/dev/null
run acct-db -d "$T/older.db" restore "$T/v1-backup.db"
status_is 0 "restore of a version 1 backup: exit 0"
err_is "acct-db: restored $T/older.db from $T/v1-backup.db (schema version 1, 1 account, 1 entry); check: no faults (the audit trail is checked once migrated)
acct-db: $T/older.db is at schema version 1, this acctkit needs $version: run 'acct-db migrate'" \
	"restore of a version 1 backup: says to migrate"
is "1|restored the store from $Tabs/v1-backup.db (schema version 1, 1 account, 1 entry)" \
	"$("$SQLITE3" "$T/older.db" "PRAGMA user_version; SELECT what FROM audit" | tr '\n' '|' | sed 's/|$//')" \
	"restore of a version 1 backup: not migrated, and audited in its version 1 audit table"
run acct-db -d "$T/older.db" migrate
status_is 0 "the restored version 1 store: migrated"
run acct-db -d "$T/older.db" check
status_is 0 "the restored version 1 store, migrated: check passes, audit and all"

run acct-db -d "$T/none.db" check
status_is 1 "a missing store: exit 1"
err_is "acct-db: store '$T/none.db': no such file: make one with 'acct-db init'" "a missing store: says how to make one"

# usage
run acct-db
status_is 2 "no command: exit 2"
err_is "acct-db: no command given
Try 'acct-db --help'." "no command: says so"

run acct-db frob
status_is 2 "an unknown command: exit 2"
err_is "acct-db: 'frob': no such command
Try 'acct-db --help'." "an unknown command: named"

run acct-db --date 2026-02-30 check
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"

run acct-db --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-db --help'." "a bad option: points to --help"

run acct-db --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-db" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run acct-db --version
status_is 0 "--version: exit 0"
out_has "acct-db (acctkit) " "--version names the program and the package"

run acct-db -d "$T/new/dir/store.db" init
status_is 0 "init makes missing directories"
is 770 "$(stat -c %a "$T/new/dir")" "the store's directory is 0770"
is 660 "$(stat -c %a "$T/new/dir/store.db")" "the new store is 0660"

# clerks
me=$(id -un)
run acct-db clerks
status_is 0 "clerks of a store without any: exit 0"
out_is 'login,name,role,limit,limit_source' "clerks of a store without any: the header alone"

store_dump > "$T/before"
run acct-db -n clerks add boss --role supervisor
status_is 0 "-n clerks add: exit 0"
err_is "acct-db: dry run: nothing was changed
acct-db: clerk boss would be added: name '', role supervisor, limit default" "-n clerks add: says what it would do"
unchanged "-n clerks add: the store is unchanged"

run acct-db clerks add boss --name "Bo Boss" --role supervisor
status_is 0 "clerks add: exit 0"
err_is "acct-db: clerk boss added: name 'Bo Boss', role supervisor, limit default" "clerks add: says what it added"
out_empty "clerks add: nothing on stdout"
is "clerk boss added: name 'Bo Boss', role supervisor, limit default" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "clerks add: audited"

run acct-db clerks add --limit 250 pat
status_is 0 "clerks add with the options before LOGIN: exit 0"
err_is "acct-db: clerk pat added: name '', role clerk, limit 250.00" "an own limit"
run acct-db clerks add pat --name "Pat Post"
err_is "acct-db: clerk pat changed: name 'Pat Post', role clerk, limit 250.00" "an existing clerk keeps what is not given"

acct-db policy adjust.clerk_limit 75 2>/dev/null
run acct-db clerks
status_is 0 "clerks: listed"
out_is 'login,name,role,limit,limit_source
boss,Bo Boss,supervisor,75.00,policy
pat,Pat Post,clerk,250.00,own' "clerks: each login with the limit that applies and where it comes from"
err_empty "clerks: nothing on stderr"
run acct-db clerks add pat --limit default
run acct-db clerks
out_has 'pat,Pat Post,clerk,75.00,policy' "--limit default: back to the policy's limit"
acct-db policy adjust.clerk_limit 100.00 2>/dev/null

store_dump > "$T/before"
run acct-db clerks add pat --role boss
status_is 2 "a bad role: exit 2"
err_is "acct-db: option --role: 'boss': not clerk or supervisor
Try 'acct-db --help'." "a bad role: says so"
run acct-db clerks add pat --limit -5.00
status_is 2 "a negative limit: exit 2"
err_is "acct-db: option --limit: '-5.00': negative
Try 'acct-db --help'." "a negative limit: says so"
run acct-db clerks add pat --limit 1.234
status_is 2 "a limit with three decimals: exit 2"
err_has "option --limit: '1.234': more than two decimals" "a limit with three decimals: says so"
run acct-db clerks add 'pat post'
status_is 2 "a bad login: exit 2"
err_has "login 'pat post': letters, digits, '.', '_' or '-' only" "a bad login: says so"
run acct-db clerks add
status_is 2 "clerks add without a LOGIN: exit 2"
err_has "clerks add needs one LOGIN" "clerks add without a LOGIN: says so"
run acct-db clerks add pat --frob
status_is 2 "clerks add with an unknown option: exit 2"
err_has "Try 'acct-db --help'." "clerks add with an unknown option: points to --help"
run acct-db clerks remove pat
status_is 2 "clerks with an unknown word: exit 2"
err_has "clerks takes nothing, or add LOGIN" "clerks with an unknown word: says what it takes"
unchanged "refused clerks commands: the store is unchanged"

run acct-db clerks add "$me" --role supervisor
status_is 0 "the user's own login can be registered"
run acct-db --format table clerks
out_has "supervisor" "clerks --format table"

done_testing
