/* collect: the collections rules of POLICY.md ("Termination notice and
 * shut-off"), over plain values: who may be served a termination notice on
 * a day, who may be shut off on a day, which days allow shut-offs at all,
 * and who is owed a restoration.  Each rule is judged on its own, so that
 * a refusal names every rule that fails, and --explain can show them all. */
#ifndef ACCTKIT_COLLECT_H
#define ACCTKIT_COLLECT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

#define NOTICE_NUMBER_MAX 16

/* The policy the rules read (policy keys in the comments). */
struct collect_policy {
	int64_t min_arrears;		/* shutoff.min_arrears */
	long notice_after_due_days;	/* shutoff.notice_after_due_days */
	long notice_days;		/* shutoff.notice_days */
	long notice_valid_days;		/* shutoff.notice_valid_days */
	unsigned weekdays;		/* shutoff.days: bit w set for
					 * date_weekday() == w allowed */
	int no_eve_of_holiday;		/* shutoff.no_eve_of_holiday */
	int blackout_from, blackout_to;	/* shutoff.blackout, as month * 100
					 * + day; from > to wraps the year */
	int cold_from, cold_to;		/* shutoff.cold_from, shutoff.cold_to */
	long contact_hours;		/* shutoff.contact_hours */
	long per_day;			/* shutoff.per_day */
	long hold_days;			/* dispute.hold_days */
	long restore_within_hours;	/* restore.within_hours */
	int64_t reconnect_fee;		/* fee.reconnect */
	long due_days;			/* bill.due_days (for arrears) */
};

/* Parses the text forms of the policy values: "mon,tue,wed,thu" into a
 * weekday mask, "12-22" into 1222, "12-22..01-04" into from and to.  -1
 * on a malformed value (policy_check refuses those before they are
 * stored). */
int collect_weekdays_parse(const char *s, unsigned *mask);
int collect_monthday_parse(const char *s, int *md);
int collect_range_parse(const char *s, int *from, int *to);

/* Whether day's month and day fall in [from, to] (month * 100 + day),
 * wrapping the year when from > to. */
int collect_in_range(int day, int from, int to);

/* What is known of an account when its rules are judged.  Dates are day
 * numbers, DATE_NONE for none; facts are as of the business date, and
 * the rules ask which still hold on the day judged. */
struct collect_facts {
	const char *account;
	int active;			/* status active (not off, final,
					 * closed) */
	int64_t balance, arrears;	/* as of the business date */
	int days_past_due;		/* the oldest arrears' days past due */
	int heat, ebd, life_support;	/* ebd: elderly, blind or disabled */
	int medical_until;		/* the medical certificate's last
					 * day */
	int dispute_open;		/* a billing complaint is open */
	int dispute_until;		/* the last day of a closed one's
					 * hold (dispute.hold_days) */
	const char *agreement;		/* in force: its number; "" none */
	/* The notice in force: the latest served, not followed by an
	 * agreement nor used by a completed shut-off ("" none). */
	const char *notice;
	int notice_served_on, notice_expires_on;
	int contact_on;			/* the first contact attempt recorded
					 * on or after the notice's day */
};
#define COLLECT_FACTS_INIT { "", 0, 0, 0, 0, 0, 0, 0, DATE_NONE, 0, \
			     DATE_NONE, "", "", DATE_NONE, DATE_NONE, \
			     DATE_NONE }

