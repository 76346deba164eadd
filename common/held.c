#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "docnum.h"
#include "held.h"

static const char *const status_names[] = { "pending", "approved",
	"rejected" };

char *
held_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, HELD_NUMBER_MAX, "H%04d-%06" PRId64, year, seq);
	return buf;
}

int
held_number_parse(const char *s, int *year, int64_t *seq, char *why,
		  size_t whysize)
{
	if (docnum_parse(s, 'H', year, seq) == 0)
		return 0;
	snprintf(why, whysize, "not a held adjustment's number "
		 "(H2026-000123)");
	return -1;
}

const char *
held_status_name(enum held_status status)
{
	return status_names[status];
}

int
held_status_parse(const char *s, enum held_status *status)
{
	size_t i;

	for (i = 0; i < sizeof status_names / sizeof *status_names; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*status = (enum held_status) i;
			return 0;
		}
	return -1;
}

int
held_decidable(const struct held *h, char *why, size_t whysize)
{
	if (h->status == HELD_PENDING)
		return 0;
	if (h->status == HELD_APPROVED)
		snprintf(why, whysize, "approved already by %s at %s (entry "
			 "%" PRId64 ")", h->decided_by, h->decided_at,
			 h->entry);
	else
		snprintf(why, whysize, "rejected already by %s at %s",
			 h->decided_by, h->decided_at);
	return -1;
}
