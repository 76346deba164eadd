#!/bin/sh
# The CSV reader through a program (acct-import, ledger-post): the csv-spectrum
# files, and hostile input: wide headers, huge fields, NUL bytes, bad UTF-8,
# duplicate columns, empty files.  Each is refused cleanly (exit 65, a clear
# message, nothing written) or handled.
. "$top_srcdir/tests/cli/lib.sh"
make_store


# csv-spectrum: none has an account column, so each is refused at its header
spectrum=$top_srcdir/tests/fixtures/csv-spectrum/csvs
n=0
for f in "$spectrum"/*.csv; do
	name=${f##*/}
	n=$((n + 1))
	store_dump > "$T/before"
	run acct-import < "$f"
	status_is 65 "csv-spectrum $name on stdin: exit 65, no crash"
	err_is "acct-import: stdin:1: no 'account' column" "csv-spectrum $name: the missing column named"
	out_empty "csv-spectrum $name: nothing printed"
	unchanged "csv-spectrum $name: the store is unchanged"
done
is 12 "$n" "all twelve csv-spectrum files were read"

# input: text on stdin to acct-import, refused
refused() {	# DESC MESSAGE (the file is $T/in.csv)
	store_dump > "$T/before"
	run acct-import < "$T/in.csv"
	status_is 65 "$1: exit 65"
	err_is "acct-import: $2" "$1: a clear message"
	out_empty "$1: nothing printed"
	unchanged "$1: nothing written"
}

awk 'BEGIN { printf "account"; for (i = 1; i < 10000; i++) printf ",c%d", i; printf "\n1001" ; for (i = 1; i < 10000; i++) printf ",x"; printf "\n" }' > "$T/in.csv"
refused "a header of 10,000 columns" "stdin:1: column 'c1': no such account field"

awk 'BEGIN { printf "account,posted_on,kind,amount,ref,source"; for (i = 7; i <= 10000; i++) printf ",c%d", i; printf "\n1004,2026-11-20,charge,1.00,W1,wide"; for (i = 7; i <= 10000; i++) printf ",%d", i; printf "\n" }' > "$T/wide.csv"
store_dump > "$T/before"
run ledger-post -n "$T/wide.csv"
status_is 0 "a row of 10,000 fields: read (ledger-post passes unknown columns by)"
err_is "ledger-post: dry run: would post 1, already posted 0" "a row of 10,000 fields: its row posted (dry run)"
unchanged "a row of 10,000 fields, dry run: nothing written"

awk 'BEGIN { printf "account,posted_on,kind,amount,ref,source"; for (i = 7; i <= 10000; i++) printf ",c%d", i; printf "\n1004,2026-11-20,charge,1.00,W1,wide"; for (i = 7; i < 10000; i++) printf ",%d", i; printf "\n" }' > "$T/wide.csv"
run ledger-post "$T/wide.csv"
status_is 65 "a row one field short of 10,000: exit 65"
err_is "ledger-post: $T/wide.csv:2: 9999 fields, the header has 10000" "a row one field short of 10,000: counted"
unchanged "a row one field short of 10,000: nothing written"

{ printf 'account,name\n1001,'; head -c 10485760 /dev/zero | tr '\0' x; printf '\n'; } > "$T/in.csv"
refused "a 10 MB field" "stdin:2: column 'name': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...': longer than 200 bytes"

{ printf 'account,name\n1001,"'; head -c 10485760 /dev/zero | tr '\0' x; printf '"\n'; } > "$T/in.csv"
refused "a 10 MB quoted field" "stdin:2: column 'name': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...': longer than 200 bytes"

printf 'account,name\n1001,Ann\000Able\n' > "$T/in.csv"
refused "a NUL byte in a field" "stdin:2: column 'name': NUL byte"

printf 'acc\000ount,name\n1001,x\n' > "$T/in.csv"
refused "a NUL byte in the header" "stdin:1: field 1: NUL byte"

printf 'account,name\n1001,Ann\377Able\n' > "$T/in.csv"
refused "invalid UTF-8 (a stray byte)" "stdin:2: column 'name': invalid UTF-8"

printf 'account,name\n1001,Caf\303\n' > "$T/in.csv"
refused "invalid UTF-8 (a sequence cut short)" "stdin:2: column 'name': invalid UTF-8"

