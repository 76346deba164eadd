#!/bin/sh
# Security (issue 9): no SQL built from text, the store's file modes and a
# warning for a store anyone may write, an audit line for every write that
# 'acct-db check' proves, approval limits that no environment variable
# bypasses, and backups that restore to the same store while a writer works.
#
# The SQL rule, checked by tests/hostile/sql-lint over common/*.c and
# cmd/*.c:
#  1. No SQLite string builder (sqlite3_mprintf, sqlite3_vmprintf,
#     sqlite3_snprintf, sqlite3_str_*) anywhere.
#  2. The programs hold no SQL: nothing in cmd/ includes <sqlite3.h> or
#     store_sql.h or names a sqlite3_ function, store_stmt or store_exec.
#  3. SQL is run (sqlite3_exec, sqlite3_prepare*, store_exec, pragma_int)
#     only in common/store.c.
#  4. Whatever runs or prepares SQL (those, and store_stmt, store_next_seq,
#     each_account) is given a string literal or an array declared
#     'static const char NAME[]' in the calling function: SQL compiled in,
#     whose values are bound.  (store_stmt caches statements by the SQL's
#     address, so a buffer there would be a bug as well as a hole.)
#  5. No SQL text (SELECT, INSERT, ... PRAGMA) is written into a buffer by
#     snprintf, strcat, strcpy, memcpy and the like.
# The allow-list, every entry in common/ and reviewed:
#  - store_exec, pragma_int, store_stmt, store_next_seq (store.c) and
#    each_account (collect_db.c) pass on the SQL they are given; their
#    callers are held to rule 4.
#  - apply_migrations runs store_migration_sql[v], the schema migrations
#    compiled in from common/schema/*.sql, and "PRAGMA user_version = %d"
#    made from an integer.
#  - store_index_defer runs "DROP INDEX %s" with an index name the program
#    gives, after finding that name in sqlite_master (a name that is not an
#    index there is refused before any SQL is made of it).
#  - store_index_restore runs the CREATE INDEX text that SQLite itself
#    kept in sqlite_master, in the same transaction.
# Anything else fails this test: bind the value instead, or, for SQL that
# cannot bind (an identifier), add it here with the reason.
. "$top_srcdir/tests/cli/lib.sh"
lint=$top_srcdir/tests/hostile/sql-lint
mode_is() {	# WANT PATH DESC
	is "$1" "$(stat -c %a "$2")" "$3"
}
# waits (60 s at most) until process PID has the FIFO open for reading.
# The writers below open the store before their input: a slow one (under
# valgrind) may not have opened the FIFO yet when the test closes its end,
# and would then wait in open() for a writer that never comes.
fifo_opened() {	# PID
	n=0
	until ls -l "/proc/$1/fd" 2>/dev/null | grep -qF -- "$T/fifo" ||
	    [ $n -ge 600 ]; do
		sleep 0.1; n=$((n + 1))
	done
}

# --- no SQL built from text ------------------------------------------------
run sh "$lint" "$top_srcdir"/common/*.c "$top_srcdir"/cmd/*.c
status_is 0 "sql-lint: no SQL assembled at run time in common/ or cmd/"
if [ ! -s "$T/out" ]; then pass "sql-lint: nothing found"; else
	fail "sql-lint: nothing found"; sed 's/^/# /' "$T/out"; fi
if grep -l -E '#include *[<"](sqlite3\.h|store_sql\.h)[>"]|sqlite3_|store_stmt|store_exec' \
    "$top_srcdir"/cmd/*.c "$top_srcdir"/cmd/*.h 2>/dev/null > "$T/found"; then
	fail "cmd/: no program holds SQL"; sed 's/^/# /' "$T/found"
else
	pass "cmd/: no program holds SQL"
fi
# the allow-list is exactly what the code has: with it emptied, each entry
# is found, and nothing else
run env SQL_LINT_ALLOW=none sh "$lint" "$top_srcdir"/common/*.c "$top_srcdir"/cmd/*.c
status_is 1 "sql-lint without its allow-list: finds the reviewed places"
sed 's/^[^:]*\/\([^/:]*\):[0-9]*: \([^:]*\):.*/\1 \2/' "$T/out" | sort -u > "$T/places"
is "collect_db.c each_account
store.c apply_migrations
store.c pragma_int
store.c store_exec
store.c store_index_defer
store.c store_index_restore
store.c store_next_seq
store.c store_stmt" "$(cat "$T/places")" "sql-lint without its allow-list: those places, and no other"
# and it finds what it is for
mkdir "$T/lint"
cat > "$T/lint/bad_db.c" <<'EOF'
/* store_stmt(s, buf, d) in a comment is no call */
static int
find(struct store *s, const char *name, struct diag *d)
{
	static const char ok[] = "SELECT 1 FROM accounts WHERE number = ?";
	char buf[256];
	char *q = sqlite3_mprintf("SELECT * FROM t WHERE x = %Q", name);
	sqlite3_stmt *st = store_stmt(s, ok, d);

	snprintf(buf, sizeof buf, "SELECT * FROM accounts WHERE name = '%s'",
		 name);
	st = store_stmt(s, buf, d);
	st = store_stmt(s, "SELECT 2", d);
	sqlite3_exec(store_handle(s), buf, NULL, NULL, NULL);
	strcat(buf, "DELETE FROM audit");
	return 0;
}

