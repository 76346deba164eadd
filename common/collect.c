#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "date.h"
#include "money.h"

static const char weekday_abbr[] = "sun\0mon\0tue\0wed\0thu\0fri\0sat";
static const char *const weekday_names[7] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };

int
collect_weekdays_parse(const char *s, unsigned *mask)
{
	unsigned seen = 0;
	const char *p = s;
	int i;

	/* what policy_check accepts: no empty list, no name twice */
	if (!s || !*s)
		return -1;
	for (;;) {
		for (i = 0; i < 7; i++)
			if (strncmp(p, weekday_abbr + 4 * i, 3) == 0 &&
			    (p[3] == ',' || p[3] == '\0'))
				break;
		if (i == 7 || seen & 1u << i)
			return -1;
		seen |= 1u << i;
		p += 3;
		if (!*p)
			break;
		p++;
	}
	*mask = seen;
	return 0;
}

static int
digit2(const char *p)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return -1;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* MM-DD in the first five bytes of s; February 29 counts (a leap year). */
static int
monthday(const char *s, int *md)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int month, mday;

	if (strnlen(s, 5) < 5 || s[2] != '-' || (month = digit2(s)) < 0 ||
	    (mday = digit2(s + 3)) < 0)
		return -1;
	if (month < 1 || month > 12 || mday < 1 || mday > mdays[month - 1])
		return -1;
	*md = month * 100 + mday;
	return 0;
}

int
collect_monthday_parse(const char *s, int *md)
{
	int v;

	if (!s || monthday(s, &v) < 0 || s[5] != '\0')
		return -1;
	*md = v;
	return 0;
}

int
collect_range_parse(const char *s, int *from, int *to)
{
	int a, b;

	if (!s || strlen(s) != 12 || strncmp(s + 5, "..", 2) != 0 ||
	    monthday(s, &a) < 0 || monthday(s + 7, &b) < 0)
		return -1;
	*from = a;
	*to = b;
	return 0;
}

int
collect_in_range(int day, int from, int to)
{
	int year, month, mday, md;

	if (day == DATE_NONE)
		return 0;
	date_to_ymd(day, &year, &month, &mday);
	md = month * 100 + mday;
	if (from <= to)
		return from <= md && md <= to;
	return md >= from || md <= to;
}

static const char *const rule_names[COLLECT_NRULES] = {
	"account active", "no notice in force", "notice served",
	"notice old enough", "notice still valid", "arrears",
	"days past due", "life support", "medical certificate",
	"billing dispute", "agreement", "weekday", "holiday",
	"eve of holiday", "blackout", "contact attempt"
};

/* The keys whose values decide the rule, directly or through the dates
 * the store derives from them (a notice's expiry, a certificate's end). */
static const char *const rule_keys[COLLECT_NRULES] = {
	"", "shutoff.notice_valid_days", "", "shutoff.notice_days",
	"shutoff.notice_valid_days", "shutoff.min_arrears",
	"shutoff.notice_after_due_days", "", "medical.cert_days",
	"dispute.hold_days", "", "shutoff.days", "",
	"shutoff.no_eve_of_holiday", "shutoff.blackout",
	"shutoff.cold_from,shutoff.cold_to,shutoff.contact_hours"
};

const char *
collect_rule_name(enum collect_rule r)
{
	return (unsigned) r < COLLECT_NRULES ? rule_names[r] : "";
}

const char *
collect_rule_keys(enum collect_rule r)
{
	return (unsigned) r < COLLECT_NRULES ? rule_keys[r] : "";
}

