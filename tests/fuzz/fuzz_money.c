/* fuzz_money: money_parse, money_format, money_format_human, money_add and
 * the down payment of an agreement (an amount or a share).
 *
 * The input is a money string (up to its first NUL byte, at most 63
 * bytes); the bytes after that NUL, if 16 or more, are two int64 values.
 * Properties: an accepted string is within the limit, formats to the
 * canonical form, and that form parses to the same cents; formatting any
 * int64 fits the buffer; money_add agrees with exact arithmetic; a share of
 * 0% to 100% is never above the amount. */
#include <config.h>

#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "agreement.h"
#include "fuzz.h"
#include "money.h"

#define TEXT_MAX 64

/* -?[0-9]+\.[0-9][0-9], no leading zero but for "0.xx", no "-0.00" */
static int
canonical(const char *s)
{
	const char *p = s + (*s == '-');
	size_t n = strspn(p, "0123456789");

	if (n == 0 || (n > 1 && *p == '0'))
		return 0;
	if (p[n] != '.' || strspn(p + n + 1, "0123456789") != 2 ||
	    p[n + 3] != '\0')
		return 0;
	return !(*s == '-' && strcmp(p, "0.00") == 0);
}

static void
check_value(int64_t cents)
{
	char buf[MONEY_BUFSZ], human[MONEY_BUFSZ], why[128];
	int64_t back;

	money_format(cents, buf);
	FUZZ_REQUIRE(strlen(buf) < MONEY_BUFSZ, "%s", buf);
	money_format_human(cents, human);
	FUZZ_REQUIRE(strlen(human) < MONEY_BUFSZ, "%s", human);
	FUZZ_REQUIRE(strchr(human, '$') != NULL, "'%s' for %" PRId64, human,
		     cents);
	if (cents < -MONEY_LIMIT || cents > MONEY_LIMIT)
		return;
	FUZZ_REQUIRE(canonical(buf), "'%s' for %" PRId64, buf, cents);
	FUZZ_REQUIRE(money_parse(buf, &back, why, sizeof why) == 0,
		     "'%s' refused: %s", buf, why);
	FUZZ_REQUIRE(back == cents, "'%s' read back as %" PRId64, buf, back);
}

static void
check_add(int64_t a, int64_t b)
{
	__int128 exact = (__int128) a + b;
	__int128 limit = (__int128) MONEY_LIMIT * 1000;
	int64_t sum = 12345;
	int rc = money_add(a, b, &sum);

	if (exact > limit || exact < -limit) {
		FUZZ_REQUIRE(rc < 0 && sum == 12345,
			     "%" PRId64 " + %" PRId64 " accepted", a, b);
	} else {
		FUZZ_REQUIRE(rc == 0 && sum == (int64_t) exact,
			     "%" PRId64 " + %" PRId64 " gave %" PRId64, a, b,
			     sum);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[TEXT_MAX], buf[MONEY_BUFSZ], why[128];
	const uint8_t *nul = memchr(data, '\0', size);
	size_t whole = nul ? (size_t) (nul - data) : size, len = whole;
	int64_t cents, a, b, down;

	if (len >= TEXT_MAX)
		len = TEXT_MAX - 1;
	memcpy(text, data, len);
	text[len] = '\0';

	why[0] = '\0';
	if (money_parse(text, &cents, why, sizeof why) == 0) {
		FUZZ_REQUIRE(cents >= -MONEY_LIMIT && cents <= MONEY_LIMIT,
			     "'%s' gave %" PRId64, text, cents);
		check_value(cents);
		/* the canonical form parses to itself */
		money_format(cents, buf);
		if (canonical(text))
			FUZZ_REQUIRE(strcmp(text, buf) == 0,
				     "'%s' written back as '%s'", text, buf);
	} else {
		FUZZ_REQUIRE(why[0] != '\0', "'%s' refused without a reason",
			     text);
	}

	/* the down payment, as plan-calc reads it, over a fixed amount */
	if (agreement_down_parse(text, 123456789, &down, why, sizeof why) == 0)
		FUZZ_REQUIRE(down >= 0 && (text[len ? len - 1 : 0] != '%' ||
					   down <= 123456789),
			     "'%s' gave a down payment of %" PRId64, text,
			     down);

	if (nul && size - whole - 1 >= 16) {
		memcpy(&a, nul + 1, 8);
		memcpy(&b, nul + 9, 8);
		check_value(a);
		check_value(b);
		check_add(a, b);
		/* amounts near the limit, where the rules bite */
		check_value(a % (MONEY_LIMIT + 1));
		check_add(a % (MONEY_LIMIT * 1000 + 1),
			  b % (MONEY_LIMIT * 1000 + 1));
	}
	return 0;
}