static int
other(struct store *s, struct diag *d)
{
	return store_stmt(s, ok, d) != NULL;	/* find's ok, not this one's */
}
EOF
run sh "$lint" "$T/lint/bad_db.c"
status_is 1 "sql-lint on SQL built from text: exit 1"
sed -E "s|^$T/lint/||; s/: (SQLite string builder|SQL text written into a buffer|SQL run outside common\/store\.c): .*/: \1/" \
	"$T/out" > "$T/found"
is "bad_db.c:7: find: SQLite string builder
bad_db.c:10: find: SQL text written into a buffer
bad_db.c:12: find: store_stmt() given buf, not a static const char array or literal
bad_db.c:14: find: SQL run outside common/store.c
bad_db.c:14: find: sqlite3_exec() given buf, not a static const char array or literal
bad_db.c:15: find: SQL text written into a buffer
bad_db.c:22: other: store_stmt() given ok, not a static const char array or literal" \
	"$(cat "$T/found")" "sql-lint on SQL built from text: each place named, the good ones not"

# --- file modes -----------------------------------------------------------
for u in 000 022 077; do
	( umask $u; acct-db -d "$T/m$u/new/store.db" init ) 2>/dev/null
	mode_is 660 "$T/m$u/new/store.db" "init under umask $u: the store is 0660"
	mode_is 770 "$T/m$u/new" "init under umask $u: the directory it made is 0770"
	( umask $u; acct-db -d "$T/m$u/new/store.db" backup "$T/m$u/copy.db" ) 2>/dev/null
	mode_is 660 "$T/m$u/copy.db" "backup under umask $u: the copy is 0660"
