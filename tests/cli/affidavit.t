#!/bin/sh
# affidavit: a golden document of each kind from the fixtures, the records
# (affidavits, affidavit_fields, audit), --csv and --format, -o DIR, -n; the
# fields missing (all listed), unknown, twice, from the store, bad; --signed,
# --received and what a received medical certification does to the
# account's medical_until, with medical.max_renewals and a supervisor's
# approval; templates overridden and broken; usage errors.  Each refusal
# with its message, its exit status and the store unchanged.
. "$top_srcdir/tests/cli/lib.sh"
make_store
me=$(id -un)
golden=$fixtures/golden/affidavit
TRY="Try 'affidavit --help'."

# FILE GOLDEN DESC: the document, its clerk's login written CLERK
doc_is() {
	sed "s/Prepared by $me\\./Prepared by CLERK./" "$1" > "$T/doc"
	if cmp -s "$2" "$T/doc"; then pass "$3"; else
		fail "$3"; show_diff "$2" "$T/doc"
	fi
}
last_audit() { sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }
affidavit_row() {
	sql "SELECT number, year, seq, account, kind, prepared_on, status,
		COALESCE(received_on, ''), COALESCE(effective_on, ''),
		COALESCE(end_on, ''), login FROM affidavits WHERE number = '$1'"
}
fields_of() {
	sql "SELECT name || '=' || value FROM affidavit_fields
		WHERE affidavit = '$1' ORDER BY name"
}
medical_until() { sql "SELECT COALESCE(medical_until, '') FROM accounts WHERE number = '$1'"; }
# refused DESC EXIT MESSAGE CMD ARG...: exit status, message, store unchanged
refused() {
	desc=$1 want=$2 msg=$3
	shift 3
	store_dump > "$T/before"
	run "$@"
	status_is "$want" "$desc: exit $want"
	err_is "$msg" "$desc: says why"
	unchanged "$desc: the store is unchanged"
}

# a medical certification request for account $1 on business date $2
medical() {
	acct=$1 day=$2
	shift 2
	affidavit --date "$day" --kind medical --field "patient_name=Pat" \
		--field relation_to_customer=self --field "physician_name=Dr. K" \
		--field physician_license=MD-1 --field physician_phone=555-0190 \
		"$@" "$acct" >/dev/null 2>&1
}
# the number of the newest affidavit
newest() { sql "SELECT number FROM affidavits ORDER BY year DESC, seq DESC LIMIT 1"; }

# --- a golden document of each kind ---------------------------------------

run affidavit --date 2026-11-27 --kind tenant \
	--field 'landlord_name=Lee Land Properties LLC' \
	--field 'landlord_address=Suite 400, 9 Oak Avenue, Springfield, attention of the building manager' \
	--field landlord_phone=555-0199 --field unit=4B \
	--field lease_start=2026-03-01 --field lease_end=2027-02-28 1001
status_is 0 "tenant: exit 0"
doc_is "$T/out" "$golden/tenant.txt" "tenant: the document (tenant_name the account's name, the address wrapped)"
err_is "affidavit: tenant affidavit A2026-000001 for account 1001" "tenant: says what it prepared"
is "A2026-000001|2026|1|1001|tenant|2026-11-27|prepared||2026-03-01|2027-02-28|$me" \
	"$(affidavit_row A2026-000001)" "tenant: recorded, holding from lease_start to lease_end"
is "account=1001
landlord_address=Suite 400, 9 Oak Avenue, Springfield, attention of the building manager
landlord_name=Lee Land Properties LLC
landlord_phone=555-0199
lease_end=2027-02-28
lease_start=2026-03-01
mailing_address=1 Elm St
name=Ann Able
phone=555-0101
service_address=1 Elm St
tenant_name=Ann Able
unit=4B" "$(fields_of A2026-000001)" "tenant: every field recorded, those from the store too"
is "affidavit: affidavit A2026-000001 (tenant) prepared for account 1001, from 2026-03-01 to 2027-02-28" \
	"$(last_audit)" "tenant: audited"

run affidavit --date 2026-11-27 --kind identity --field date_of_birth=1971-04-30 \
	--field "id_type=state driver's license" --field id_number=D1234-5678 \
	--field resident_since=2019-06-01 1002
