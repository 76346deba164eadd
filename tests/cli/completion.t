#!/bin/sh
# Bash completion (completion/acct, built from completion/acctkit.bash): it is
# registered for every program of the build, offers each program's long
# options as its --help lists them, and completes values and operands: --format
# values, acct-db's commands, policy keys, reason codes, affidavit kinds,
# acct-report kinds, clerks' roles, the file acct-db restore takes (BACKUP),
# the adjustments held for approval (acct-adjust --approve, --reject),
# and account numbers from the store once two characters are typed, kept for
# a while.  Skipped without bash or bash-completion.
. "$top_srcdir/tests/cli/lib.sh"

bash_completion=
for dir in "$(pkg-config --variable=datadir bash-completion 2>/dev/null)" \
	/usr/share /usr/local/share; do
	if [ -n "$dir" ] && [ -f "$dir/bash-completion/bash_completion" ]; then
		bash_completion=$dir/bash-completion/bash_completion
		break
	fi
done
if ! command -v bash >/dev/null 2>&1 || [ -z "$bash_completion" ]; then
	echo "1..0 # SKIP bash-completion is not installed"
	exit 0
fi
completion=$top_builddir/completion/acct
[ -f "$completion" ] || { echo "Bail out! $completion is not built"; exit 1; }
programs=$(sed -n '/^bin_PROGRAMS/,/[^\\]$/p' "$top_srcdir/cmd/local.mk" |
	tr ' \t\\' '\n\n\n' | sed -n 's|^cmd/||p')

make_store
cd "$T" || exit 1
: >"$T/cases"

# case WORD... : the completion of the last word (a trailing "" for an empty
# one), as one line of candidates, sorted, in $T/results
case_() { printf '%s\n' "$*" >>"$T/cases"; }
# shell LINE: a command run in the same shell between cases
shell() { printf '!%s\n' "$*" >>"$T/cases"; }

cat >"$T/complete.bash" <<'EOF'
. "$1"
. "$2"
while IFS= read -r line; do
	if [[ $line == '!'* ]]; then
		eval "${line#!}"
		continue
	fi
	read -ra COMP_WORDS <<<"$line"
	[[ $line == *' ' ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	spec=$(complete -p "${COMP_WORDS[0]##*/}" 2>/dev/null)
	if [[ $spec =~ -F\ ([^ ]+) ]]; then
		"${BASH_REMATCH[1]}" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
			"${COMP_WORDS[COMP_CWORD - 1]}"
		printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
		echo
	else
		echo "(no completion)"
	fi
done
EOF

# every program: registered, and its long options offered
for p in $programs; do
	case_ "$p --"
done
case_ "acct "
case_ "acct-show --format "
case_ "acct-show --format=t"
case_ "acct-db "
case_ "acct-db policy bill."
case_ "acct-db -d $T/none.db policy bill."
case_ "acct-adjust --reason "
case_ "affidavit --kind "
case_ "acct-report "
case_ "acct-db clerks add pat --role "
case_ "acct-db reasons "
acct-db backup "$T/backup-2026-11-27.db" 2>/dev/null
case_ "acct-db restore backup-"
acct-adjust --hold --reason MR 1002 -150.00 >/dev/null 2>&1
acct-adjust --hold --reason MR 1003 -120.00 >/dev/null 2>&1
case_ "acct-adjust --approve "
case_ "acct-adjust --reject H2026-000002 --reason "
case_ "pay-post 1001 "
case_ "acct-show 1"
case_ "acct-show 100"
case_ "acct show 100"
case_ "case-list --account 100"
case_ "acct-show --history 1001 100"
shell "acct-import $T/more.csv >/dev/null 2>&1"
case_ "acct-show 100"
shell "ACCTKIT_COMPLETION_TTL=0"
case_ "acct-show 100"
printf 'account,name\n1006,Fay Fox\n' >"$T/more.csv"

bash "$T/complete.bash" "$bash_completion" "$completion" <"$T/cases" \
	>"$T/results" 2>"$T/err"
err_empty "the completion says nothing on stderr"
# the next line of the results (read from one descriptor, so that it moves
# on even from a command substitution)
exec 3<"$T/results"
result() { IFS= read -r line <&3; printf '%s\n' "$line"; }

for p in $programs; do
	want=$("$p" --help | awk '/^Options:/ { o = 1; next }
		o && /^ +-/ && match($0, /^ +/) && RLENGTH <= 8 {
			for (i = 1; i <= NF; i++) {
				w = $i; sub(/,$/, "", w)
				if (w !~ /^-/) break
				if (w ~ /^--/) print w
			}
		}' | sort -u | tr '\n' ' ' | sed 's/ $//')
	is "$want" "$(result)" "$p --<TAB>: the long options of its --help"
done

got=$(result)
ok=1
for p in $programs; do
	[ "$p" = acct ] && continue
	case " $got " in *" ${p#acct-} "*) ;; *) ok=0; echo "# missing: ${p#acct-}" ;; esac
done
case " $got " in *" help "*) ;; *) ok=0; echo "# missing: help" ;; esac
is 1 "$ok" "acct <TAB>: every program by its short name, and help"
is "csv table" "$(result)" "acct-show --format <TAB>"
is "table" "$(result)" "acct-show --format=t<TAB>"
is "backup check clerks holidays init migrate policy reasons restore" "$(result)" \
	"acct-db <TAB>: its commands, from its --help"
is "bill.due_days" "$(result)" "acct-db policy bill.<TAB>: a policy key of the store"
is "" "$(result)" "acct-db -d NONE policy bill.<TAB>: the store named, none there"
want=$(acct-db --format csv reasons | sed '1d; s/,.*//' | sort | tr '\n' ' ' |
	sed 's/ $//')
is "$want" "$(result)" "acct-adjust --reason <TAB>: the store's reason codes"
is "hardship identity medical statement tenant" "$(result)" \
	"affidavit --kind <TAB>: the kinds its --help names"
got=$(result)
case " $got " in *" aging "*" receipts "*) pass "acct-report <TAB>: its kinds" ;;
*) fail "acct-report <TAB>: its kinds"; echo "# got: $got" ;; esac
is "clerk supervisor" "$(result)" "acct-db clerks add LOGIN --role <TAB>"
is "load" "$(result)" "acct-db reasons <TAB>: the word of the command's line"
is "backup-2026-11-27.db" "$(result)" "acct-db restore backup-<TAB>: BACKUP is a file"
is "H2026-000001 H2026-000002" "$(result)" \
	"acct-adjust --approve <TAB>: the adjustments held for approval"
is "" "$(result)" "acct-adjust --reject NUMBER --reason <TAB>: free text, nothing offered"
is "" "$(result)" "pay-post ACCOUNT <TAB>: an amount, nothing to offer"
is "" "$(result)" "acct-show 1<TAB>: no accounts before two characters"
is "1001 1002 1003 1004 1005" "$(result)" "acct-show 100<TAB>: the store's accounts"
is "1001 1002 1003 1004 1005" "$(result)" "acct show 100<TAB>: through acct"
is "1001 1002 1003 1004 1005" "$(result)" "case-list --account 100<TAB>"
is "1001 1002 1003 1004 1005" "$(result)" "acct-show --history 1001 100<TAB>: again"
is "1001 1002 1003 1004 1005" "$(result)" "an account imported since: not yet, the list is kept"
is "1001 1002 1003 1004 1005 1006" "$(result)" "with ACCTKIT_COMPLETION_TTL=0: there"

done_testing