done
mkdir -m 750 "$T/mine"
acct-db -d "$T/mine/store.db" init 2>/dev/null
mode_is 750 "$T/mine" "init in a directory that exists: its mode is left alone"
make_store
# the log and the shared memory while a writer has the store open: their
# modes are the store's, whatever the umask (SQLite copies them)
# (the FIFO opened read-write here, so that no open blocks if the writer
# fails: the test goes on and says so)
mkfifo "$T/fifo"
exec 3<> "$T/fifo"
( umask 077; exec ledger-post "$T/fifo" 3>&- ) 2>/dev/null &
writer=$!
printf 'account,posted_on,kind,amount,ref,source\n1004,2026-11-20,charge,1.00,mode-1,t\n' >&3
i=0
while [ ! -e "$ACCTKIT_DB-wal" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
mode_is 660 "$ACCTKIT_DB-wal" "the write-ahead log: 0660 under umask 077"
mode_is 660 "$ACCTKIT_DB-shm" "the shared memory file: 0660 under umask 077"
fifo_opened $writer
exec 3>&-
wait $writer
is 0 "$?" "the writer finished"

# --- a warning for a store anyone may write -------------------------------
mkdir -m 770 "$T/office"
acct-db -d "$T/office/store.db" init 2>/dev/null
ACCTKIT_DB=$T/office/store.db
acct-import "$fixtures/accounts.csv" >/dev/null 2>&1
run acct-show --format csv 1001
err_empty "a store 0660 in a directory 0770: no warning"
chmod 666 "$ACCTKIT_DB"
run acct-show --format csv 1001
status_is 0 "a store anyone may write: still read"
err_is "acct-show: warning: store '$ACCTKIT_DB' is writable by anyone (mode 0666)" \
	"a store anyone may write: warned, on stderr"
out_has "1001,Ann Able" "a store anyone may write: the output as ever"
printf 'account,posted_on,kind,amount,ref,source\n1001,2026-11-20,charge,1.00,ww-1,t\n' > "$T/ww.csv"
run ledger-post "$T/ww.csv"
status_is 0 "a store anyone may write: a writer warns too, and posts"
err_is "ledger-post: warning: store '$ACCTKIT_DB' is writable by anyone (mode 0666)
ledger-post: posted 1, already posted 0" "a store anyone may write: the writer's warning"
chmod 660 "$ACCTKIT_DB"
chmod 777 "$T/office"
run acct-show --format csv 1001
err_is "acct-show: warning: the directory '$T/office' of store '$ACCTKIT_DB' is writable by anyone (mode 0777)" \
	"a directory anyone may write: warned"
# the sticky bit keeps others from removing the store, not from planting
# a store.db-wal of theirs beside it before it is opened
chmod 1777 "$T/office"
run acct-show --format csv 1001
err_is "acct-show: warning: the directory '$T/office' of store '$ACCTKIT_DB' is writable by anyone (mode 1777)" \
	"a sticky directory anyone may write: warned"
run acct-db -d "$T/office/new.db" init
err_has "acct-db: warning: the directory '$T/office' of store '$T/office/new.db' is writable by anyone (mode 1777)" \
	"init in a directory anyone may write: warned"
mode_is 660 "$T/office/new.db" "init in a directory anyone may write: the store still 0660"
chmod 770 "$T/office"
ACCTKIT_DB=$T/store.db

# --- every write has its audit line, and acct-db check proves it ----------
me=$(id -un)
ACCTKIT_DB=$T/audit.db
make_store
acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null
# a day's work: entries, receipts, agreements, cases, orders, notices,
# bills, affidavits, certificates
work() {
	printf 'account,posted_on,kind,amount,ref,source\n1004,2026-11-20,charge,10.00,aud-1,t\n' > "$T/w.csv" &&
	ledger-post "$T/w.csv" &&
	pay-post 1004 5.00 &&
	printf 'account,amount,paid_on,ref\n1004,1.00,2026-11-20,aud-2\n' > "$T/w.csv" &&
	pay-post --batch "$T/w.csv" &&
	acct-adjust --reason MR 1003 -5.00 &&
	printf 'account,amount,reason,ref\n1003,-1.00,MR,aud-3\n' > "$T/w.csv" &&
	acct-adjust --batch "$T/w.csv" &&
	shutoff-notice 1002 &&
	plan-agree --count 7 --down 60.00 1002 &&
	case-open --category billing --channel phone --summary "high bill" 1003 &&
	invest-req --type leak 1001 &&
	bill-print 1003 &&
	affidavit --kind statement --field "statement=I did not use it" 1001 &&
	cert-issue 1001 &&
	acct-import "$fixtures/accounts.csv"
}
run work
status_is 0 "a day's work: done"
for t in batches receipts plans cases orders notices bills affidavits certificates; do
	n=$(sql "SELECT count(*) FROM $t")
	if [ "$n" -gt 0 ]; then pass "a day's work: $t written ($n)"; else
		fail "a day's work: $t written"; fi
done
run acct-db check
status_is 0 "a day's work: acct-db check passes"
err_is "acct-db: integrity, foreign keys, balances and audit: no faults" \
	"a day's work: check says what it proved"
# a write that left no audit line: each kind of record slipped in by hand
store_dump > "$T/before"
sql "INSERT INTO batches (at, login, program) VALUES ('2026-11-27T12:00:00Z', 'mallory', 'sqlite3');
INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch)
	VALUES ('1001', '2026-11-27', 'payment', -100000, 'x', 'x-1', last_insert_rowid());
INSERT INTO receipts (number, year, seq, account, entry, amount, tender,
	paid_on, balance_before, balance_after, login, issued_at)
	VALUES ('R2026-999999', 2026, 999999, '1001', last_insert_rowid(), 100000,
	'cash', '2026-11-27', 0, -100000, 'mallory', '2026-11-27T12:00:00Z');
UPDATE accounts SET balance = balance - 100000, last_posted_on = '2026-11-27'
	WHERE number = '1001';
INSERT INTO cases (number, year, seq, account, category, channel, summary,
	opened_on, due_on, login)
	VALUES ('C2026-99999', 2026, 99999, '1001', 'other', 'phone', 'x',
	'2026-11-27', '2026-12-27', 'mallory');
INSERT INTO certificates (number, year, seq, account, code, issued_on,
	as_of, valid_until, balance, login, at)
	VALUES ('FPC2026-999999', 2026, 999999, '1001', 'XXXX', '2026-11-27',
	'2026-11-27', '2027-01-26', 0, 'mallory', '2026-11-27T12:00:00Z');"
