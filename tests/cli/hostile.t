#!/bin/sh
# Hostile input (issue 9) to the programs that write from CSV: ledger-post,
# acct-import, pay-post --batch and acct-adjust --batch, and hostile values
# on the command line.  Each either gives a clear error naming the file, the
# line and the column (exit 65, nothing written: the store dumped before and
# after is the same) or is handled by a documented rule (SQL text is stored
# verbatim and does nothing; a BOM is skipped; CRLF ends a line; a header
# alone posts nothing; columns a program does not read are passed by).
#
# Each refused file has a good row on line 2 and the hostile one on line 3,
# so that "nothing written" also proves the good row was rolled back.  Big
# inputs (10 MB fields, 10,000 columns, 1,000-row batches) are made here,
# never kept in the tree.  tests/hostile/sql.txt holds the SQL texts.
. "$top_srcdir/tests/cli/lib.sh"
make_store
acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null

# the last run wrote no ESC byte to stderr: a value is quoted, not echoed
# to the terminal as it came
err_no_escape() {
	if tr -d '\033' < "$T/err" | cmp -s - "$T/err"; then pass "$1"; else
		fail "$1"; od -c "$T/err" | head -n 5 | sed 's/^/# /'
	fi
}

# The four programs, by a short name: the command, the columns read, a
# default for each column.
cmd_of() {
	case $1 in
	lp) echo ledger-post ;;
	ai) echo acct-import ;;
	pp) echo pay-post --batch --csv ;;
	aa) echo acct-adjust --batch ;;
	esac
}
name_of() { set -- $(cmd_of "$1"); echo "$1"; }
cols_of() {
	case $1 in
	lp) echo account posted_on kind amount ref memo source reason ;;
	ai) echo account name service_address mailing_address phone email \
		rate_class opened_on medical_until ;;
	pp) echo account amount paid_on ref tender check_no ;;
	aa) echo account amount reason ref memo ;;
	esac
}
# default_of P COLUMN: sets _v to the column's default (no subshell: the
# rows of this file are made hundreds of times)
default_of() {
	case $1:$2 in
	*:account) _v=1004 ;;
	lp:posted_on|pp:paid_on) _v=2026-11-20 ;;
	lp:kind) _v=charge ;;
	lp:amount|pp:amount) _v=1.00 ;;
	aa:amount) _v=-1.00 ;;
	*:ref) _v=ref ;;
	*:memo) _v="a memo" ;;
	lp:source) _v=hostile ;;
	aa:reason) _v=MR ;;
	ai:name) _v="Dan Dunn" ;;
	ai:service_address) _v="4 Elm St" ;;
	ai:rate_class) _v=commercial ;;
	ai:opened_on) _v=2026-10-20 ;;
	pp:tender) _v=check ;;
	pp:check_no) _v=1234 ;;
	*) _v= ;;
	esac
}
# csvq VALUE: sets _q to VALUE quoted for CSV
csvq() {
	case $1 in
	*'"'*) _q="\"$(printf '%s' "$1" | sed 's/"/""/g')\"" ;;
	*) _q="\"$1\"" ;;
	esac
}
header() {
	set -- $(cols_of "$1")
	_h=$1; shift
	for _c; do _h="$_h,$_c"; done
	printf '%s\n' "$_h"
}
# row P [COLUMN VALUE]...: a CSV row of P's columns, every value quoted;
# a column not given has its default
row() {
	_p=$1; shift
	_line= _sep=
	for _col in $(cols_of "$_p"); do
		default_of "$_p" "$_col"
		_want=key
		for _a; do
			if [ $_want = key ]; then _k=$_a; _want=value; else
				[ "$_k" = "$_col" ] && _v=$_a
				_want=key
			fi
		done
		csvq "$_v"
		_line="$_line$_sep$_q"
		_sep=,
	done
	printf '%s\n' "$_line"
}
# mk P [COLUMN VALUE]...: $T/in.csv with the header, a good row on line 2
# (a new reference, or a new account for acct-import) and on line 3 a row
# with the values given
n=0
mk() {
	_p=$1; shift
	n=$((n + 1))
	{
		header "$_p"
		if [ "$_p" = ai ]; then row ai account "H-good-$n"
		else row "$_p" ref "good-$n"; fi
		row "$_p" ref "bad-$n" "$@"
	} > "$T/in.csv"
}
# refused P DESC MESSAGE: P reading $T/in.csv exits 65 with "PROGRAM:
# MESSAGE" ($F stands for the file), prints nothing and writes nothing
F=$T/in.csv
refused() {
	_name=$(name_of "$1")
	store_dump > "$T/before"
	run $(cmd_of "$1") "$T/in.csv"
	status_is 65 "$_name: $2: exit 65"
	err_is "$_name: $3" "$_name: $2: file, line and column named"
	out_empty "$_name: $2: nothing printed"
	unchanged "$_name: $2: nothing written"
}

