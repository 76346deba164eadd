# tests/cli/lib.sh: sourced by every shell test.  TAP output, one assertion a
# line; each test works in a temporary directory with its own store and a
# fixed business date (2026-11-27), never today's.
#
#   run CMD ARG...      runs CMD, keeping its stdout ($T/out), stderr ($T/err)
#                       and exit status ($status)
#   status_is N DESC    the last run's exit status was N
#   out_is TEXT DESC    its stdout was exactly TEXT (a trailing newline added)
#   err_is TEXT DESC    its stderr was exactly TEXT
#   err_empty DESC      it said nothing on stderr
#   out_has TEXT DESC   its stdout holds TEXT (a fixed string)
#   err_has TEXT DESC   its stderr holds TEXT
#   is WANT GOT DESC    two strings are equal
#   make_store          a store with the fixtures of tests/fixtures loaded
#   store_dump          the whole store as SQL text (to prove it unchanged)
#   unchanged DESC      the store dumps as $T/before (store_dump > $T/before
#                       before the refused write)
#   out_empty DESC      the last run wrote nothing on stdout (out_is '' would
#                       want an empty line)
#   sql SELECT          runs SQL on the test's store with the sqlite3 shell
#   lock_store, unlock_store
#                       another program holds the store's write lock until
#                       told
#   done_testing        prints the plan and exits
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
fixtures=$top_srcdir/tests/fixtures
T=$(mktemp -d "${TMPDIR:-/tmp}/acctkit-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
ACCTKIT_DB=$T/store.db
ACCTKIT_TODAY=2026-11-27
ACCTKIT_DATADIR=$top_srcdir/data
export ACCTKIT_DB ACCTKIT_TODAY ACCTKIT_DATADIR
unset ACCTKIT_BUSY_TIMEOUT COLUMNS
: "${SQLITE3:=sqlite3}"

tests_run=0
tests_failed=0
status=0

pass() { tests_run=$((tests_run + 1)); echo "ok $tests_run - $1"; }
fail() {
	tests_run=$((tests_run + 1)); tests_failed=$((tests_failed + 1))
	echo "not ok $tests_run - $1"
}
# shows a difference as TAP comments
show_diff() { diff -u "$1" "$2" | sed 's/^/# /' | head -n 40; }

run() { "$@" >"$T/out" 2>"$T/err"; status=$?; }

status_is() {
	if [ "$status" -eq "$1" ]; then pass "$2"; else
		fail "$2"; echo "# exit status $status, wanted $1"
		sed 's/^/# stderr: /' "$T/err" | head -n 5
	fi
}
compare_text() {	# FILE TEXT DESC
	printf '%s\n' "$2" > "$T/want"
	if cmp -s "$T/want" "$1"; then pass "$3"; else
		fail "$3"; show_diff "$T/want" "$1"
	fi
}
out_is() { compare_text "$T/out" "$1" "$2"; }
err_is() { compare_text "$T/err" "$1" "$2"; }
err_empty() {
	if [ ! -s "$T/err" ]; then pass "$1"; else
		fail "$1"; sed 's/^/# stderr: /' "$T/err" | head -n 5
	fi
}
has() {	# FILE TEXT DESC
	if grep -qF -- "$2" "$1"; then pass "$3"; else
		fail "$3"; echo "# missing: $2"; sed 's/^/#   | /' "$1" | head -n 10
	fi
}
out_has() { has "$T/out" "$1" "$2"; }
err_has() { has "$T/err" "$1" "$2"; }
is() {
	if [ "$1" = "$2" ]; then pass "$3"; else
		fail "$3"; echo "# wanted: $1"; echo "# got:    $2"
	fi
}

make_store() {
	acct-db init 2>/dev/null &&
	acct-import "$fixtures/accounts.csv" >/dev/null 2>&1 &&
	ledger-post "$fixtures/ledger.csv" 2>/dev/null ||
		{ echo "Bail out! cannot make the fixture store"; exit 1; }
}
store_dump() { "$SQLITE3" "$ACCTKIT_DB" .dump; }

unchanged() {
	store_dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else
		fail "$1"; show_diff "$T/before" "$T/after"
	fi
}
out_empty() {
	if [ ! -s "$T/out" ]; then pass "$1"; else
		fail "$1"; sed 's/^/# stdout: /' "$T/out" | head -n 5
	fi
}
sql() { "$SQLITE3" "$ACCTKIT_DB" "$1"; }

# lock_store: another program (the sqlite3 shell) takes the store's write
# lock and keeps it until unlock_store, however slow the machine: a busy
# store's test never depends on how long anything takes
lock_store() {
	rm -f "$T/lock.fifo" "$T/locked"
	mkfifo "$T/lock.fifo" || { echo "Bail out! mkfifo"; exit 1; }
	"$SQLITE3" "$ACCTKIT_DB" < "$T/lock.fifo" >/dev/null 2>&1 &
	lock_pid=$!
	exec 9>"$T/lock.fifo"
	printf "BEGIN IMMEDIATE;\n.shell touch '%s'\n" "$T/locked" >&9
	lock_i=0
	while [ ! -e "$T/locked" ] && [ $lock_i -lt 600 ]; do
		sleep 0.1; lock_i=$((lock_i + 1))
	done
	[ -e "$T/locked" ] || { echo "Bail out! cannot lock the store"; exit 1; }
}
unlock_store() {
	echo 'ROLLBACK;' >&9
	exec 9>&-
	wait "$lock_pid"
}

done_testing() {
	echo "1..$tests_run"
	[ "$tests_failed" -eq 0 ]
	exit
}