batch=$(sql "SELECT max(id) FROM batches")
run acct-db check
status_is 1 "writes without audit lines: acct-db check fails"
out_is "audit: batch $batch has no audit line
audit: receipt R2026-999999 has no audit line
audit: case C2026-99999 has no audit line
audit: certificate FPC2026-999999 has no audit line" \
	"writes without audit lines: each named"
err_is "acct-db: 4 faults found" "writes without audit lines: counted"

# --- approval limits: no environment variable makes a clerk a supervisor --
ACCTKIT_DB=$T/limits.db
make_store
acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null
as_boss() {
	env LOGNAME=boss USER=boss USERNAME=boss LOGIN=boss SUDO_USER=boss \
	    ACCTKIT_USER=boss ACCTKIT_LOGIN=boss ACCTKIT_CLERK=boss \
	    ACCTKIT_SUPERVISOR=boss ACCTKIT_APPROVED_BY=boss "$@"
}
store_dump > "$T/before"
run as_boss acct-adjust --reason MR 1002 -150.00
status_is 1 "over the limit with the environment saying boss: refused"
err_is "acct-adjust: account 1002: 150.00 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by); or hold it for their --approve (--hold)" \
	"over the limit with the environment saying boss: the real login named"
unchanged "over the limit with the environment saying boss: nothing written"
printf 'account,amount,reason,ref\n1002,-10.00,MR,env-1\n1002,-150.00,MR,env-2\n' > "$T/env.csv"
run as_boss acct-adjust --batch "$T/env.csv"
status_is 1 "a batch over the limit with the environment saying boss: refused"
err_is "acct-adjust: $T/env.csv:3: 150.00 is over $me's limit of 100.00: a supervisor must post it or approve it (--approved-by)" \
	"a batch over the limit with the environment saying boss: refused"
unchanged "a batch over the limit with the environment saying boss: nothing written"
run as_boss acct-adjust --reverse 2
status_is 0 "a reversal within the limit, the environment saying boss: posted"
is "$me|$me|" "$(sql "SELECT a.login || '|' || b.login || '|' || COALESCE(e.approved_by, '')
	FROM entries e JOIN batches b ON b.id = e.batch, audit a
	WHERE e.id = (SELECT max(id) FROM entries) AND a.id = (SELECT max(id) FROM audit)")" \
	"the environment saying boss: audit and batch name the real login, no approver"
pay-post 1004 5.00 >/dev/null 2>&1
store_dump > "$T/before"
run as_boss pay-post --void R2026-000001 --reason "env test"
status_is 1 "a void with the environment saying boss: refused"
err_is "pay-post: receipt R2026-000001: only a supervisor may void a receipt, or approve the void (--approved-by)" \
	"a void with the environment saying boss: refused"
unchanged "a void with the environment saying boss: nothing written"
# The clerks table and the policy are what the limits rest on: only the
# store's owner (who made it) or a supervisor changes them, once the store
# has a supervisor.  A clerk who is not the owner: the store is given to
# another user (root only; skipped as an ordinary user, as in distcheck).
if [ "$(id -u)" -eq 0 ]; then
	cp "$ACCTKIT_DB" "$T/owned.db"
	ACCTKIT_DB=$T/owned.db acct-db clerks add boss --role supervisor \
		>/dev/null 2>&1
	chown 65534 "$T/owned.db"
	ACCTKIT_DB=$T/owned.db store_dump > "$T/before"
	ACCTKIT_DB=$T/owned.db run acct-db clerks add "$me" --role supervisor
	status_is 1 "a clerk who is not the owner cannot make itself a supervisor"
	err_is "acct-db: clerk $me: only a supervisor or the store's owner may change it ('$me' is neither: see acct-db clerks)" \
		"a clerk cannot make itself a supervisor: says who may"
	ACCTKIT_DB=$T/owned.db run acct-db policy adjust.clerk_limit 1000000.00
	status_is 1 "a clerk who is not the owner cannot raise the limit"
	ACCTKIT_DB=$T/owned.db run as_boss acct-db clerks add "$me" --limit 5000.00
	status_is 1 "nor with the environment saying boss"
	ACCTKIT_DB=$T/owned.db store_dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "refused changes: nothing written"
	else fail "refused changes: nothing written"; fi
	chown 0 "$T/owned.db"
	ACCTKIT_DB=$T/owned.db run acct-db policy adjust.clerk_limit 150.00
	status_is 0 "the store's owner changes the policy"
	rm -f "$T/owned.db"