# --- SQL text in every text field: stored verbatim, does nothing ---------
sql .schema > "$T/schema.before"
entries0=$(sql "SELECT count(*) FROM entries")
accounts0=$(sql "SELECT count(*) FROM accounts")
i=0
while IFS= read -r s; do
	i=$((i + 1))
	# ledger-post: ref, memo and source
	{ header lp
	  row lp ref "$s" memo "$s" source "sql-lp-$i"
	  row lp ref "sql-lp-$i" memo "$s" source "$s"; } > "$T/in.csv"
	run ledger-post "$T/in.csv"
	status_is 0 "ledger-post: SQL text $i: posted"
	is "$s|$s" "$(sql "SELECT ref || '|' || memo FROM entries WHERE source = 'sql-lp-$i'")" \
		"ledger-post: SQL text $i in ref and memo: stored verbatim"
	is "$s" "$(sql "SELECT source FROM entries WHERE ref = 'sql-lp-$i'")" \
		"ledger-post: SQL text $i in source: stored verbatim"
	# acct-import: name, addresses, phone, email
	{ header ai
	  row ai account "SQL-$i" name "$s" service_address "$s" \
		mailing_address "$s" phone "$s" email "$s"; } > "$T/in.csv"
	run acct-import "$T/in.csv"
	status_is 0 "acct-import: SQL text $i: imported"
	is "$s|$s|$s|$s|$s" "$(sql "SELECT name || '|' || service_address || '|' ||
		mailing_address || '|' || phone || '|' || email FROM accounts
		WHERE number = 'SQL-$i'")" \
		"acct-import: SQL text $i in name, addresses, phone, email: stored verbatim"
	# pay-post --batch: ref, and --source
	{ header pp; row pp account "SQL-$i" ref "$s" check_no "';DROP TABLE receipts;--"; } \
		> "$T/in.csv"
	run pay-post --batch --csv --source "pp:$s" "$T/in.csv"
	status_is 0 "pay-post: SQL text $i: posted"
	is "$s|pp:$s|';DROP TABLE receipts;--" "$(sql "SELECT e.ref || '|' || e.source || '|' ||
		r.check_no FROM receipts r JOIN entries e ON e.id = r.entry
		WHERE r.account = 'SQL-$i'")" \
		"pay-post: SQL text $i in ref, --source and check_no: stored verbatim"
	# acct-adjust --batch: ref, memo, and --source
	{ header aa; row aa account "SQL-$i" ref "$s" memo "$s"; } > "$T/in.csv"
	run acct-adjust --batch --source "aa:$s" "$T/in.csv"
	status_is 0 "acct-adjust: SQL text $i: posted"
	is "$s|$s|aa:$s" "$(sql "SELECT ref || '|' || memo || '|' || source FROM entries
		WHERE account = 'SQL-$i' AND kind = 'adjustment'")" \
		"acct-adjust: SQL text $i in ref, memo and --source: stored verbatim"
done < "$top_srcdir/tests/hostile/sql.txt"
is 9 "$i" "all nine SQL texts were tried"
sql .schema > "$T/schema.after"
if cmp -s "$T/schema.before" "$T/schema.after"; then
	pass "SQL texts: the schema is unchanged"; else
	fail "SQL texts: the schema is unchanged"
	show_diff "$T/schema.before" "$T/schema.after"
fi
is "$((entries0 + 9 * 4))" "$(sql "SELECT count(*) FROM entries")" \
	"SQL texts: exactly the entries posted are there, none lost"
is "$((accounts0 + 9))" "$(sql "SELECT count(*) FROM accounts")" \
	"SQL texts: exactly the accounts imported are there"
run acct-db check
status_is 0 "SQL texts: acct-db check passes"

# where a field is a code, SQL text is no code: refused, quoted
s="Robert'); DROP TABLE accounts;--"
mk lp reason "$s"
refused lp "SQL text as a reason code" \
	"$F:3: column 'reason': '$s': no such reason (see 'acct-db reasons')"
mk aa reason "$s"
refused aa "SQL text as a reason code" \
	"$F:3: column 'reason': '$s': no such reason (see 'acct-db reasons')"
mk pp tender "$s"
refused pp "SQL text as a tender" \
	"$F:3: column 'tender': '$s': not cash, check, card or money-order"
mk ai rate_class "$s"
refused ai "SQL text as a rate class" \
	"$F:3: column 'rate_class': '$s': letters, digits, '-' and '_' only"
for p in lp ai pp aa; do
	mk $p account "$s"
	refused $p "SQL text as an account number" \
		"$F:3: column 'account': '$s': letters, digits and '-' only"
done

# SQL text through the other programs' text options and files
s="x'); DROP TABLE entries; --"
run acct-db clerks add sqlclerk --name "$s"
status_is 0 "acct-db clerks: SQL text in --name: added"
is "$s" "$(sql "SELECT name FROM clerks WHERE login = 'sqlclerk'")" \
	"acct-db clerks: SQL text in --name: stored verbatim"
printf 'code,description,customer_text,direction\nSQLX,"%s","%s",either\n' \
	"$s" "$s" > "$T/reasons.csv"