status_is 0 "identity: exit 0"
doc_is "$T/out" "$golden/identity.txt" "identity: the document (full_name the account's, the mailing address)"
is "A2026-000002|2026|2|1002|identity|2026-11-27|prepared||||$me" \
	"$(affidavit_row A2026-000002)" "identity: recorded, no dates until received"
is "account=1002
date_of_birth=1971-04-30
full_name=Bob Baker
id_number=D1234-5678
id_type=state driver's license
mailing_address=PO Box 2
name=Bob Baker
phone=555-0102
resident_since=2019-06-01
service_address=2 Elm St" "$(fields_of A2026-000002)" "identity: every field recorded"

run affidavit --date 2026-11-27 --kind medical --field 'patient_name=Eve Evans' \
	--field relation_to_customer=self --field 'physician_name=Dr. Kim Lee' \
	--field physician_license=MD-204471 --field physician_phone=555-0190 \
	--field 'condition_summary=Needs an oxygen concentrator and a refrigerated insulin supply at home; a shut-off in winter would endanger her life.' \
	1005
status_is 0 "medical: exit 0"
doc_is "$T/out" "$golden/medical.txt" "medical: the document (no phone line, the physician's certification)"
is "A2026-000003|2026|3|1005|medical|2026-11-27|prepared||||$me" \
	"$(affidavit_row A2026-000003)" "medical: recorded"
is "phone=" "$(fields_of A2026-000003 | grep '^phone=')" "medical: an empty phone recorded empty"

run affidavit --date 2026-11-27 --kind hardship --field household_size=4 \
	--field monthly_income=1850 \
	--field 'income_sources=wages from a part-time job, child support' \
	--field monthly_expenses=2140.75 \
	--field 'reason=My hours were cut in September and I fell behind on the bills.' 1003
status_is 0 "hardship: exit 0"
doc_is "$T/out" "$golden/hardship.txt" "hardship: the document (money as \$1,850.00)"
is "household_size=4
monthly_expenses=2140.75
monthly_income=1850.00" "$(fields_of A2026-000004 | grep -E '^(household_size|monthly)')" \
	"hardship: money recorded with two decimals"

run affidavit --date 2026-11-27 --kind statement \
	--field 'statement=The meter at 4 Elm St was moved to the basement on 2026-10-20 by the landlord, who did not tell me; the readings since then are estimates.' \
	1004
status_is 0 "statement: exit 0"
doc_is "$T/out" "$golden/statement.txt" "statement: the document (no subject line)"
is "subject=" "$(fields_of A2026-000005 | grep '^subject=')" "statement: the optional subject recorded empty"

# --- the record, -o DIR, -n -------------------------------------------------

run affidavit --csv --kind statement --field subject=Meter --field statement=Moved. 1001
status_is 0 "--csv: exit 0"
out_is "affidavit,account,kind,prepared_on,status,effective_on,end_on,field,value
A2026-000006,1001,statement,2026-11-27,prepared,,,account,1001
A2026-000006,1001,statement,2026-11-27,prepared,,,name,Ann Able
A2026-000006,1001,statement,2026-11-27,prepared,,,service_address,1 Elm St
A2026-000006,1001,statement,2026-11-27,prepared,,,mailing_address,1 Elm St
A2026-000006,1001,statement,2026-11-27,prepared,,,phone,555-0101
A2026-000006,1001,statement,2026-11-27,prepared,,,subject,Meter
A2026-000006,1001,statement,2026-11-27,prepared,,,statement,Moved." \
	"--csv: one row a field, in the kind's order"
err_is "affidavit: statement affidavit A2026-000006 for account 1001" "--csv: says what it prepared"

run affidavit --format csv --kind tenant --field landlord_name=L \
	--field landlord_address=A --field unit=1 --field lease_start=2026-01-01 1002
status_is 0 "--format csv: exit 0"
out_has "A2026-000007,1002,tenant,2026-11-27,prepared,2026-01-01,,tenant_name,Bob Baker" \
	"--format csv: the record, a lease without end"

