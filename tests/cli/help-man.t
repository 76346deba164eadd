#!/bin/sh
# --help and the man page agree, for every program the build makes (the
# bin_PROGRAMS of cmd/local.mk): each option of the page's SYNOPSIS is one
# --help lists and the program accepts; each option --help lists (but -h and
# --version) is in the SYNOPSIS; and the usage of --help names the same
# options as the SYNOPSIS.  Both sides are parsed, neither is written here.
. "$top_srcdir/tests/cli/lib.sh"

programs=$(sed -n '/^bin_PROGRAMS/,/[^\\]$/p' "$top_srcdir/cmd/local.mk" |
	tr ' \t\\' '\n\n\n' | sed -n 's|^cmd/||p')
[ -n "$programs" ] || { echo "Bail out! no bin_PROGRAMS in cmd/local.mk"; exit 1; }

# The options of a page's SYNOPSIS, one a line: ".Op Fl d Ar FILE" is -d,
# ".Fl -format Cm csv" is --format, ".Fl nv" is -n and -v.
synopsis_options() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$1" | awk '{
		sub(/^\./, "")
		for (i = 1; i <= NF; i++) {
			if ($i != "Fl") continue
			for (j = i + 1; j <= NF; j++) {
				w = $j
				if (w ~ /^[A-Z][a-z][a-z]?$/ || w ~ /^[][|,;:.()]$/) break
				if (w ~ /^-/) print "-" w
				else for (k = 1; k <= length(w); k++) print "-" substr(w, k, 1)
			}
		}
	}' | sort -u
}

# The option lines of --help's "Options:", as "SHORT LONG" ("-" for none):
# "  -d, --db FILE   the store" is "-d --db".
help_option_lines() {
	awk '/^Options:/ { o = 1; next }
	o && /^ +-/ {
		match($0, /^ +/)
		if (RLENGTH > 8) next	# a description that starts with a dash
		s = "-"; l = "-"
		for (i = 1; i <= NF; i++) {
			w = $i; sub(/,$/, "", w)
			if (w ~ /^--[A-Za-z0-9]/) l = w
			else if (w ~ /^-[A-Za-z0-9]$/) s = w
			else break
		}
		print s, l
	}' "$1"
}

# The options named in --help's usage lines (up to the first line that does
# not start with "Usage:" or a blank), one a line.
usage_options() {
	awk 'NR == 1 || /^ / { print; next } { exit }' "$1" |
		grep -oE '(^|[][ |(])--?[A-Za-z0-9][A-Za-z0-9-]*' |
		sed 's/^[][ |(]//' | sort -u
}

cd "$T" || exit 1
for p in $programs; do
	page=$top_srcdir/man/$p.1
	if [ ! -f "$page" ]; then
		fail "$p: man/$p.1 is there"
		continue
	fi
	run "$p" --help
	status_is 0 "$p --help: exit 0"
	if head -n 1 "$T/out" | grep -q '^Usage: '; then
		pass "$p --help: starts with its usage"
	else
		fail "$p --help: starts with its usage"
	fi
	cp "$T/out" "$T/help"
	synopsis_options "$page" >"$T/synopsis"
	help_option_lines "$T/help" >"$T/lines"
	tr ' ' '\n' <"$T/lines" | grep -v '^-$' | sort -u >"$T/listed"

	# each option of the SYNOPSIS: listed by --help, accepted by getopt
	while read -r opt; do
		if grep -qxF -- "$opt" "$T/listed"; then
			pass "$p: $opt of the SYNOPSIS is in --help"
		else
			fail "$p: $opt of the SYNOPSIS is in --help"
		fi
		case $opt in --*) ;; *) continue ;; esac
		# "--opt=1 --help": getopt takes --opt (its value or "doesn't
		# allow an argument") and stops at --help; nothing is opened
		"$p" "$opt=1" --help </dev/null >/dev/null 2>"$T/err"
		if grep -qE 'unrecognized option|is ambiguous' "$T/err"; then
			fail "$p: $opt is accepted"
			sed 's/^/# /' "$T/err" | head -n 2
		else
			pass "$p: $opt is accepted"
		fi
	done <"$T/synopsis"

	# each option --help lists, by either name, is in the SYNOPSIS
	while read -r short long; do
		case $long in --help | --version) continue ;; esac
		name="$short, $long"
		case $name in "-, "*) name=$long ;; *", -") name=$short ;; esac
		if grep -qxF -e "$short" -e "$long" "$T/synopsis"; then
			pass "$p: $name of --help is in the SYNOPSIS"
		else
			fail "$p: $name of --help is in the SYNOPSIS"
		fi
	done <"$T/lines"

	# the usage of --help is the SYNOPSIS
	usage_options "$T/help" >"$T/usage"
	if cmp -s "$T/synopsis" "$T/usage"; then
		pass "$p: the usage of --help names the options of the SYNOPSIS"
	else
		fail "$p: the usage of --help names the options of the SYNOPSIS"
		diff "$T/synopsis" "$T/usage" | grep '^[<>]' |
			sed 's/^</# only in the SYNOPSIS:/; s/^>/# only in the usage:/'
	fi
done

done_testing