run acct-db reasons load "$T/reasons.csv"
status_is 0 "acct-db reasons load: SQL text in the texts: loaded"
is "$s|$s" "$(sql "SELECT description || '|' || customer_text FROM reasons WHERE code = 'SQLX'")" \
	"acct-db reasons load: SQL text in the texts: stored verbatim"
printf 'code,description,customer_text,direction\n"%s",x,y,either\n' \
	"$s" > "$T/reasons.csv"
store_dump > "$T/before"
run acct-db reasons load "$T/reasons.csv"
status_is 65 "acct-db reasons load: SQL text as a code: exit 65"
err_is "acct-db: $T/reasons.csv:2: column 'code': '$s': 1 to 16 capital letters, digits, '-' or '_'" \
	"acct-db reasons load: SQL text as a code: named"
unchanged "acct-db reasons load: SQL text as a code: nothing written"
printf 'day,name\n2026-12-24,"%s"\n' "$s" > "$T/holidays.csv"
run acct-db holidays load "$T/holidays.csv"
status_is 0 "acct-db holidays load: SQL text in a name: loaded"
is "$s" "$(sql "SELECT name FROM holidays WHERE day = '2026-12-24'")" \
	"acct-db holidays load: SQL text in a name: stored verbatim"
run acct-edit --name "$s" --mailing-address "$s" 1003
status_is 0 "acct-edit: SQL text in --name and --mailing-address: changed"
is "$s|$s" "$(sql "SELECT name || '|' || mailing_address FROM accounts WHERE number = '1003'")" \
	"acct-edit: SQL text: stored verbatim"
run acct-adjust --reason SQLX --memo "$s" 1003 -1
status_is 0 "acct-adjust: SQL text in --memo, with a reason whose texts are SQL: posted"
is "$s" "$(sql "SELECT memo FROM entries WHERE id = (SELECT max(id) FROM entries)")" \
	"acct-adjust: SQL text in --memo: stored verbatim"
run case-open --category billing --channel phone --summary "$s" 1003
status_is 0 "case-open: SQL text in --summary: opened"
case_number=$(sql "SELECT number FROM cases WHERE account = '1003'")
is "$s" "$(sql "SELECT summary FROM cases WHERE number = '$case_number'")" \
	"case-open: SQL text in --summary: stored verbatim"
run case-note --note "$s" "$case_number"
status_is 0 "case-note: SQL text in --note: added"
is "$s" "$(sql "SELECT note FROM case_notes WHERE case_number = '$case_number' ORDER BY id DESC LIMIT 1")" \
	"case-note: SQL text in --note: stored verbatim"
run contact-log --channel phone --note "$s" 1003
status_is 0 "contact-log: SQL text in --note: logged"
is "$s" "$(sql "SELECT note FROM contacts WHERE account = '1003' ORDER BY id DESC LIMIT 1")" \
	"contact-log: SQL text in --note: stored verbatim"
receipt=$(sql "SELECT number FROM receipts ORDER BY number LIMIT 1")
run pay-post --void "$receipt" --reason "$s" --approved-by boss --csv
status_is 0 "pay-post --void: SQL text in --reason: voided"
is "$s" "$(sql "SELECT reason FROM receipts WHERE voids = '$receipt'")" \
	"pay-post --void: SQL text in --reason: stored verbatim"
sql .schema > "$T/schema.after"
if cmp -s "$T/schema.before" "$T/schema.after"; then
	pass "SQL texts through options: the schema is unchanged"; else
	fail "SQL texts through options: the schema is unchanged"
	show_diff "$T/schema.before" "$T/schema.after"
fi
run acct-db check
status_is 0 "SQL texts through options: acct-db check passes"

# --- a field of 10 MB ------------------------------------------------------
ten_mb() { head -c 10485760 /dev/zero | tr '\0' x; }
# big P COLUMN: $T/in.csv with a 10 MB value in COLUMN of line 3 (quoted)
big() {
	{
		header "$1"
		if [ "$1" = ai ]; then row ai account H-good-big
		else row "$1" ref good-big; fi
		row "$1" ref bad-big "$2" @BIG@ | sed 's/@BIG@.*//' | tr -d '\n'
		ten_mb
		row "$1" ref bad-big "$2" @BIG@ | sed 's/.*@BIG@//'
	} > "$T/in.csv"
}
xs='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
big lp memo
refused lp "a 10 MB memo" "$F:3: column 'memo': longer than 500 bytes"
big lp ref
refused lp "a 10 MB ref" "$F:3: column 'ref': longer than 64 bytes"
big lp account
refused lp "a 10 MB account" "$F:3: column 'account': '$xs': longer than 20 characters"
big lp amount
refused lp "a 10 MB amount" "$F:3: column 'amount': '$xs': not a number"
big ai name
refused ai "a 10 MB name" "$F:3: column 'name': '$xs': longer than 200 bytes"
big ai service_address
refused ai "a 10 MB address" "$F:3: column 'service_address': '$xs': longer than 200 bytes"
big pp check_no
refused pp "a 10 MB check_no" "$F:3: column 'check_no': longer than 31 characters"
big pp ref
refused pp "a 10 MB ref" "$F:3: column 'ref': longer than 64 bytes"
big aa memo
refused aa "a 10 MB memo" "$F:3: column 'memo': longer than 500 bytes"
big aa reason
refused aa "a 10 MB reason" "$F:3: column 'reason': '$xs': no such reason (see 'acct-db reasons')"