run affidavit --format table --kind statement --field statement=S 1003
status_is 0 "--format table: exit 0"
out_has "A2026-000008" "--format table: the record"
out_has "statement" "--format table: its fields"

mkdir "$T/docs"
run affidavit -o "$T/docs" --date 2026-11-27 --kind statement \
	--field 'statement=The meter at 4 Elm St was moved to the basement on 2026-10-20 by the landlord, who did not tell me; the readings since then are estimates.' \
	1004
status_is 0 "-o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
sed 's/A2026-000009/A2026-000005/' "$T/docs/A2026-000009.txt" > "$T/renumbered"
doc_is "$T/renumbered" "$golden/statement.txt" "-o DIR: the document in DIR/NUMBER.txt"
is "A2026-000009.txt" "$(ls "$T/docs")" "-o DIR: one file, named by the number"

store_dump > "$T/before"
run affidavit -n --kind statement --field statement=S 1001
status_is 0 "-n: exit 0"
out_has "Affidavit A2026-000010" "-n: prints the affidavit with the number it would have"
err_is "affidavit: statement affidavit A2026-000010 for account 1001
affidavit: dry run: nothing was recorded" "-n: says it is a dry run"
unchanged "-n: the store is unchanged"

refused "-o a missing directory" 1 "affidavit: $T/nowhere: No such file or directory" \
	affidavit -o "$T/nowhere" --kind statement --field statement=S 1001

# --- refusals of preparing ---------------------------------------------------

refused "missing fields" 2 "affidavit: kind tenant: missing fields: landlord_name, unit, lease_start
$TRY" affidavit --kind tenant --field landlord_address=A 1001
refused "all fields missing" 2 "affidavit: kind medical: missing fields: patient_name, relation_to_customer, physician_name, physician_license, physician_phone
$TRY" affidavit --kind medical 1005
refused "a field given empty" 2 "affidavit: kind statement: missing field: statement
$TRY" affidavit --kind statement --field statement= 1001
refused "an unknown field" 2 "affidavit: kind statement: unknown field 'landlord' (its fields: subject, statement)
$TRY" affidavit --kind statement --field landlord=L --field statement=S 1001
refused "a field given twice" 2 "affidavit: kind statement: field statement given twice
$TRY" affidavit --kind statement --field statement=S --field statement=T 1001
refused "a field from the store" 2 "affidavit: kind statement: field name is filled from the account (acct-edit changes it)
$TRY" affidavit --kind statement --field name=Someone --field statement=S 1001
refused "not NAME=VALUE" 2 "affidavit: kind statement: 'statement': not NAME=VALUE
$TRY" affidavit --kind statement --field statement 1001
refused "a bad date" 2 "affidavit: kind identity: field date_of_birth: '1971-02-29': no such day
$TRY" affidavit --kind identity --field date_of_birth=1971-02-29 \
	--field id_type=passport --field id_number=X --field resident_since=2000-01-01 1002
refused "a birth after the business date" 2 "affidavit: kind identity: field date_of_birth: '2026-11-28': after the business date 2026-11-27
$TRY" affidavit --kind identity --field date_of_birth=2026-11-28 \
	--field id_type=passport --field id_number=X --field resident_since=2000-01-01 1002
refused "a lease ending before it starts" 2 "affidavit: kind tenant: field lease_end: '2026-01-31': before lease_start '2026-02-01'
$TRY" affidavit --kind tenant --field landlord_name=L --field landlord_address=A \
	--field unit=1 --field lease_start=2026-02-01 --field lease_end=2026-01-31 1001
refused "a bad count" 2 "affidavit: kind hardship: field household_size: '0': not a whole number from 1 to 99
$TRY" affidavit --kind hardship --field household_size=0 --field monthly_income=1 \
	--field income_sources=W --field reason=R 1003
refused "a count too big" 2 "affidavit: kind hardship: field household_size: '100': not a whole number from 1 to 99
$TRY" affidavit --kind hardship --field household_size=100 --field monthly_income=1 \
	--field income_sources=W --field reason=R 1003
refused "bad money" 2 "affidavit: kind hardship: field monthly_income: '1,850': thousands separators are not allowed
$TRY" affidavit --kind hardship --field household_size=2 --field monthly_income=1,850 \
	--field income_sources=W --field reason=R 1003
