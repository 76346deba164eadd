#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "explain.h"
#include "money.h"

/* Text appended to a buffer that may be too small: len counts what the
 * whole text needs, the buffer keeps what fits. */
struct text {
	char *buf;
	size_t size, len;
};

static void
add(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(t->len < t->size ? t->buf + t->len : NULL,
		      t->len < t->size ? t->size - t->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t) n;
}

static void
add_char(struct text *t, char c)
{
	if (t->len + 1 < t->size) {
		t->buf[t->len] = c;
		t->buf[t->len + 1] = '\0';
	}
	t->len++;
}

static int64_t
size_of(int64_t amount)
{
	return amount < 0 ? -amount : amount;
}

static int
empty(const char *s)
{
	return !s || !*s;
}

/* The length of s without trailing blanks and full stops, so that a text
 * can be followed by " (reason X)." however it was written. */
static int
trimmed(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'
			 || s[n - 1] == '\t'))
		n--;
	return (int) n;
}

int
explain_wanted(const struct explain_entry *e)
{
	if (e->reversal)
		return 1;
	return e->kind == LEDGER_ADJUSTMENT || e->kind == LEDGER_FEE
	       || e->kind == LEDGER_DEPOSIT;
}

/* "we credited $45.00": what was done by an entry that reverses nothing. */
static void
add_action(struct text *t, enum ledger_kind kind, int64_t amount)
{
	char m[MONEY_BUFSZ];

	money_format_human(size_of(amount), m);
	switch (kind) {
	case LEDGER_ADJUSTMENT:
		add(t, "we %s %s", amount < 0 ? "credited" : "charged", m);
		break;
	case LEDGER_FEE:
		add(t, "we charged a fee of %s", m);
		break;
	case LEDGER_DEPOSIT:
		if (amount < 0)
			add(t, "we applied %s of your security deposit to "
			    "your account", m);
		else
			add(t, "we charged a security deposit of %s", m);
		break;
	case LEDGER_PAYMENT:
		add(t, "we received your payment of %s", m);
		break;
	case LEDGER_REFUND:
		add(t, "we refunded %s to you", m);
		break;
	case LEDGER_CHARGE:
	default:
		add(t, "we charged %s", m);
		break;
	}
}

/* "the credit of $45.00": the entry a reversal cancels. */
static void
add_cancelled(struct text *t, enum ledger_kind kind, int64_t amount)
{
	char m[MONEY_BUFSZ];
	const char *noun;

	money_format_human(size_of(amount), m);
	switch (kind) {
	case LEDGER_FEE:
		noun = "fee";
		break;
	case LEDGER_DEPOSIT:
		noun = amount < 0 ? "security deposit credit"
				  : "security deposit charge";
		break;
	case LEDGER_REFUND:
		noun = "refund";
		break;
	default:
		noun = amount < 0 ? "credit" : "charge";
		break;
	}
	add(t, "the %s of %s", noun, m);
}

static void
add_reason_code(struct text *t, const struct explain_entry *e)
{
	if (!empty(e->reason))
		add(t, " (reason %s)", e->reason);
}

/* The memo, on one line, as a note after the sentence. */
static void
add_note(struct text *t, const char *memo)
{
	int n, i;

	while (*memo == ' ' || *memo == '\t' || *memo == '\n'
	       || *memo == '\r')
		memo++;
	n = (int) strlen(memo);
	while (n > 0 && (memo[n - 1] == ' ' || memo[n - 1] == '\t'
			 || memo[n - 1] == '\n' || memo[n - 1] == '\r'))
		n--;
	if (n == 0)
		return;
	add(t, " Note: ");
	for (i = 0; i < n; i++)
		add_char(t, memo[i] == '\n' || memo[i] == '\t'
			    || memo[i] == '\r' ? ' ' : memo[i]);
	if (!strchr(".!?", memo[n - 1]))
		add_char(t, '.');
}

static void
add_reversal(struct text *t, const struct explain_entry *e)
{
	char m[MONEY_BUFSZ], day[DATE_BUFSZ];
	const char *text = e->customer_text;

	money_format_human(size_of(e->reversed_amount), m);
	date_format(e->reversed_on, day);
	if (e->reversed_kind == LEDGER_PAYMENT) {
		if (empty(text))
			add(t, "your payment of %s made on %s was returned, so "
			    "we added %s back to your balance", m, day, m);
		else
			add(t, "we reversed your payment of %s made on %s "
			    "because %.*s", m, day, trimmed(text), text);
		add_reason_code(t, e);
		return;
	}
	add(t, "we cancelled ");
	add_cancelled(t, e->reversed_kind, e->reversed_amount);
	add(t, " from %s", day);
	if (!empty(text))
		add(t, ", which we had %s because %.*s",
		    e->reversed_amount < 0 ? "given"
		    : e->reversed_kind == LEDGER_REFUND ? "made" : "charged",
		    trimmed(text), text);
	add_reason_code(t, e);
}

size_t
explain_sentence(const struct explain_entry *e, char *buf, size_t size)
{
	struct text t = { buf, size, 0 };
	char day[DATE_BUFSZ];

	if (size > 0)
		buf[0] = '\0';
	add(&t, "On %s ", date_format(e->posted_on, day));
	if (e->reversal) {
		add_reversal(&t, e);
	} else if (empty(e->customer_text)) {
		add_action(&t, e->kind, e->amount);
		add_reason_code(&t, e);
	} else {
		/* the reason's words say what a deposit was for; a deposit's
		 * own words would only repeat them */
		add_action(&t, e->kind == LEDGER_DEPOSIT ? LEDGER_ADJUSTMENT
			   : e->kind, e->amount);
		add(&t, " because %.*s", trimmed(e->customer_text),
		    e->customer_text);
		add_reason_code(&t, e);
	}
	add_char(&t, '.');
	if (!empty(e->memo))
		add_note(&t, e->memo);
	return t.len;
}