# --- NUL bytes, invalid UTF-8, control characters --------------------------
memo_of() { case $1 in lp|aa) echo memo ;; ai) echo name ;; pp) echo check_no ;; esac; }
for p in lp ai pp aa; do
	c=$(memo_of $p)
	mk $p "$c" @NUL@
	sed '3s/@NUL@/a\x00b/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "a NUL byte in a field" "$F:3: column '$c': NUL byte"
	mk $p
	sed '1s/^account/acc\x00ount/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "a NUL byte in the header" "$F:1: field 1: NUL byte"
	mk $p
	printf '\000\n' >> "$T/in.csv"
	refused $p "a line of a NUL byte alone" "$F:4: column 'account': NUL byte"
	mk $p "$c" @BAD@
	sed '3s/@BAD@/caf\xc3/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "invalid UTF-8 (a sequence cut short)" "$F:3: column '$c': invalid UTF-8"
	mk $p "$c" @BAD@
	sed '3s/@BAD@/\xc0\xaf/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "invalid UTF-8 (an overlong slash)" "$F:3: column '$c': invalid UTF-8"
	mk $p "$c" @BAD@
	sed '3s/@BAD@/\xed\xa0\x80/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "invalid UTF-8 (a surrogate)" "$F:3: column '$c': invalid UTF-8"
	mk $p "$c" @BAD@
	sed '3s/@BAD@/\xf4\x90\x80\x80/' "$T/in.csv" > "$T/in.tmp" && mv "$T/in.tmp" "$T/in.csv"
	refused $p "invalid UTF-8 (beyond U+10FFFF)" "$F:3: column '$c': invalid UTF-8"
done

# control characters: refused where the value is a one-line text
for p in lp pp aa; do
	c=$(memo_of $p)
	mk $p "$c" "$(printf 'a\033[2Jb')"
	refused $p "an escape sequence in a text field" \
		"$F:3: column '$c': control characters are not allowed"
	err_no_escape "$(name_of $p): an escape sequence in a text field: not echoed"
	mk $p ref "$(printf 'a\rb')"
	refused $p "a carriage return in a quoted ref" \
		"$F:3: column 'ref': control characters are not allowed"
	mk $p ref "$(printf 'a\177b')"
	refused $p "a DEL in a ref" \
		"$F:3: column 'ref': control characters are not allowed"
done
mk ai name "$(printf 'a\033[2Jb')"
refused ai "an escape sequence in a name" \
	"$F:3: column 'name': 'a\\x1b[2Jb': control characters are not allowed"
err_no_escape "acct-import: an escape sequence in a name: not echoed"
mk ai name "$(printf 'a\nb')"
refused ai "a newline in a name" \
	"$F:3: column 'name': 'a\\x0ab': control characters are not allowed"
# A C1 control (U+0085, U+009B: a terminal's 8-bit CSI) is a control
# character as much as ESC is: acct-import refuses it; the ledger's texts
# must too (ledger_text_check lets C2 80..C2 9F through).
mk ai name "$(printf 'a\302\233b')"
refused ai "a C1 control (U+009B) in a name" \
	"$F:3: column 'name': 'a\\xc2\\x9bb': control characters are not allowed"
for p in lp aa; do
	mk $p memo "$(printf 'a\302\233b')"
	refused $p "a C1 control (U+009B) in a memo" \
		"$F:3: column 'memo': control characters are not allowed"
done
mk pp ref "$(printf 'a\302\205b')"
refused pp "a C1 control (U+0085) in a ref" \
	"$F:3: column 'ref': control characters are not allowed"
# A bidirectional override or isolate (U+202E, U+2066) makes a name or a
# memo display in another order than it is stored ("Trojan Source"): a
# control character too, refused, and shown escaped in the message
mk ai name "$(printf 'Ann \342\200\256EVOL')"
refused ai "a right-to-left override (U+202E) in a name" \
	"$F:3: column 'name': 'Ann \\xe2\\x80\\xaeEVOL': control characters are not allowed"
for p in lp aa; do
	mk $p memo "$(printf 'refund \342\201\246x')"
	refused $p "a left-to-right isolate (U+2066) in a memo" \
		"$F:3: column 'memo': control characters are not allowed"
done
mk pp ref "$(printf 'a\342\200\252b')"
refused pp "a left-to-right embedding (U+202A) in a ref" \
	"$F:3: column 'ref': control characters are not allowed"