refused "money below zero" 2 "affidavit: kind hardship: field monthly_expenses: '-5.00': below zero
$TRY" affidavit --kind hardship --field household_size=2 --field monthly_income=1 \
	--field income_sources=W --field monthly_expenses=-5.00 --field reason=R 1003
refused "text too long" 2 "affidavit: kind tenant: field unit: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx': longer than 50 characters
$TRY" affidavit --kind tenant --field landlord_name=L --field landlord_address=A \
	--field unit=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --field lease_start=2026-01-01 1001
refused "every problem at once" 2 "affidavit: kind tenant: unknown field 'landlord' (its fields: landlord_name, landlord_address, landlord_phone, tenant_name, unit, lease_start, lease_end)
affidavit: kind tenant: field lease_start: '2026-13-01': no such day
affidavit: kind tenant: missing fields: landlord_name, landlord_address, unit
$TRY" affidavit --kind tenant --field landlord=L --field lease_start=2026-13-01 1001
refused "an unknown account" 1 "affidavit: account '9999': no such account" \
	affidavit --kind statement --field statement=S 9999
acct-edit --status closed 1004 >/dev/null 2>&1
refused "a closed account" 1 "affidavit: account 1004: the account is closed" \
	affidavit --kind statement --field statement=S 1004
acct-edit --status active 1004 >/dev/null 2>&1

# --- --signed ---------------------------------------------------------------

store_dump > "$T/before"
run affidavit -n --signed A2026-000001
status_is 0 "--signed -n: exit 0"
err_is "affidavit: affidavit A2026-000001 (tenant, account 1001) signed
affidavit: dry run: nothing was recorded" "--signed -n: says what it would do"
unchanged "--signed -n: the store is unchanged"

run affidavit --signed A2026-000001
status_is 0 "--signed: exit 0"
out_empty "--signed: nothing on stdout"
err_is "affidavit: affidavit A2026-000001 (tenant, account 1001) signed" "--signed: says so"
is "signed" "$(sql "SELECT status FROM affidavits WHERE number = 'A2026-000001'")" "--signed: status signed"
is "affidavit: affidavit A2026-000001 (tenant, account 1001) signed" "$(last_audit)" "--signed: audited"
refused "--signed twice" 1 "affidavit: affidavit A2026-000001: signed already" \
	affidavit --signed A2026-000001
refused "--signed an unknown number" 1 "affidavit: affidavit 'A2026-999999': no such affidavit" \
	affidavit --signed A2026-999999

# --- --received ---------------------------------------------------------------

run affidavit --received A2026-000001
status_is 0 "--received a tenant affidavit: exit 0"
err_is "affidavit: affidavit A2026-000001 (tenant, account 1001) received on 2026-11-27" \
	"--received a tenant affidavit: says so"
is "A2026-000001|2026|1|1001|tenant|2026-11-27|received|2026-11-27|2026-03-01|2027-02-28|$me" \
	"$(affidavit_row A2026-000001)" "--received a tenant affidavit: received on the business date, the lease dates kept"
is "" "$(medical_until 1001)" "--received a tenant affidavit: no medical certificate"
refused "--received twice" 1 "affidavit: affidavit A2026-000001: received already" \
	affidavit --received A2026-000001
refused "--received an unknown number" 1 "affidavit: affidavit 'X1': no such affidavit" \
	affidavit --received X1
refused "--received before it was prepared" 1 "affidavit: affidavit A2026-000002: received on 2026-11-26, before it was prepared on 2026-11-27" \
	affidavit --received A2026-000002 --on 2026-11-26

run affidavit --received A2026-000002
status_is 0 "--received unsigned (mailed back): exit 0"
is "A2026-000002|2026|2|1002|identity|2026-11-27|received|2026-11-27|2026-11-27||$me" \
	"$(affidavit_row A2026-000002)" "--received identity: holds from the day received"

