#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "docnum.h"
#include "money.h"
#include "out.h"
#include "receipt.h"

char *
receipt_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, RECEIPT_NUMBER_MAX, "R%04d-%06" PRId64, year, seq);
	return buf;
}

int
receipt_number_parse(const char *s, int *year, int64_t *seq, char *why,
		     size_t whysize)
{
	if (docnum_parse(s, 'R', year, seq) == 0)
		return 0;
	snprintf(why, whysize, "not a receipt number (R2026-000123)");
	return -1;
}

int
receipt_number_like(const char *s)
{
	return docnum_like(s, 'R');
}

int
receipt_ref_reserved(const char *source, const char *ref)
{
	return strcmp(source, "counter") == 0 && receipt_number_like(ref);
}

int
receipt_tender_check(const char *s, char *why, size_t whysize)
{
	static const char *const tenders[] = { "cash", "check", "card",
		"money-order", NULL };
	size_t i;

	for (i = 0; tenders[i]; i++)
		if (strcmp(s, tenders[i]) == 0)
			return 0;
	snprintf(why, whysize, "not cash, check, card or money-order");
	return -1;
}

const char *const receipt_columns[] = {
	"receipt", "account", ">amount", "tender", "check_no", "paid_on",
	">balance_before", ">balance_after", "clerk", "issued_at", "voids",
	"voided_by", "reason", "approved_by", ">entry", NULL
};

void
receipt_out_row(struct out *o, const struct receipt *r)
{
	out_field(o, r->number);
	out_field(o, r->account);
	out_money(o, r->amount);
	out_field(o, r->tender);
	out_field(o, r->check_no);
	out_date(o, r->paid_on);
	out_money(o, r->balance_before);
	out_money(o, r->balance_after);
	out_field(o, r->login);
	out_field(o, r->issued_at);
	out_field(o, r->voids);
	out_field(o, r->voided_by);
	out_field(o, r->reason);
	out_field(o, r->approved_by);
	out_int(o, r->entry);
	out_row_end(o);
}

/* "2026-11-27T14:03:09Z" as people read it: "2026-11-27 14:03 UTC". */
static void
readable_time(const char *iso, char *buf, size_t size)
{
	if (strlen(iso) >= 16 && iso[10] == 'T')
		snprintf(buf, size, "%.10s %.5s UTC", iso, iso + 11);
	else
		snprintf(buf, size, "%s", iso);
}

static void
field(struct receipt_doc *doc, size_t *n, const char *name,
      const char *value)
{
	doc->fields[*n].name = name;
	doc->fields[*n].value = value;
	(*n)++;
}

void
receipt_doc_fill(struct receipt_doc *doc, const struct receipt *r,
		 const char *name, const char *service_address, int duplicate)
{
	char credit[MONEY_BUFSZ];
	size_t n = 0;

	money_format_human(r->amount, doc->amount);
	money_format_human(r->balance_before, doc->before);
	money_format_human(r->balance_after, doc->after);
	date_format(r->paid_on, doc->paid_on);
	readable_time(r->issued_at, doc->issued_at, sizeof doc->issued_at);
	doc->note[0] = '\0';
	if (r->balance_after < 0)
		snprintf(doc->note, sizeof doc->note, "Your account now has a "
			 "credit of %s.",
			 money_format_human(-r->balance_after, credit));
	field(doc, &n, "title", r->voids[0] ? "VOID RECEIPT" : "RECEIPT");
	field(doc, &n, "duplicate", duplicate ? "DUPLICATE" : "");
	field(doc, &n, "receipt", r->number);
	field(doc, &n, "issued_at", doc->issued_at);
	field(doc, &n, "paid_on", doc->paid_on);
	field(doc, &n, "account", r->account);
	field(doc, &n, "name", name);
	field(doc, &n, "service_address", service_address);
	field(doc, &n, "amount", doc->amount);
	field(doc, &n, "tender", r->tender);
	field(doc, &n, "check_no", r->check_no);
	field(doc, &n, "balance_before", doc->before);
	field(doc, &n, "balance_after", doc->after);
	field(doc, &n, "note", doc->note);
	field(doc, &n, "voids", r->voids);
	field(doc, &n, "reason", r->reason);
	field(doc, &n, "clerk", r->login);
}