else
	for n in 1 2 3 4 5 6; do
		echo "ok $((tests_run + 1)) # SKIP not root: cannot give the store to another user"
		tests_run=$((tests_run + 1))
	done
fi

# --- backup: online, consistent, restorable, while a writer works ---------
ACCTKIT_DB=$T/store.db
store_dump > "$T/before"
run acct-db backup "$T/busy.db"
status_is 0 "backup of an idle store: done"
rm -f "$T/busy.db"
# a writer holds the write lock, mid-batch, rows sent, not committed
busy_rows() {
	awk 'BEGIN { print "account,posted_on,kind,amount,ref,source"
	for (i = 1; i <= 2000; i++)
		printf "100%d,2026-11-20,charge,1.%02d,busy-%d,t\n", i % 5 + 1, i % 100, i }'
}
rm -f "$T/fifo"; mkfifo "$T/fifo"
exec 3<> "$T/fifo"
ledger-post "$T/fifo" 3>&- 2> "$T/writer.err" &
writer=$!
busy_rows >&3 &
feeder=$!
i=0
until ! "$SQLITE3" "$ACCTKIT_DB" "BEGIN IMMEDIATE" 2>/dev/null || [ $i -ge 200 ]; do
	sleep 0.05; i=$((i + 1))
done
if [ $i -lt 200 ]; then pass "the writer holds the store's write lock"; else
	fail "the writer holds the store's write lock"; fi
run acct-db backup "$T/busy.db"
status_is 0 "backup while the writer works: done, not blocked"
err_is "acct-db: copied $ACCTKIT_DB to $T/busy.db" "backup while the writer works: said"
fifo_opened $writer
exec 3>&-
wait $writer
is 0 "$?" "the writer then committed"
kill $feeder 2>/dev/null; wait $feeder
is "ledger-post: posted 2000, already posted 0" "$(cat "$T/writer.err")" "the writer posted its 2000 rows"
mode_is 660 "$T/busy.db" "the backup: 0660"
run acct-db -d "$T/busy.db" check
status_is 0 "the backup passes acct-db check"
"$SQLITE3" "$T/busy.db" .dump > "$T/copy.dump"
if cmp -s "$T/before" "$T/copy.dump"; then pass "the backup is the store as it was before the writer's commit, exactly"
else fail "the backup is the store as it was before the writer's commit, exactly"
	show_diff "$T/before" "$T/copy.dump"; fi
is 2000 "$(sql "SELECT count(*) FROM entries WHERE ref LIKE 'busy-%'")" \
	"the store has the writer's batch"
store_dump > "$T/after-writer"
# restored: copied to a store path of its own, and back over the store
cp "$T/busy.db" "$T/restored.db"
run acct-db -d "$T/restored.db" check
status_is 0 "a restored copy passes acct-db check"
"$SQLITE3" "$T/restored.db" .dump > "$T/restored.dump"
if cmp -s "$T/before" "$T/restored.dump"; then pass "a restored copy: the same contents"
else fail "a restored copy: the same contents"; show_diff "$T/before" "$T/restored.dump"; fi
run acct-show --format csv -d "$T/restored.db" 1001
status_is 0 "a restored copy: the programs read it"
rm -f "$ACCTKIT_DB-wal" "$ACCTKIT_DB-shm"
cp "$T/busy.db" "$ACCTKIT_DB"
run acct-db check
status_is 0 "restored over the store's path: acct-db check passes"
store_dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then pass "restored over the store's path: the backup's contents"
else fail "restored over the store's path: the backup's contents"; show_diff "$T/before" "$T/after"; fi
# and the writer's batch posts again on the restored store, whole
rm -f "$T/fifo"
busy_rows > "$T/busy.csv"
run ledger-post "$T/busy.csv"
status_is 0 "the lost batch posted again on the restored store"
run acct-db check
status_is 0 "and acct-db check passes"
# a backup never overwrites
cp "$T/busy.db" "$T/exists.db"
run acct-db backup "$T/exists.db"
status_is 1 "backup onto an existing file: refused"
err_is "acct-db: backup '$T/exists.db': File exists" "backup onto an existing file: said"
if cmp -s "$T/busy.db" "$T/exists.db"; then pass "backup onto an existing file: the file untouched"
else fail "backup onto an existing file: the file untouched"; fi

done_testing
