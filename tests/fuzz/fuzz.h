/* fuzz.h: what the fuzz targets share.  Each target is one libFuzzer entry
 * point, LLVMFuzzerTestOneInput, built two ways: by clang with libFuzzer and
 * the sanitizers (make fuzz), and by the ordinary compiler with replay.c as
 * main (make check runs the seed corpus and the regression inputs through
 * it).  A broken property aborts, which both count as a failure. */
#ifndef ACCTKIT_FUZZ_H
#define ACCTKIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Like assert(), but never compiled out, and saying which target and what. */
#define FUZZ_REQUIRE(cond, ...) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: property failed: %s: ", \
				__FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			abort(); \
		} \
	} while (0)

#endif