/* The rules, in the order they are told. */
enum collect_rule {
	COLLECT_ACTIVE,		/* the account is active */
	COLLECT_NO_NOTICE,	/* notice: none already in force */
	COLLECT_NOTICE,		/* shut-off: a notice is in force */
	COLLECT_NOTICE_AGE,	/* shut-off: at least notice_days old */
	COLLECT_NOTICE_VALID,	/* shut-off: not past its expiry */
	COLLECT_ARREARS,	/* arrears at least min_arrears */
	COLLECT_PAST_DUE,	/* notice: arrears notice_after_due_days
				 * past due */
	COLLECT_LIFE_SUPPORT,	/* no life-support equipment */
	COLLECT_MEDICAL,	/* no medical certificate in force */
	COLLECT_DISPUTE,	/* no billing dispute open or on hold */
	COLLECT_AGREEMENT,	/* no agreement in force */
	COLLECT_WEEKDAY,	/* shut-off: an allowed weekday */
	COLLECT_HOLIDAY,	/* shut-off: not a holiday */
	COLLECT_EVE,		/* shut-off: not the eve of a holiday */
	COLLECT_BLACKOUT,	/* shut-off: not in the blackout */
	COLLECT_CONTACT,	/* shut-off: a contact attempt in time,
				 * where one is needed */
	COLLECT_NRULES
};

/* A rule's short name ("medical certificate") and its policy keys ("" for
 * a rule with none). */
const char *collect_rule_name(enum collect_rule r);
const char *collect_rule_keys(enum collect_rule r);

/* One rule judged: whether it applies to the question asked, whether it
 * holds, and a plain sentence of why ("certificate until 2026-12-10",
 * "Friday: shut-offs only mon,tue,wed,thu"). */
struct collect_verdict {
	int applies, holds;
	char detail[160];
};

/* Judges every rule for serving a notice on day (the rules marked notice
 * and those unmarked above): fills v[COLLECT_NRULES] and returns the
 * number that fail. */
int collect_notice_rules(const struct collect_policy *p,
			 const struct collect_facts *f, int day,
			 struct collect_verdict v[COLLECT_NRULES]);

/* Judges every rule for a shut-off on day (those marked shut-off and those
 * unmarked): fills v and returns the number that fail.  h may be NULL. */
int collect_shutoff_rules(const struct collect_policy *p,
			  const struct collect_facts *f, int day,
			  const struct holidays *h,
			  struct collect_verdict v[COLLECT_NRULES]);

/* The day rules alone (weekday, holiday, eve, blackout), which hold or
 * fail for every account alike: the number that fail, and their
 * sentences joined by "; " in why. */
int collect_day_rules(const struct collect_policy *p, int day,
		      const struct holidays *h, char *why, size_t whysize);

/* The sentences of the rules in v that apply and fail, joined by "; ",
 * into why; returns why. */
char *collect_why(const struct collect_verdict v[COLLECT_NRULES], char *why,
		  size_t whysize);

/* A notice served on day: the earliest shut-off (day + notice_days) and
 * the last day it supports one (day + notice_valid_days). */
void collect_notice_dates(const struct collect_policy *p, int day,
			  int *earliest, int *expires);

/* Whether a contact attempt is needed before a shut-off on day: all year
 * for an elderly, blind or disabled household, in the cold period for a
 * heat account.  The latest day the attempt may be recorded on is then
 * day - ceil(contact_hours / 24). */
int collect_contact_needed(const struct collect_policy *p,
			   const struct collect_facts *f, int day);
int collect_contact_by(const struct collect_policy *p, int day);

/* Whether an account that is off is owed a restoration: its balance is
 * not above zero, its arrears are below min_arrears, or it has an
 * agreement in force whose down payment is paid (down_paid).  1 with the
 * reason in why ("paid in full", "arrears 20.00 below 50.00",
 * "agreement P2026-000003 signed, down payment paid"), 0 with what is
 * missing in why. */
int collect_restore_owed(const struct collect_policy *p,
			 const struct collect_facts *f, int down_paid,
			 char *why, size_t whysize);

/* The day a restoration owed on day is scheduled for: the same day when
 * restore_within_hours is 24 or less, else (restore_within_hours - 1) / 24
 * days later. */
int collect_restore_day(const struct collect_policy *p, int day);

/* Shut-off candidates in the order crews get them: the largest arrears
 * first, then by account number. */
struct collect_candidate {
	char account[24];
	int64_t arrears;
};
void collect_sort(struct collect_candidate *c, size_t n);

/* N2026-000001; returns buf (NOTICE_NUMBER_MAX bytes). */
char *collect_notice_number(int year, int64_t seq, char *buf);

#endif
