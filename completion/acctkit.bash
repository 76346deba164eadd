# bash completion for acctkit's programs                   -*- shell-script -*-
#
# Installed as "acct" in bash-completion's completions directory, with a
# symbolic link to it under the name of every other program, so that
# bash-completion loads it at the first TAB after any of them.  The build
# writes the programs' names into _acctkit_programs.
#
# What a program takes is read from its --help, once a shell, the first time
# it is completed; so the completion is the program's own, whatever its
# version.  From --help come: the options and which of them take a value;
# the values written a|b|c (--format csv|table); the sections of names
# (Commands:, Kinds:, or "Kinds: a, b, c" in the text); the operands of each
# form of the usage, and of each command.  A value or operand is completed
# by its name:
#
#   FILE, BACKUP, DIR   files (BACKUP: acct-db restore), directories
#   ACCOUNT (--account) account numbers: acct-list's account column, once
#                       two characters are typed
#   KEY                 policy keys: acct-db policy
#   CODE                adjustment reason codes: acct-db reasons
#   LOGIN               clerks' logins: acct-db clerks
#   NUMBER of --approve and --reject
#                       the adjustments held for approval: acct-adjust --held
#                       (asked each time: they come and go)
#   COMMAND, KIND, ...  the names of the section of that name in --help
#
# What comes from the store is asked of the store given on the command line
# (-d, --db), else $ACCTKIT_DB, else the default store, and kept for
# $ACCTKIT_COMPLETION_TTL seconds (default 300; 0 asks each time): an account
# imported a minute ago may not be offered yet.

_acctkit_programs='@ACCTKIT_PROGRAMS@'

declare -gA _acctkit_spec_cache=() _acctkit_store_cache=() _acctkit_store_time=()