static void say(struct collect_verdict *v, int holds, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Judges one rule: it applies, holds or not, for the reason given. */
static void
say(struct collect_verdict *v, int holds, const char *fmt, ...)
{
	va_list ap;

	v->applies = 1;
	v->holds = holds;
	va_start(ap, fmt);
	vsnprintf(v->detail, sizeof v->detail, fmt, ap);
	va_end(ap);
}

/* A rule that does not apply stands in nobody's way: it "holds". */
static void
clear(struct collect_verdict v[COLLECT_NRULES])
{
	int i;

	for (i = 0; i < COLLECT_NRULES; i++) {
		v[i].applies = 0;
		v[i].holds = 1;
		v[i].detail[0] = '\0';
	}
}

static int
failing(const struct collect_verdict v[COLLECT_NRULES])
{
	int i, n = 0;

	for (i = 0; i < COLLECT_NRULES; i++)
		if (v[i].applies && !v[i].holds)
			n++;
	return n;
}

static const char *
text(const char *s)
{
	return s ? s : "";
}

static void
judge_active(const struct collect_facts *f, struct collect_verdict *v)
{
	if (f->active)
		say(v, 1, "account active");
	else
		say(v, 0, "account not active");
}

static void
judge_arrears(const struct collect_policy *p, const struct collect_facts *f,
	      struct collect_verdict *v)
{
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	money_format(f->arrears, m1);
	money_format(p->min_arrears, m2);
	if (f->arrears >= p->min_arrears)
		say(v, 1, "arrears %s, at least %s", m1, m2);
	else
		say(v, 0, "arrears %s below %s", m1, m2);
}

/* The protections, alike for a notice and a shut-off. */
static void
judge_protections(const struct collect_facts *f, int day,
		  struct collect_verdict v[COLLECT_NRULES])
{
	char d[DATE_BUFSZ];

	if (f->life_support)
		say(&v[COLLECT_LIFE_SUPPORT], 0, "life-support equipment");
	else
		say(&v[COLLECT_LIFE_SUPPORT], 1, "no life-support equipment");

	date_format(f->medical_until, d);
	if (f->medical_until == DATE_NONE)
		say(&v[COLLECT_MEDICAL], 1, "no medical certificate");
	else if (day <= f->medical_until)
		say(&v[COLLECT_MEDICAL], 0, "medical certificate until %s", d);
	else
		say(&v[COLLECT_MEDICAL], 1, "medical certificate expired %s",
		    d);

	date_format(f->dispute_until, d);
	if (f->dispute_open)
		say(&v[COLLECT_DISPUTE], 0, "billing complaint open");
	else if (f->dispute_until == DATE_NONE)
		say(&v[COLLECT_DISPUTE], 1, "no billing complaint open");
	else if (day <= f->dispute_until)
		say(&v[COLLECT_DISPUTE], 0, "billing complaint on hold until "
		    "%s", d);
	else
		say(&v[COLLECT_DISPUTE], 1, "billing complaint hold ended %s",
		    d);

	if (*text(f->agreement))
		say(&v[COLLECT_AGREEMENT], 0, "agreement %s in force",
		    f->agreement);
	else
		say(&v[COLLECT_AGREEMENT], 1, "no agreement in force");
}

int
collect_notice_rules(const struct collect_policy *p,
		     const struct collect_facts *f, int day,
		     struct collect_verdict v[COLLECT_NRULES])
{
	char served[DATE_BUFSZ], expires[DATE_BUFSZ];
	const char *notice = text(f->notice);

	clear(v);
	judge_active(f, &v[COLLECT_ACTIVE]);

	date_format(f->notice_served_on, served);
	date_format(f->notice_expires_on, expires);
	if (!*notice)
		say(&v[COLLECT_NO_NOTICE], 1, "no notice in force");
	else if (f->notice_expires_on >= day)
		say(&v[COLLECT_NO_NOTICE], 0, "notice %s served %s in force "
		    "until %s", notice, served, expires);
	else
		say(&v[COLLECT_NO_NOTICE], 1, "notice %s expired %s", notice,
		    expires);

	judge_arrears(p, f, &v[COLLECT_ARREARS]);
	if (f->days_past_due >= p->notice_after_due_days)
		say(&v[COLLECT_PAST_DUE], 1, "oldest arrears %d days past due, "
		    "at least %ld", f->days_past_due, p->notice_after_due_days);
	else
		say(&v[COLLECT_PAST_DUE], 0, "oldest arrears %d days past due, "
		    "fewer than %ld", f->days_past_due,
		    p->notice_after_due_days);
	judge_protections(f, day, v);
	return failing(v);
}

/* "mon,tue,wed,thu": the weekdays of mask, Monday first. */
static void
weekdays_text(unsigned mask, char *buf, size_t bufsize)
{
	size_t len = 0;
	int i, w;

	buf[0] = '\0';
	for (i = 1; i <= 7; i++) {
		w = i % 7;
		if (!(mask & 1u << w))
			continue;
		snprintf(buf + len, bufsize - len, "%s%s", len ? "," : "",
			 weekday_abbr + 4 * w);
		len = strlen(buf);
	}
}

/* The rules of the day itself, whoever the account. */
static void
judge_day(const struct collect_policy *p, int day, const struct holidays *h,
	  struct collect_verdict v[COLLECT_NRULES])
{
	int w = date_weekday(day);
	char allowed[32];

	if (p->weekdays & 1u << w) {
		say(&v[COLLECT_WEEKDAY], 1, "%s", weekday_names[w]);
	} else {
		weekdays_text(p->weekdays, allowed, sizeof allowed);
		if (allowed[0])
			say(&v[COLLECT_WEEKDAY], 0, "%s: shut-offs only on %s",
			    weekday_names[w], allowed);
		else
			say(&v[COLLECT_WEEKDAY], 0, "%s: shut-offs on no "
			    "weekday", weekday_names[w]);
	}

	if (date_is_holiday(day, h))
		say(&v[COLLECT_HOLIDAY], 0, "a holiday");
	else
		say(&v[COLLECT_HOLIDAY], 1, "not a holiday");

	if (p->no_eve_of_holiday) {
		if (date_is_holiday(day + 1, h))
			say(&v[COLLECT_EVE], 0, "the eve of a holiday");
		else
			say(&v[COLLECT_EVE], 1, "not the eve of a holiday");
	}

	if (collect_in_range(day, p->blackout_from, p->blackout_to))
		say(&v[COLLECT_BLACKOUT], 0, "in the blackout "
		    "%02d-%02d..%02d-%02d", p->blackout_from / 100,
		    p->blackout_from % 100, p->blackout_to / 100,
		    p->blackout_to % 100);
	else
		say(&v[COLLECT_BLACKOUT], 1, "outside the blackout "
		    "%02d-%02d..%02d-%02d", p->blackout_from / 100,
		    p->blackout_from % 100, p->blackout_to / 100,
		    p->blackout_to % 100);
}

/* The notice behind a shut-off: in force, old enough, not expired. */
static void
judge_notice(const struct collect_policy *p, const struct collect_facts *f,
	     int day, struct collect_verdict v[COLLECT_NRULES])
{
	const char *notice = text(f->notice);
	char served[DATE_BUFSZ], d[DATE_BUFSZ];
	long earliest;

	if (!*notice) {
		say(&v[COLLECT_NOTICE], 0, "no notice in force");
		return;
	}
	date_format(f->notice_served_on, served);
	say(&v[COLLECT_NOTICE], 1, "notice %s served %s", notice, served);

	/* a notice without its dates cannot support a shut-off */
	if (f->notice_served_on == DATE_NONE) {
		say(&v[COLLECT_NOTICE_AGE], 0, "notice %s has no date served",
		    notice);
	} else {
		earliest = (long) f->notice_served_on + p->notice_days;
		date_format((int) earliest, d);
		if (day >= earliest)
			say(&v[COLLECT_NOTICE_AGE], 1, "notice %s served %s, "
			    "shut-off from %s", notice, served, d);
		else
			say(&v[COLLECT_NOTICE_AGE], 0, "notice %s served %s, "
			    "shut-off not before %s", notice, served, d);
	}

	date_format(f->notice_expires_on, d);
	if (f->notice_expires_on == DATE_NONE)
		say(&v[COLLECT_NOTICE_VALID], 0, "notice %s has no expiry",
		    notice);
	else if (day <= f->notice_expires_on)
		say(&v[COLLECT_NOTICE_VALID], 1, "notice %s valid until %s",
		    notice, d);
	else
		say(&v[COLLECT_NOTICE_VALID], 0, "notice %s expired %s",
		    notice, d);
}

static void
judge_contact(const struct collect_policy *p, const struct collect_facts *f,
	      int day, struct collect_verdict *v)
{
	const char *who = f->ebd ? "elderly, blind or disabled household" :
		"heat account in the cold period";
	char by[DATE_BUFSZ], on[DATE_BUFSZ];
	int last;

	if (!collect_contact_needed(p, f, day))
		return;
	last = collect_contact_by(p, day);
	date_format(last, by);
	date_format(f->contact_on, on);
	if (f->contact_on == DATE_NONE)
		say(v, 0, "%s: no contact attempt recorded by %s", who, by);
	else if (f->contact_on <= last)
		say(v, 1, "%s: contact attempt %s, by %s", who, on, by);
	else
		say(v, 0, "%s: contact attempt %s later than %s", who, on, by);
}

int
collect_shutoff_rules(const struct collect_policy *p,
		      const struct collect_facts *f, int day,
		      const struct holidays *h,
		      struct collect_verdict v[COLLECT_NRULES])
{
	clear(v);
	judge_active(f, &v[COLLECT_ACTIVE]);
	judge_notice(p, f, day, v);
	judge_arrears(p, f, &v[COLLECT_ARREARS]);
	judge_protections(f, day, v);
	judge_day(p, day, h, v);
	judge_contact(p, f, day, &v[COLLECT_CONTACT]);
	return failing(v);
}

int
collect_day_rules(const struct collect_policy *p, int day,
		  const struct holidays *h, char *why, size_t whysize)
{
	struct collect_verdict v[COLLECT_NRULES];

	clear(v);
	judge_day(p, day, h, v);
	if (why)
		collect_why(v, why, whysize);
	return failing(v);
}

char *
collect_why(const struct collect_verdict v[COLLECT_NRULES], char *why,
	    size_t whysize)
{
	size_t len = 0;
	int i;

	if (whysize == 0)
		return why;
	why[0] = '\0';
	for (i = 0; i < COLLECT_NRULES; i++) {
		if (!v[i].applies || v[i].holds)
			continue;
		snprintf(why + len, whysize - len, "%s%s", len ? "; " : "",
			 v[i].detail);
		len = strlen(why);
	}
	return why;
}

void
collect_notice_dates(const struct collect_policy *p, int day, int *earliest,
		     int *expires)
{
	*earliest = day + (int) p->notice_days;
	*expires = day + (int) p->notice_valid_days;
}

int
collect_contact_needed(const struct collect_policy *p,
		       const struct collect_facts *f, int day)
{
	if (f->ebd)
		return 1;
	return f->heat && collect_in_range(day, p->cold_from, p->cold_to);
}

int
collect_contact_by(const struct collect_policy *p, int day)
{
	long hours = p->contact_hours > 0 ? p->contact_hours : 0;

	/* hours into whole days before, rounded up: 72 -> 3, 1 -> 1 */
	return day - (int) ((hours + 23) / 24);
}

int
collect_restore_owed(const struct collect_policy *p,
		     const struct collect_facts *f, int down_paid,
		     char *why, size_t whysize)
{
	const char *agreement = text(f->agreement);
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	if (f->balance <= 0) {
		snprintf(why, whysize, "paid in full");
		return 1;
	}
	if (f->arrears < p->min_arrears) {
		snprintf(why, whysize, "arrears %s below %s",
			 money_format(f->arrears, m1),
			 money_format(p->min_arrears, m2));
		return 1;
	}
	if (*agreement && down_paid) {
		snprintf(why, whysize, "agreement %s signed, down payment paid",
			 agreement);
		return 1;
	}
	if (*agreement)
		snprintf(why, whysize, "agreement %s down payment not paid",
			 agreement);
	else
		snprintf(why, whysize, "balance %s owed, arrears %s",
			 money_format(f->balance, m1),
			 money_format(f->arrears, m2));
	return 0;
}

int
collect_restore_day(const struct collect_policy *p, int day)
{
	if (p->restore_within_hours <= 24)
		return day;
	return day + (int) ((p->restore_within_hours - 1) / 24);
}

static int
by_arrears(const void *a, const void *b)
{
	const struct collect_candidate *x = a, *y = b;

	if (x->arrears != y->arrears)
		return x->arrears > y->arrears ? -1 : 1;
	return strcmp(x->account, y->account);
}

void
collect_sort(struct collect_candidate *c, size_t n)
{
	if (n > 1)
		qsort(c, n, sizeof *c, by_arrears);
}

char *
collect_notice_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, NOTICE_NUMBER_MAX, "N%04d-%06" PRId64, year, seq);
	return buf;
}