# a file whose name holds an escape sequence: the name shown escaped in
# the message, never sent to the terminal
mk lp memo "$(printf 'a\033[2Jb')"
esc=$(printf 'in\033[2J.csv')
cp "$T/in.csv" "$T/$esc"
run $(cmd_of lp) "$T/$esc"
status_is 65 "a file name with an escape sequence: exit 65"
err_has "$T/in\\x1b[2J.csv:3: column 'memo'" "a file name with an escape sequence: shown escaped"
err_no_escape "a file name with an escape sequence: not sent as it is"
run $(cmd_of lp) "$T/$esc.none"
status_is 1 "a missing file whose name holds an escape sequence: exit 1"
err_no_escape "a missing file whose name holds an escape sequence: not sent as it is"
# a newline in a memo is allowed (documented: acct-adjust(1), --memo)
for p in lp aa; do
	mk $p memo "$(printf 'line one\nline two')"
	run $(cmd_of $p) "$T/in.csv"
	status_is 0 "$(name_of $p): a newline in a quoted memo: posted"
	is "line one
line two" "$(sql "SELECT memo FROM entries WHERE ref = 'bad-$n'")" \
		"$(name_of $p): a newline in a quoted memo: kept as written"
done

# --- the shape of the file -------------------------------------------------
for p in lp ai pp aa; do
	name=$(name_of $p)
	: > "$T/in.csv"
	refused $p "an empty file" "$F: empty file: a header row is needed"
	printf '\n\n\n' > "$T/in.csv"
	refused $p "blank lines alone" "$F: empty file: a header row is needed"

	mk $p
	sed '1s/$/,account/; 2s/$/,x/; 3s/$/,y/' "$T/in.csv" > "$T/in.tmp"
	mv "$T/in.tmp" "$T/in.csv"
	refused $p "a duplicate column name" "$F:1: duplicate column 'account'"

	mk $p
	sed '1s/$/,extra,extra/; 2s/$/,1,2/; 3s/$/,1,2/' "$T/in.csv" > "$T/in.tmp"
	mv "$T/in.tmp" "$T/in.csv"
	refused $p "a duplicate unknown column" "$F:1: duplicate column 'extra'"

	mk $p
	sed '1s/$/,/; 2s/$/,/; 3s/$/,/' "$T/in.csv" > "$T/in.tmp"
	mv "$T/in.tmp" "$T/in.csv"
	refused $p "an empty column name" "$F:1: empty column name"

	mk $p
	printf '"never closed,x\nmore, and more\n' >> "$T/in.csv"
	refused $p "a quote never closed" "$F:4: a quote is never closed"

	mk $p
	sed '3s/,"/,"a"b"/' "$T/in.csv" > "$T/in.tmp"; mv "$T/in.tmp" "$T/in.csv"
	refused $p "text after a closing quote" \
		"$F:3: column '$(set -- $(cols_of $p); echo "$2")': text after a closing quote"

	mk $p
	sed '3s/$/,"one too many"/' "$T/in.csv" > "$T/in.tmp"; mv "$T/in.tmp" "$T/in.csv"
	refused $p "a row with a field too many" \
		"$F:3: $(($(set -- $(cols_of $p); echo $#) + 1)) fields, the header has $(set -- $(cols_of $p); echo $#)"

	# a header alone: nothing posted; at most the run's audit line
	header $p > "$T/in.csv"
	store_dump | grep -v '^INSERT INTO audit' > "$T/before"
	run $(cmd_of $p) "$T/in.csv"
	status_is 0 "$name: a header alone: exit 0"
	store_dump | grep -v '^INSERT INTO audit' > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$name: a header alone: nothing but the audit line written"
	else fail "$name: a header alone: nothing but the audit line written"
		show_diff "$T/before" "$T/after"; fi

	# a BOM and CRLF line ends: read, and no CR kept in the last field
	mk $p
	{ printf '\357\273\277'; sed 's/$/\r/' "$T/in.csv"; } > "$T/in.tmp"
	mv "$T/in.tmp" "$T/in.csv"
	run $(cmd_of $p) "$T/in.csv"
	status_is 0 "$name: a BOM and CRLF line ends: exit 0"
	# the last column's value, where a CR kept would show
	case $p in
	ai) q="SELECT COALESCE(medical_until, '') FROM accounts WHERE number = 'H-good-$n'"
	    want= ;;
	lp) q="SELECT COALESCE(reason, '') FROM entries WHERE ref = 'good-$n'"
	    want= ;;
	pp) q="SELECT check_no FROM receipts r JOIN entries e ON e.id = r.entry WHERE e.ref = 'good-$n'"
	    want=1234 ;;
	aa) q="SELECT memo FROM entries WHERE ref = 'good-$n'"
	    want="a memo" ;;
	esac
	is "$want" "$(sql "$q")" "$name: a BOM and CRLF: the first column found, no CR kept"
done

# 10,000 columns: the four columns a program reads, and 9,996 it does not
wide() {	# P: header and one row of 10,000 fields
	awk -v h="$(header $1)" -v r="$(row $1 ref wide-$1 account 1004)" '
	BEGIN { k = split(h, a, ","); printf "%s", h
		for (i = k + 1; i <= 10000; i++) printf ",c%d", i
		printf "\n%s", r
		for (i = k + 1; i <= 10000; i++) printf ",%d", i
		printf "\n" }' > "$T/in.csv"
}
for p in lp pp aa; do
	wide $p
	run $(cmd_of $p) "$T/in.csv"
	status_is 0 "$(name_of $p): a header of 10,000 columns: read, the others passed by"
	is 1 "$(sql "SELECT count(*) FROM entries WHERE ref = 'wide-$p'")" \
		"$(name_of $p): a header of 10,000 columns: the row posted"