printf 'account,name\n1001,\300\257\n' > "$T/in.csv"
refused "invalid UTF-8 (an overlong form)" "stdin:2: column 'name': invalid UTF-8"

printf 'account,name\n1001,\355\240\200\n' > "$T/in.csv"
refused "invalid UTF-8 (a surrogate)" "stdin:2: column 'name': invalid UTF-8"

printf 'account,name,name\n1001,Ann,Able\n' > "$T/in.csv"
refused "a duplicate column name" "stdin:1: duplicate column 'name'"

printf 'account,account\n1001,1002\n' > "$T/in.csv"
refused "a duplicate account column" "stdin:1: duplicate column 'account'"

printf 'account,,name\n1001,,x\n' > "$T/in.csv"
refused "an empty column name" "stdin:1: empty column name"

: > "$T/in.csv"
refused "an empty file" "stdin: empty file: a header row is needed"

printf '\n\n' > "$T/in.csv"
refused "blank lines alone" "stdin: empty file: a header row is needed"

printf 'account,name\n1001,Ann "A" Able\n' > "$T/in.csv"
refused "a quote in an unquoted field" "stdin:2: column 'name': a quote in an unquoted field"

printf 'account,name\n1001,"Ann" Able\n' > "$T/in.csv"
refused "text after a closing quote" "stdin:2: column 'name': text after a closing quote"

printf 'account,name\n1001,"Ann Able\n' > "$T/in.csv"
refused "a quote never closed" "stdin:2: a quote is never closed"

printf 'account,name\r1001,x\r' > "$T/in.csv"
refused "bare carriage returns for line ends" "stdin:1: a carriage return in an unquoted field"

# handled
printf 'account,name\n' > "$T/in.csv"
store_dump | grep -v '^INSERT INTO audit' > "$T/before"
run acct-import < "$T/in.csv"
status_is 0 "a header alone: exit 0"
out_is 'account,action,changes' "a header alone: no rows"
err_is "acct-import: 0 new, 0 updated, 0 unchanged" "a header alone: 0 new"
store_dump | grep -v '^INSERT INTO audit' > "$T/after"
if cmp -s "$T/before" "$T/after"; then pass "a header alone: no account written"; else
	fail "a header alone: no account written"; show_diff "$T/before" "$T/after"
fi

printf 'account,name' > "$T/in.csv"
run acct-import < "$T/in.csv"
status_is 0 "a header without a newline: exit 0"
err_is "acct-import: 0 new, 0 updated, 0 unchanged" "a header without a newline: 0 new"

printf '\357\273\277account,name\r\n1001,Ann Able\r\n' > "$T/in.csv"
run acct-import -n < "$T/in.csv"
status_is 0 "a BOM and CRLF: exit 0"
err_is "acct-import: dry run: would make 0 new, 0 updated, 1 unchanged" "a BOM and CRLF: the account column found, no CR in the name"

printf 'account,name\n\n1001,Ann Able\n\n' > "$T/in.csv"
run acct-import -n < "$T/in.csv"
status_is 0 "blank lines between rows: exit 0"
err_is "acct-import: dry run: would make 0 new, 0 updated, 1 unchanged" "blank lines between rows: skipped"

printf 'account,name\n1001,Caf\303\251 \342\202\254 \360\237\222\247\n' > "$T/in.csv"
run acct-import -n < "$T/in.csv"
status_is 0 "UTF-8 of two, three and four bytes: exit 0"
out_is "account,action,changes
1001,updated,name 'Ann Able' -> 'Caf$(printf '\303\251 \342\202\254 \360\237\222\247')'" "UTF-8 of two, three and four bytes: read as written"

printf 'account,name,mailing_address\n"1001","Ann ""A"" Able","PO Box 1, Elm St"\n' > "$T/in.csv"
run acct-import -n < "$T/in.csv"
status_is 0 "quoted fields with quotes and commas: exit 0"
out_is "account,action,changes
1001,updated,\"name 'Ann Able' -> 'Ann \"\"A\"\" Able'; mailing_address '' -> 'PO Box 1, Elm St'\"" "quoted fields with quotes and commas: read as written, written back quoted"

done_testing
