/* Test helpers on top of cmocka 1.1.5 (Debian 12), which lacks assert_double_equal. */
#ifndef MP_TEST_H
#define MP_TEST_H

#include <math.h>
#include <stdio.h>

/* Fails unless |a - b| <= tol (NaN never passes), printing both values. */
#define assert_near(a, b, tol)                                                                                         \
	do {                                                                                                           \
		double mp_t_a_ = (a), mp_t_b_ = (b), mp_t_tol_ = (tol);                                                \
		if (!(fabs(mp_t_a_ - mp_t_b_) <= mp_t_tol_)) {                                                         \
			print_error("%s = %.17g, expected %s = %.17g (tolerance %g)\n", #a, mp_t_a_, #b, mp_t_b_,      \
				    mp_t_tol_);                                                                        \
			_fail(__FILE__, __LINE__);                                                                     \
		}                                                                                                      \
	} while (0)

#endif