done
wide ai
refused ai "a header of 10,000 columns" "$F:1: column 'c10': no such account field"
awk 'BEGIN { printf "account"; for (i = 1; i < 10000; i++) printf ",c"; printf "\n" }' > "$T/in.csv"
for p in lp ai pp aa; do
	refused $p "10,000 columns of one name" "$F:1: duplicate column 'c'"
done
# a header past 65,536 columns is no acctkit file: refused before it is
# sorted; a row of a million fields is counted, not kept
awk -v h="$(header lp)" 'BEGIN { printf "%s", h; for (i = 9; i <= 100000; i++) printf ",c%d", i; printf "\n" }' > "$T/in.csv"
row lp ref c100000 >> "$T/in.csv"
refused lp "a header of 100,000 columns" "$F:1: more than 65536 columns"
{ header lp; row lp ref million | tr -d '\n'; head -c 1000000 /dev/zero | tr '\0' ,; echo; } > "$T/in.csv"
refused lp "a row of a million fields" "$F:2: 1000008 fields, the header has 8"

# --- amounts at and past the limit (money.h: 10^12 cents) ------------------
limit=10000000000.00
mk lp amount $limit ref limit-lp
run ledger-post "$T/in.csv"
status_is 0 "ledger-post: a charge at the limit: posted"
is 1000000000000 "$(sql "SELECT amount FROM entries WHERE ref = 'limit-lp'")" \
	"ledger-post: a charge at the limit: exact, in cents"
mk pp amount $limit ref limit-pp
run pay-post --batch --csv "$T/in.csv"
status_is 0 "pay-post: a payment at the limit: posted"
is -1000000000000 "$(sql "SELECT amount FROM entries WHERE ref = 'limit-pp'")" \
	"pay-post: a payment at the limit: exact, in cents"
mk aa amount -$limit ref limit-aa
run acct-adjust --batch --approved-by boss "$T/in.csv"
status_is 0 "acct-adjust: a credit at the limit, approved: posted"
is -1000000000000 "$(sql "SELECT amount FROM entries WHERE ref = 'limit-aa'")" \
	"acct-adjust: a credit at the limit: exact, in cents"
for v in 10000000000.01 -10000000000.01 99999999999999999999999999999999 \
    00000000000000000000000000000000010000000000.01; do
	for p in lp pp aa; do
		case $p:$v in
		lp:-*|pp:-*) continue ;;	# the sign is the kind's
		esac
		mk $p amount $v
		refused $p "amount $v" \
			"$F:3: column 'amount': '$v': beyond the limit of 10000000000.00"
	done
done
for v in 1.001 '1,000.00' '$1.00' ' 1.00' '1.00 ' 1e3 0x10 '' - . 1. .5 '+1.00' NaN; do
	case $v in 1.001|'1,000.00'|' 1.00') progs="lp pp aa" ;; *) progs=lp ;; esac
	for p in $progs; do
		mk $p amount "$v"
		run $(cmd_of $p) "$T/in.csv"
		status_is 65 "$(name_of $p): amount '$v': exit 65"
		err_has "$F:3: column 'amount': '$v': " "$(name_of $p): amount '$v': named"
	done
done

# --- dates -----------------------------------------------------------------
for v in 2026-00-10 2026-11-31 2025-02-29 2026-11-00; do
	mk lp posted_on $v
	refused lp "date $v" "$F:3: column 'posted_on': '$v': no such day"
done
for v in 2026-02-30 2026-13-01; do
	mk lp posted_on $v
	refused lp "date $v" "$F:3: column 'posted_on': '$v': no such day"
	mk pp paid_on $v
	refused pp "date $v" "$F:3: column 'paid_on': '$v': no such day"
	mk ai opened_on $v
	refused ai "date $v" "$F:3: column 'opened_on': '$v': no such day"
	store_dump > "$T/before"
	run acct-adjust --batch --date $v "$T/in.csv"
	status_is 2 "acct-adjust: --date $v: exit 2"
	err_is "acct-adjust: date '$v': no such day
Try 'acct-adjust --help'." "acct-adjust: --date $v: named"
	unchanged "acct-adjust: --date $v: nothing written"
done
for v in 0000-01-01 1899-12-31; do
	mk lp posted_on $v
	refused lp "date $v" "$F:3: column 'posted_on': '$v': before 1900"
	mk pp paid_on $v
	refused pp "date $v" "$F:3: column 'paid_on': '$v': before 1900"
	mk ai medical_until $v
	refused ai "date $v" "$F:3: column 'medical_until': '$v': before 1900"
done
for v in 2026-1-01 20261120 ' 2026-11-20' '2026-11-20 ' 2026-11-20T00:00 \
    -2026-11-20 +2026-11-20 2026/11/20 99999-01-01; do
	mk lp posted_on "$v"
	refused lp "date '$v'" "$F:3: column 'posted_on': '$v': not a date (YYYY-MM-DD)"