# 1005's certificate runs to 2026-12-15 (fixtures); received on 11-27 with
# medical.cert_days 30 it runs to 12-27
store_dump > "$T/before"
run affidavit -n --received A2026-000003
status_is 0 "--received -n: exit 0"
unchanged "--received -n: the store is unchanged"
run affidavit --received A2026-000003
status_is 0 "--received medical: exit 0"
err_is "affidavit: affidavit A2026-000003 (medical, account 1005) received on 2026-11-27; medical certificate until 2026-12-27" \
	"--received medical: says until when"
is "2026-12-27" "$(medical_until 1005)" "--received medical: medical_until is received_on + medical.cert_days"
run acct-show --format csv 1005
out_has ",2026-12-27," "--received medical: acct-show shows the new certificate"
is "A2026-000003|2026|3|1005|medical|2026-11-27|received|2026-11-27|2026-11-27|2026-12-27|$me" \
	"$(affidavit_row A2026-000003)" "--received medical: holds from the day received for medical.cert_days"
is "affidavit: account 1005: medical_until '2026-12-15' -> '2026-12-27' (medical certification A2026-000003)
affidavit: affidavit A2026-000003 (medical, account 1005) received on 2026-11-27; medical certificate until 2026-12-27" \
	"$(sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 2" | sort)" \
	"--received medical: the account's change and the receipt audited"

# never shortened: a certificate on file running later is kept
acct-edit --medical-until 2027-03-01 1005 >/dev/null 2>&1
medical 1005 2026-11-27
run affidavit --received "$(newest)"
status_is 0 "a medical certification under a later certificate: exit 0"
err_has "medical certificate until 2027-03-01 (unchanged)" "a later certificate: kept, and said"
is "2027-03-01" "$(medical_until 1005)" "a later certificate: not shortened"

acct-edit --medical-until none 1005 >/dev/null 2>&1
medical 1005 2026-11-20
run affidavit --received "$(newest)" --on 2026-11-25
status_is 0 "--received --on an earlier day: exit 0"
is "2026-12-25" "$(medical_until 1005)" "no certificate on file: one from the day received (--on)"
is "2026-11-25|2026-11-25|2026-12-25" \
	"$(sql "SELECT received_on, effective_on, end_on FROM affidavits WHERE number = '$(newest)'")" \
	"--on: the day received recorded"

# --- renewals: medical.max_renewals (2) without a payment ---------------------
# 1002's last payment was on 2026-08-20.  A certification received after
# it is the first; two renewals follow; the third renewal needs a supervisor.
acct-db clerks add pat --name "Pat Post" --role clerk 2>/dev/null
acct-db clerks add boss --name "Bo Boss" --role supervisor 2>/dev/null
for day in 2026-09-01 2026-09-15 2026-10-01; do
	medical 1002 "$day"
	run affidavit --date "$day" --received "$(newest)"
	status_is 0 "certification received on $day, within the renewals: exit 0"
done
is "2026-10-31" "$(medical_until 1002)" "the renewals: the certificate runs from the last"
medical 1002 2026-10-15
A=$(newest)
refused "a third renewal without a payment" 1 "affidavit: affidavit $A: account 1002: this would be renewal 3 of the medical certification without a payment, and medical.max_renewals is 2: a supervisor must approve it (--approved-by)" \
	affidavit --date 2026-10-15 --received "$A"
refused "a third renewal approved by a clerk" 1 "affidavit: affidavit $A: account 1002: this would be renewal 3 of the medical certification without a payment, over medical.max_renewals 2, and pat is not a supervisor" \
	affidavit --date 2026-10-15 --received "$A" --approved-by pat
refused "a third renewal approved by oneself" 1 "affidavit: affidavit $A: account 1002: this would be renewal 3 of the medical certification without a payment, over medical.max_renewals 2, and no one approves their own" \
	affidavit --date 2026-10-15 --received "$A" --approved-by "$me"
run affidavit --date 2026-10-15 --received "$A" --approved-by boss
status_is 0 "a third renewal approved by a supervisor: exit 0"
err_is "affidavit: affidavit $A (medical, account 1002) received on 2026-10-15; medical certificate until 2026-11-14, renewal approved by boss" \
	"a third renewal approved: says who approved it"
is "affidavit: affidavit $A (medical, account 1002) received on 2026-10-15; medical certificate until 2026-11-14, renewal approved by boss" \
	"$(last_audit)" "a third renewal approved: the approver audited"

acct-db clerks add "$me" --role supervisor 2>/dev/null
medical 1002 2026-10-16
run affidavit --date 2026-10-16 --received "$(newest)"
status_is 0 "a supervisor records a fourth renewal alone: exit 0"
err_is "affidavit: affidavit $(newest) (medical, account 1002) received on 2026-10-16; medical certificate until 2026-11-15" \
	"a supervisor alone: no approver"
acct-db clerks add "$me" --role clerk 2>/dev/null

# a payment in between: the next one is the first again
pay-post --date 2026-10-20 1002 20.00 >/dev/null 2>&1
medical 1002 2026-10-21
run affidavit --date 2026-10-21 --received "$(newest)"
status_is 0 "after a payment: the first certification again, exit 0"
for day in 2026-10-22 2026-10-23; do
	medical 1002 "$day"
	run affidavit --date "$day" --received "$(newest)"
	status_is 0 "after a payment: renewal received on $day, exit 0"
done
medical 1002 2026-10-24
refused "after a payment: the third renewal needs a supervisor again" 1 \
	"affidavit: affidavit $(newest): account 1002: this would be renewal 3 of the medical certification without a payment, and medical.max_renewals is 2: a supervisor must approve it (--approved-by)" \
	affidavit --date 2026-10-24 --received "$(newest)"

# medical.max_renewals 0: each renewal needs a supervisor; a payment
# voided is no payment
acct-db policy medical.max_renewals 0 >/dev/null 2>&1
acct-db policy medical.cert_days 10 >/dev/null 2>&1
# 1003's last payment in the fixtures is on 2026-11-10
medical 1003 2026-11-13
run affidavit --date 2026-11-13 --received "$(newest)"
status_is 0 "max_renewals 0: the first after a payment, exit 0"
is "2026-11-23" "$(medical_until 1003)" "medical.cert_days 10: ten days from the day received"
pay-post --date 2026-11-16 1003 10.00 >/dev/null 2>&1
R=$(sql "SELECT number FROM receipts ORDER BY number DESC LIMIT 1")
pay-post --date 2026-11-17 --void "$R" --reason "check returned" --approved-by boss >/dev/null 2>&1
is "1" "$(sql "SELECT COUNT(*) FROM entries WHERE account = '1003' AND reverses IS NOT NULL")" \
	"the payment of 2026-11-16 is voided"
medical 1003 2026-11-20
refused "a voided payment is no payment" 1 \
	"affidavit: affidavit $(newest): account 1003: this would be renewal 1 of the medical certification without a payment, and medical.max_renewals is 0: a supervisor must approve it (--approved-by)" \
	affidavit --date 2026-11-20 --received "$(newest)"
run affidavit --date 2026-11-20 --received "$(newest)" --approved-by boss
status_is 0 "max_renewals 0, approved: exit 0"
is "2026-11-30" "$(medical_until 1003)" "approved: the certificate runs ten days from the day received"

# --- templates ------------------------------------------------------------------

mkdir "$T/site"
printf 'OUR OWN AFFIDAVIT {{affidavit}} for {{name}}\n{{?subject}}About: {{subject}}\n{{statement}}\nI swear (or affirm) that the statements above are true.\n' \
	> "$T/site/affidavit-statement.txt"
run env ACCTKIT_TEMPLATES="$T/site" affidavit --kind statement --field statement=Short. 1001
status_is 0 "a site's template: exit 0"
N=$(newest)
out_is "OUR OWN AFFIDAVIT $N for Ann Able
Short.
I swear (or affirm) that the statements above are true." "a site's template: used before the package's"
run env ACCTKIT_TEMPLATES="$T/site" affidavit --kind identity --field date_of_birth=1971-04-30 \
	--field "id_type=state driver's license" --field id_number=D1234-5678 \
	--field resident_since=2019-06-01 1002
sed "s/$(newest)/A2026-000002/" "$T/out" > "$T/renumbered"
doc_is "$T/renumbered" "$golden/identity.txt" "a site's template for one kind: the package's for the others"

printf 'AFFIDAVIT {{affidavit}}\n\nOwed: {{balance}}\n' > "$T/site/affidavit-statement.txt"
store_dump > "$T/before"
run env ACCTKIT_TEMPLATES="$T/site" affidavit --kind statement --field statement=S 1001
status_is 65 "a template with an unknown field: exit 65"
err_is "affidavit: affidavit-statement.txt:3: unknown field 'balance'" "a template with an unknown field: names the template and the line"
out_empty "a template with an unknown field: nothing printed"
unchanged "a template with an unknown field: nothing recorded"

printf 'AFFIDAVIT {{affidavit\n' > "$T/site/affidavit-statement.txt"
run env ACCTKIT_TEMPLATES="$T/site" affidavit --kind statement --field statement=S 1001
status_is 65 "a malformed template: exit 65"
err_has "affidavit-statement.txt:1:" "a malformed template: names the template and the line"
unchanged "a malformed template: nothing recorded"

run env ACCTKIT_DATADIR="$T/none" affidavit --kind tenant --field landlord_name=L \
	--field landlord_address=A --field unit=1 --field lease_start=2026-01-01 1001
status_is 1 "a template found nowhere: exit 1"
err_has "affidavit-tenant.txt" "a template found nowhere: named"
unchanged "a template found nowhere: nothing recorded"

# --- usage ------------------------------------------------------------------

refused "no --kind" 2 "affidavit: --kind KIND is needed (tenant, identity, medical, hardship or statement)
$TRY" affidavit 1001
refused "an unknown kind" 2 "affidavit: option --kind: 'lease': not tenant, identity, medical, hardship or statement
$TRY" affidavit --kind lease 1001
refused "no account" 2 "affidavit: no account given
$TRY" affidavit --kind statement --field statement=S
refused "two accounts" 2 "affidavit: one ACCOUNT only
$TRY" affidavit --kind statement --field statement=S 1001 1002
refused "--csv with -o" 2 "affidavit: --csv and -o are each other's opposite: choose one
$TRY" affidavit --csv -o "$T/docs" --kind statement --field statement=S 1001
refused "--format with -o" 2 "affidavit: --csv and -o are each other's opposite: choose one
$TRY" affidavit --format csv -o "$T/docs" --kind statement --field statement=S 1001
refused "a bad --format" 2 "affidavit: option --format: 'xml': not csv or table
$TRY" affidavit --format xml --kind statement --field statement=S 1001
refused "--signed with --kind" 2 "affidavit: --kind, --field, --csv, --format and -o are for preparing an affidavit
$TRY" affidavit --signed A2026-000004 --kind statement
refused "--signed with an account" 2 "affidavit: --signed takes no ACCOUNT
$TRY" affidavit --signed A2026-000004 1003
refused "--signed and --received" 2 "affidavit: --signed and --received do not go together
$TRY" affidavit --signed A2026-000004 --received A2026-000004
refused "--on without --received" 2 "affidavit: --on and --approved-by are for --received
$TRY" affidavit --signed A2026-000004 --on 2026-11-27
refused "--approved-by without --received" 2 "affidavit: --on and --approved-by are for --received
$TRY" affidavit --approved-by boss --kind statement --field statement=S 1001
refused "--on after the business date" 2 "affidavit: option --on: '2026-11-28': after the business date 2026-11-27
$TRY" affidavit --received A2026-000004 --on 2026-11-28
refused "a bad --on" 2 "affidavit: option --on: '2026-11-31': no such day
$TRY" affidavit --received A2026-000004 --on 2026-11-31
refused "a bad --date" 2 "affidavit: date '2026-02-30': no such day
$TRY" affidavit --date 2026-02-30 --kind statement --field statement=S 1001

run affidavit --frobnicate
status_is 2 "an unknown option: exit 2"
err_has "Try 'affidavit --help'." "an unknown option: the short usage"
run affidavit --help
status_is 0 "--help: exit 0"
for opt in --approved-by --csv --db --date --field --format --kind --dry-run \
	--output --on --received --signed --help --version; do
	out_has "$opt" "--help: lists $opt"
done
err_empty "--help: nothing on stderr"
run affidavit --version
status_is 0 "--version: exit 0"
out_has "affidavit (acctkit)" "--version: the version"

done_testing