# The --help of a program, boiled down to lines of words:
#   o SHORT LONG ARG    an option ("-" where it has none)
#   a OPTION VALUE...   the values of an option written a|b|c
#   s NAME ITEM...      a section of names (Commands: is s COMMAND ...)
#   c COMMAND WORD...   the operands of a command of the Commands section
#   p COMMAND OPTION... the options a command's line names
#   f REQUIRED... ; OPERAND...   a form of the usage: the options it needs,
#                       then its operands
_acctkit_parse_help()
{
	awk '
	function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
	function isopt(t) { return t ~ /^--?[A-Za-z0-9]/ }
	# the options and values of a usage or a command line: "a" lines
	function alternatives(text,   n, t, i, v) {
		n = split(text, t, " ")
		for (i = 1; i < n; i++) {
			gsub(/^\[+/, "", t[i]); v = t[i + 1]; gsub(/\]+$/, "", v)
			if (isopt(t[i]) && v ~ /^[a-z0-9][a-z0-9-]*(\|[a-z0-9][a-z0-9-]*)+$/) {
				gsub(/\|/, " ", v); print "a", t[i], v
			}
		}
	}
	# the operands of text, without the options and their values; the
	# options outside brackets (and not alternatives) go to required
	function operands(text,   n, t, i, w, depth, nclose, kind, skip, alt, ops, last) {
		n = split(text, t, " "); depth = 0; skip = 0; ops = ""; required = ""
		for (i = 1; i <= n; i++) {
			w = t[i]
			while (substr(w, 1, 1) == "[") {
				depth++; w = substr(w, 2)
				kind[depth] = isopt(w) || w == "" ? "opt" : "operand"
				if (kind[depth - 1] == "opt") kind[depth] = "opt"
			}
			nclose = 0
			while (w ~ /\]$/) { nclose++; w = substr(w, 1, length(w) - 1) }
			if (w == "" || kind[depth] == "opt") {
			} else if (w == "|") {
				# alternatives: neither side is required
				if (depth == 0 && last != "")
					sub(" " last "$", "", required)
				alt = 1
			} else if (isopt(w)) {
				last = ""
				if (depth == 0 && !alt) {
					required = required " " w; last = w
				}
				if (w in known) skip = w in takes
				else skip = i < n && t[i + 1] ~ /^[A-Z]|\|/
				alt = 0
			} else if (skip) {
				skip = 0
			} else {
				ops = ops " " w; alt = 0; last = ""
			}
			depth -= nclose
			if (depth < 0) depth = 0
		}
		return ops
	}
	# the words of an item of a section up to its description: the first
	# word outside brackets that is not an operand or an option
	function synopsis(text,   n, t, i, w, depth, out) {
		n = split(text, t, " "); depth = 0; out = t[1]
		for (i = 2; i <= n; i++) {
			w = t[i]
			if (depth == 0 && w ~ /^[a-z(]/) break
			out = out " " w
			depth += gsub(/\[/, "[", w) - gsub(/\]/, "]", w)
		}
		return out
	}
	{ line[NR] = $0 }
	END {
		# options: "  -d, --db FILE   the store", "      --csv   ..."
		for (i = 1; i <= NR; i++) {
			if (line[i] == "Options:") { inopt = 1; continue }
			if (!inopt || line[i] !~ /^ +-/) continue
			match(line[i], /^ +/)
			if (RLENGTH > 8) continue
			spec = trim(line[i]); k = index(spec, "  ")
			if (k) spec = substr(spec, 1, k - 1)
			n = split(spec, t, " "); s = "-"; l = "-"; a = "-"
			for (j = 1; j <= n; j++) {
				w = t[j]; sub(/,$/, "", w)
				if (w ~ /^--/) l = w
				else if (w ~ /^-[A-Za-z0-9]$/) s = w
				else if (a == "-") a = w
			}
			print "o", s, l, a
			known[s] = known[l] = 1
			if (a != "-") { if (s != "-") takes[s] = 1; if (l != "-") takes[l] = 1 }
		}
		# sections: a line "Name:" then lines "  item   ..."; items may
		# wrap, their continuation starting with "["
		for (i = 1; i <= NR; i++) {
			if (line[i] !~ /^[A-Z][a-z]*:$/ || line[i] == "Options:") continue
			name = toupper(substr(line[i], 1, length(line[i]) - 2))
			items = ""
			for (j = i + 1; j <= NR && line[j] != ""; j++) {
				if (line[j] ~ /^  [a-z]/) {
					spec = trim(line[j])
					for (m = j + 1; m <= NR && line[m] ~ /^  +\[/; m++)
						spec = spec " " trim(line[m])
					spec = synopsis(spec)
					split(spec, t, " "); items = items " " t[1]
					rest = substr(spec, length(t[1]) + 1)
					alternatives(rest)
					print "c", t[1] operands(rest)
					opts = ""
					n = split(rest, u, " ")
					for (m = 1; m <= n; m++) {
						w = u[m]; gsub(/[][]/, "", w)
						if (isopt(w)) opts = opts " " w
					}
					if (opts != "") print "p", t[1] opts
				}
			}
			print "s", name items
		}
		# names given in the text: "Kinds: tenant, identity or medical;"
		text = ""
		for (i = 1; i <= NR; i++) text = text " " line[i]
		while (match(text, /[A-Z][a-z]+: [a-z]/)) {
			name = substr(text, RSTART, RLENGTH - 3)
			text = substr(text, RSTART + RLENGTH - 1)
			n = split(text, t, " "); items = ""
			for (j = 1; j <= n; j++) {
				w = t[j]
				if (w == "or" || w == "and") continue
				gsub(/[,;.)]$/, "", w)
				if (w !~ /^[a-z][a-z0-9_-]*$/) break
				items = items " " w
				if (t[j] ~ /[;.)]$/) break
				if (t[j] !~ /,$/ && t[j + 1] != "or" && t[j + 1] != "and") break
			}
			if (name ~ /s$/) name = substr(name, 1, length(name) - 1)
			if (items ~ / .* /) print "s", toupper(name) items
		}
		# the forms of the usage: "Usage: PROG ..." and lines under it
		# that start with the program again
		if (line[1] !~ /^Usage: /) exit
		split(line[1], t, " "); base = t[2]; sub(/.*\//, "", base)
		nforms = 0
		for (i = 1; i <= NR; i++) {
			if (i > 1 && line[i] !~ /^ /) break
			l = trim(line[i]); sub(/^Usage: /, "", l)
			split(l, t, " "); w = t[1]; sub(/.*\//, "", w)
			if (w == base) form[++nforms] = substr(l, length(t[1]) + 1)
			else form[nforms] = form[nforms] " " l
		}
		for (i = 1; i <= nforms; i++) {
			alternatives(form[i])
			ops = operands(form[i])
			print "f" required " ;" ops
		}
	}'
}

# The parsed --help of program $1, in the array _acctkit_spec; 1 if none.
_acctkit_load()
{
	local prog=$1
	if [[ ! -v _acctkit_spec_cache[$prog] ]]; then
		_acctkit_spec_cache[$prog]=$(LC_ALL=C "$prog" --help 2>/dev/null |
			_acctkit_parse_help)
	fi
	mapfile -t _acctkit_spec <<<"${_acctkit_spec_cache[$prog]}"
	[[ ${_acctkit_spec[*]} ]]
}

# The store the command line names, as arguments for another program.
_acctkit_db_args()
{
	local i w
	_acctkit_db=()
	for ((i = 1; i < ${#words[@]}; i++)); do
		w=${words[i]}
		case $w in
		-d | --db) ((i + 1 < cword)) && _acctkit_db=(--db "${words[i + 1]}") ;;
		--db=*) _acctkit_db=(--db "${w#--db=}") ;;
		-d?*) _acctkit_db=(--db "${w#-d}") ;;
		esac
	done
	# as the shell will expand it when the command runs
	[[ ${_acctkit_db[1]-} == '~/'* ]] && _acctkit_db[1]=$HOME/${_acctkit_db[1]#'~/'}
}

# The values of one column of another program's CSV, from the store: kind is
# accounts, policy, reasons, clerks or held.  Kept for a while, by store;
# the adjustments held for approval, which come and go, are not kept.
_acctkit_store_values()
{
	local kind=$1 dir="" key now column ttl=${ACCTKIT_COMPLETION_TTL:-300}
	local -a cmd
	[[ ${words[0]} == */* ]] && dir=${words[0]%/*}/
	_acctkit_db_args
	key="$kind|$dir|${_acctkit_db[*]}|${ACCTKIT_DB-}"
	now=${EPOCHSECONDS:-$(date +%s)}
	[[ $kind == held ]] && ttl=0
	if [[ ! -v _acctkit_store_cache[$key] ]] ||
		((now - ${_acctkit_store_time[$key]} >= ttl)); then
		case $kind in
		accounts) cmd=("${dir}acct-list") column=account ;;
		policy) cmd=("${dir}acct-db" policy) column=key ;;
		reasons) cmd=("${dir}acct-db" reasons) column=code ;;
		clerks) cmd=("${dir}acct-db" clerks) column=login ;;
		held) cmd=("${dir}acct-adjust" --held) column=number ;;
		esac
		_acctkit_store_cache[$key]=$(ACCTKIT_BUSY_TIMEOUT=1 \
			"${cmd[0]}" "${_acctkit_db[@]}" --format csv "${cmd[@]:1}" \
			2>/dev/null </dev/null | awk -v name="$column" '
			# field k of a CSV line, its quotes undone
			function field(s, k,   i, n, c, q, f) {
				n = 1; q = 0; f = ""
				for (i = 1; i <= length(s); i++) {
					c = substr(s, i, 1)
					if (q && c == "\"" && substr(s, i + 1, 1) == "\"") { f = f c; i++ }
					else if (c == "\"") q = !q
					else if (c == "," && !q) { if (n == k) return f; n++; f = "" }
					else f = f c
				}
				return n == k ? f : ""
			}
			{ sub(/\r$/, "") }
			NR == 1 { for (k = 1; field($0, k) != "" || k == 1; k++)
					if (field($0, k) == name) break
				  if (field($0, k) != name) exit
				  next }
			{ print field($0, k) }')
		_acctkit_store_time[$key]=$now
	fi
	_acctkit_values=${_acctkit_store_cache[$key]}
}

# Completes cur as a value or operand called name (FILE, ACCOUNT, ...), or as
# one of the values of option opt.
_acctkit_complete_name()
{
	local name=${1%...} opt=$2 line
	local -a w
	if [[ $name == *'|'* ]]; then
		COMPREPLY=($(compgen -W "${name//|/ }" -- "$cur"))
		return
	fi
	if [[ $opt ]]; then
		for line in "${_acctkit_spec[@]}"; do
			read -ra w <<<"$line"
			[[ ${w[0]} == a && ${w[1]} == "$opt" ]] || continue
			COMPREPLY=($(compgen -W "${w[*]:2}" -- "$cur"))
			return
		done
	fi
	[[ $opt == --account ]] && name=ACCOUNT
	[[ $opt == --approve || $opt == --reject ]] && name=HELD
	# acct-adjust --reject's --reason is why, in words, not a reason code
	[[ $opt == --reason && " ${words[*]} " == *' --reject '* ]] && return
	case $name in
	FILE | BACKUP) _filedir ;;
	DIR) _filedir -d ;;
	ACCOUNT)
		# a whole store's accounts are too many to offer at once
		((${#cur} >= 2)) || return
		_acctkit_store_values accounts
		COMPREPLY=($(awk -v p="$cur" 'index($0, p) == 1' <<<"$_acctkit_values"))
		;;
	KEY)
		_acctkit_store_values policy
		COMPREPLY=($(compgen -W "$_acctkit_values" -- "$cur"))
		;;
	CODE)
		_acctkit_store_values reasons
		COMPREPLY=($(compgen -W "$_acctkit_values" -- "$cur"))
		;;
	LOGIN)
		_acctkit_store_values clerks
		COMPREPLY=($(compgen -W "$_acctkit_values" -- "$cur"))
		;;
	HELD)
		_acctkit_store_values held
		COMPREPLY=($(compgen -W "$_acctkit_values" -- "$cur"))
		;;
	*)
		for line in "${_acctkit_spec[@]}"; do
			read -ra w <<<"$line"
			[[ ${w[0]} == s && ${w[1]} == "$name" ]] || continue
			COMPREPLY=($(compgen -W "${w[*]:2}" -- "$cur"))
			return
		done
		;;
	esac
}

# The argument name of option $1 ("-" if it takes none); 1 if unknown.
_acctkit_option_arg()
{
	local line
	local -a w
	for line in "${_acctkit_spec[@]}"; do
		read -ra w <<<"$line"
		[[ ${w[0]} == o && ($1 == "${w[1]}" || $1 == "${w[2]}") ]] || continue
		_acctkit_arg=${w[3]} _acctkit_long=${w[2]}
		[[ $_acctkit_long == - ]] && _acctkit_long=${w[1]}
		return 0
	done
	return 1
}

# Completes words[cword] for the program words[0], whose --help is loaded.
_acctkit_program()
{
	local line i w n best=-2 name command="" command_at=-1
	local -a f operands positional spec

	# the value of an option: of the program, or of a command's line
	# (acct-db clerks add LOGIN --role clerk|supervisor)
	if [[ $prev == -?* ]]; then
		if _acctkit_option_arg "$prev"; then
			if [[ $_acctkit_arg != - ]]; then
				_acctkit_complete_name "$_acctkit_arg" "$_acctkit_long"
				return
			fi
		elif [[ " ${_acctkit_spec[*]} " == *" a $prev "* ]]; then
			_acctkit_complete_name - "$prev"
			return
		fi
	fi
	[[ $split == true ]] && return

	# the operands before this one
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		if [[ $w == -- ]]; then
			operands+=("${words[@]:i+1:cword-i-1}")
			break
		elif [[ $w == -?* ]]; then
			[[ $w != *=* ]] && _acctkit_option_arg "$w" &&
				[[ $_acctkit_arg != - ]] && ((i++))
		else
			operands+=("$w")
		fi
	done

	# the form of the usage that fits best: all its required options
	# given, and the most of them; else the first
	for line in "${_acctkit_spec[@]}"; do
		[[ $line == f* ]] || continue
		read -ra f <<<"${line#f}"
		n=0
		for w in "${f[@]}"; do
			[[ $w == ';' ]] && break
			if [[ " ${words[*]:1} " == *" $w "* ||
				" ${words[*]:1}" == *" $w="* ]]; then
				((n++))
			elif ((best > -2)); then
				continue 2
			else
				n=-1	# the first form, as a last resort
				break
			fi
		done
		if ((n > best)); then
			best=$n
			positional=()
			for w in "${f[@]}"; do
				[[ $w == ';' ]] && { positional=(); continue; }
				positional+=("$w")
			done
		fi
	done

	# the command, for a program with commands (acct-db)
	for ((i = 0; i < ${#positional[@]}; i++)); do
		if [[ ${positional[i]} == COMMAND && ${#operands[@]} -gt i ]]; then
			command=${operands[i]} command_at=$i
		fi
	done

	if [[ $cur == -* ]]; then
		local -a options=()
		for line in "${_acctkit_spec[@]}"; do
			read -ra w <<<"$line"
			if [[ ${w[0]} == o ]]; then
				[[ ${w[1]} != - ]] && options+=("${w[1]}")
				[[ ${w[2]} != - ]] && options+=("${w[2]}")
			elif [[ ${w[0]} == p && ${w[1]} == "$command" ]]; then
				options+=("${w[@]:2}")
			fi
		done
		COMPREPLY=($(compgen -W "${options[*]}" -- "$cur"))
		return
	fi

	# this operand's name in the form, or in its command's line
	n=${#operands[@]}
	if ((command_at >= 0 && n > command_at)); then
		for line in "${_acctkit_spec[@]}"; do
			read -ra w <<<"$line"
			[[ ${w[0]} == c && ${w[1]} == "$command" ]] || continue
			spec=("${w[@]:2}")
		done
		positional=("${spec[@]}")
		((n -= command_at + 1))
	fi
	if ((n < ${#positional[@]})); then
		name=${positional[n]}
	elif ((${#positional[@]})) && [[ ${positional[-1]} == *... ]]; then
		name=${positional[-1]}
	else
		return
	fi
	if [[ $name == [a-z]* ]]; then
		COMPREPLY=($(compgen -W "$name" -- "$cur"))	# a word: "load"
	else
		_acctkit_complete_name "$name" ""
	fi
}

# acct NAME ARG...: the programs' short names, then NAME's own completion.
_acctkit_acct()
{
	local p name="" dir=""
	local -a names=()
	[[ ${words[0]} == */* ]] && dir=${words[0]%/*}/
	if ((cword == 1)); then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
			return
		fi
		for p in $_acctkit_programs; do
			[[ $p == acct ]] || names+=("${p#acct-}")
		done
		COMPREPLY=($(compgen -W "${names[*]} help" -- "$cur"))
		return
	fi
	for p in $_acctkit_programs; do
		[[ $p == "acct-${words[1]}" ]] && name=$p
	done
	if [[ ! $name ]]; then
		for p in $_acctkit_programs; do
			[[ $p == "${words[1]}" && $p != acct ]] && name=$p
		done
	fi
	[[ $name ]] || return
	words=("$dir$name" "${words[@]:2}")
	((cword--))
	_acctkit_load "${words[0]}" && _acctkit_program
}

_acctkit()
{
	local cur prev words cword split
	# the helpers' results, local to this completion
	local -a _acctkit_spec _acctkit_db
	local _acctkit_values _acctkit_arg _acctkit_long
	_init_completion -s || return
	if [[ ${words[0]##*/} == acct ]]; then
		_acctkit_acct
	else
		_acctkit_load "${words[0]}" && _acctkit_program
	fi
}

# Not built (sourced from the source tree): the programs acct knows.
if [[ $_acctkit_programs == @*@ ]]; then
	_acctkit_programs="acct $(acct help 2>/dev/null | awk '{ print $1 }')"
fi
complete -F _acctkit $_acctkit_programs