done
for v in 2026-1-01 ' 2026-11-20'; do
	mk pp paid_on "$v"
	refused pp "date '$v'" "$F:3: column 'paid_on': '$v': not a date (YYYY-MM-DD)"
done
mk lp posted_on 2026-11-28
refused lp "a date after the business date" \
	"$F:3: column 'posted_on': '2026-11-28': after the business date 2026-11-27"
mk lp posted_on 2024-02-29 ref leap
run ledger-post "$T/in.csv"
status_is 0 "ledger-post: 2024-02-29, a leap day: posted"

# --- account numbers -------------------------------------------------------
# each: the programs, a label, the value as printf's format (the programs
# share account_number_check: every value through one, some through all)
while read -r progs label fmt; do
	v=$(printf "$fmt")
	for p in $(echo "$progs" | tr , ' '); do
		name=$(name_of $p)
		mk $p account "$v"
		store_dump > "$T/before"
		run $(cmd_of $p) "$T/in.csv"
		status_is 65 "$name: an account with $label: exit 65"
		err_has "$F:3: column 'account': '" "$name: an account with $label: file, line and column named"
		err_has "': letters, digits and '-' only" "$name: an account with $label: why"
		err_no_escape "$name: an account with $label: not echoed raw"
		unchanged "$name: an account with $label: nothing written"
	done
done <<'EOF'
lp,ai,pp,aa a-space-inside 10\04004
lp a-leading-space \0401004
lp a-trailing-space 1004\040
lp,ai,pp,aa a-tab 10\t04
lp a-bell 10\00704
lp,ai,pp,aa an-escape 10\03304
lp a-delete 10\17704
lp,ai,pp,aa a-no-break-space 10\302\24004
lp a-newline 10\n04
lp a-carriage-return 10\r04
lp a-semicolon 1004;
lp a-quote 1004'
lp a-slash 10/04
lp dots ..
lp a-star *
lp a-percent %%
lp a-comma 1004,1005
lp an-accent \303\2511004
EOF
for p in lp ai pp aa; do
	mk $p account ''
	refused $p "an empty account" "$F:3: column 'account': '': empty"
	mk $p account 123456789012345678901
	refused $p "an account of 21 characters" \
		"$F:3: column 'account': '123456789012345678901': longer than 20 characters"
done
for p in lp pp aa; do
	mk $p account 9999
	refused $p "an unknown account" \
		"$F:3: column 'account': '9999': no such account$([ $p = pp ] && echo ' (--rejects FILE posts the rest)')"
done

# --- hostile values on the command line ------------------------------------
# One argument of 1 MB never reaches a program: the kernel refuses to run
# it (E2BIG, argument longer than 128 KiB).  The longest that does, 128 KiB
# less one byte, is refused cleanly, its value cut short in the message.
printf 'account,posted_on,kind,amount,ref\n1004,2026-11-20,charge,1.00,opt-1\n' > "$T/lp.csv"
mk pp; mv "$T/in.csv" "$T/pp.csv"
mk aa; mv "$T/in.csv" "$T/aa.csv"
big_arg=$(head -c 131071 /dev/zero | tr '\0' x)
store_dump > "$T/before"
( acct-adjust --memo "$(head -c 1048576 /dev/zero | tr '\0' x)" \
	--reason MR 1004 -1 ) >/dev/null 2>&1
is 126 "$?" "a 1 MB argument: not run at all (E2BIG)"
unchanged "a 1 MB argument: nothing written"
# usage P EXIT DESC MESSAGE ARGS...: refused with exit EXIT, nothing written
usage() {
	_name=$1 _st=$2 _desc=$3 _msg=$4; shift 4
	store_dump > "$T/before"
	run "$_name" "$@"
	status_is "$_st" "$_name: $_desc: exit $_st"
	if [ "$_st" = 2 ]; then
		err_is "$_name: $_msg
Try '$_name --help'." "$_name: $_desc: said"
	else
		err_is "$_name: $_msg" "$_name: $_desc: said"
	fi
	err_no_escape "$_name: $_desc: no escape echoed"
	unchanged "$_name: $_desc: nothing written"
}
x60=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...
esc=$(printf 'a\033[2Jb')
usage acct-adjust 2 "a 128 KiB --memo" "option --memo: longer than 500 bytes" \
	--memo "$big_arg" --reason MR 1004 -1
usage acct-adjust 2 "an escape in --memo" "option --memo: control characters are not allowed" \
	--memo "$esc" --reason MR 1004 -1
usage acct-adjust 2 "a carriage return in --memo" "option --memo: control characters are not allowed" \
	--memo "$(printf 'a\rb')" --reason MR 1004 -1
usage acct-adjust 2 "a 128 KiB --source" "option --source: longer than 64 bytes" \
	--batch --source "$big_arg" "$T/aa.csv"
usage acct-adjust 2 "an escape in --source" "option --source: control characters are not allowed" \
	--batch --source "$esc" "$T/aa.csv"
usage acct-adjust 1 "a 128 KiB --reason" "reason '$x60': no such reason (see 'acct-db reasons')" \
	--reason "$big_arg" 1004 -1
usage acct-adjust 1 "an escape in --reason" "reason 'a\\x1b[2Jb': no such reason (see 'acct-db reasons')" \
	--reason "$esc" 1004 -1
usage acct-adjust 2 "a 128 KiB --reverse" "option --reverse: '$x60': not an entry number" \
	--reverse "$big_arg"
usage acct-adjust 2 "a 128 KiB amount" "amount '$x60': not a number" \
	--reason MR 1004 "$big_arg"
usage acct-adjust 1 "a 128 KiB account" "account '$x60': no such account" \
	--reason MR "$big_arg" -1
usage acct-adjust 1 "an escape in the account" "account 'a\\x1b[2Jb': no such account" \
	--reason MR "$esc" -1
usage acct-adjust 2 "a 128 KiB --date" "date '$x60': not a date (YYYY-MM-DD)" \
	--date "$big_arg" --reason MR 1004 -1
usage acct-adjust 1 "an escape in --approved-by" \
	"account 1004: 500.00 is over $(id -un)'s limit of 100.00, and a\\x1b[2Jb is not a supervisor" \
	--approved-by "$esc" --reason MR 1004 -500
usage pay-post 2 "a 128 KiB --check-no" "option --check-no: longer than 31 characters" \
	--check-no "$big_arg" 1004 1
usage pay-post 2 "an escape in --check-no" "option --check-no: control characters are not allowed" \
	--check-no "$esc" 1004 1
usage pay-post 2 "a 128 KiB --tender" "option --tender: '$x60': not cash, check, card or money-order" \
	--tender "$big_arg" 1004 1
usage pay-post 2 "an escape in --tender" "option --tender: 'a\\x1b[2Jb': not cash, check, card or money-order" \
	--tender "$esc" 1004 1
usage pay-post 2 "a 128 KiB --reason" "option --reason: longer than 200 bytes" \
	--void R2026-000001 --reason "$big_arg"
usage pay-post 2 "an escape in --reason" "option --reason: control characters are not allowed" \
	--void R2026-000001 --reason "$esc"
usage pay-post 2 "a 128 KiB --source" "option --source: longer than 64 bytes" \
	--batch --source "$big_arg" "$T/pp.csv"
usage pay-post 2 "an escape in --source" "option --source: control characters are not allowed" \
	--batch --source "$esc" "$T/pp.csv"
usage pay-post 1 "an escape in --void" \
	"receipt a\\x1b[2Jb: only a supervisor may void a receipt, or approve the void (--approved-by)" \
	--void "$esc" --reason x
usage pay-post 1 "a 128 KiB account" "account '$x60': no such account" \
	"$big_arg" 1
usage pay-post 2 "a 128 KiB amount" "amount '$x60': not a number" \
	1004 "$big_arg"
usage ledger-post 2 "a 128 KiB --source" "option --source: longer than 64 bytes" \
	-s "$big_arg" "$T/lp.csv"
usage ledger-post 2 "an escape in --source" "option --source: control characters are not allowed" \
	-s "$esc" "$T/lp.csv"
usage ledger-post 2 "a 128 KiB --date" "date '$x60': not a date (YYYY-MM-DD)" \
	--date "$big_arg" "$T/lp.csv"
usage acct-import 2 "a 128 KiB --format" "option --format: '$x60': not csv or table" \
	--format "$big_arg" "$T/lp.csv"

# --- last, as its 1,000 entries make every dump after it slower ---------
# Balances: the sum of a batch is kept within 1,000 times the limit
# (money_add), and so must a balance be across batches.
acct-import >/dev/null 2>&1 <<EOF
account,name
H-BIG,Big Spender
EOF
awk 'BEGIN { print "account,posted_on,kind,amount,ref,source"
	for (i = 1; i <= 999; i++)
		printf "H-BIG,2026-11-20,charge,10000000000.00,big-%d,limit\n", i }' > "$T/in.csv"
run ledger-post "$T/in.csv"
status_is 0 "999 charges at the limit to one account: posted"
is 999000000000000 "$(sql "SELECT balance FROM accounts WHERE number = 'H-BIG'")" \
	"999 charges at the limit: the balance, exact"
printf 'account,posted_on,kind,amount,ref,source\nH-BIG,2026-11-20,charge,10000000000.00,big-1000,limit\n' > "$T/in.csv"
run ledger-post "$T/in.csv"
status_is 0 "a 1000th charge at the limit: the balance reaches 1,000 times the limit, posted"
awk 'BEGIN { print "account,posted_on,kind,amount,ref,source"
	print "1004,2026-11-20,charge,1.00,big-ok,limit"
	print "H-BIG,2026-11-20,charge,0.01,big-1001,limit" }' > "$T/in.csv"
refused lp "a balance past 1,000 times the limit, in a later batch" \
	"$F:3: column 'amount': the account's balance would overflow"
run acct-db check
status_is 0 "balances at the limit: acct-db check passes"

done_testing
