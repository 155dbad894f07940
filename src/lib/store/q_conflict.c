/* Queries of the conflict mechanism's start state (q_conflict.h). */
#include "q_conflict.h"

#include <math.h>
#include <stdlib.h>

#include "store_internal.h"

/* Index of each ccode < 1000 among the actors (-1 none). */
static void index_of(const int *ccodes, size_t n, int *idx)
{
	for (int c = 0; c < 1000; c++)
		idx[c] = -1;
	for (size_t i = 0; i < n; i++)
		if (ccodes[i] > 0 && ccodes[i] < 1000)
			idx[ccodes[i]] = (int)i;
}

/* Runs `sql` (?1 dsid, ?2 year; rows ccode1, ccode2, value) and keeps the lowest (keep_min)
 * or highest value of each pair in m. */
static int fill(mp_ctx *ctx, mp_store *s, const char *family, const char *sql, int year, const int *idx, size_t n,
		double *m, int keep_min)
{
	int64_t dsid;
	if (!mp_store_has(s, family) || mp_store__dsid(ctx, s, family, NULL, &dsid) != MP_OK)
		return MP_OK;
	sqlite3_stmt *st;
	int rc = mp_store__prepare(ctx, s, sql, &st);
	if (rc != MP_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dsid);
	sqlite3_bind_int(st, 2, year);
	while ((rc = mp_store__step(ctx, s, st, family)) == 1) {
		int a = sqlite3_column_int(st, 0), b = sqlite3_column_int(st, 1);
		double v = sqlite3_column_double(st, 2);
		if (a <= 0 || a >= 1000 || b <= 0 || b >= 1000 || idx[a] < 0 || idx[b] < 0 || a == b)
			continue;
		size_t i = (size_t)idx[a], j = (size_t)idx[b];
		double *x = &m[i * n + j];
		if (isnan(*x) || (keep_min ? v < *x : v > *x))
			*x = m[j * n + i] = v;
	}
	if (rc < 0)
		return rc;
	sqlite3_reset(st);
	return MP_OK;
}

int mp_store__conflict_history(mp_ctx *ctx, mp_store *s, int year, const int *ccodes, size_t n, double *last_mid,
			       double *war, double *rival_carry)
{
	int idx[1000];
	index_of(ccodes, n, idx);
	for (size_t k = 0; k < n * n; k++)
		last_mid[k] = war[k] = rival_carry[k] = NAN;
	int rc = fill(ctx, s, "mid_dyad",
		      "SELECT ccode1, ccode2, max(year) FROM mid_dyad WHERE dsid = ?1 AND year <= ?2"
		      " GROUP BY ccode1, ccode2",
		      year, idx, n, last_mid, 0);
	/* wars under way in `year`: the years of the same war of the pair so far */
	if (rc == MP_OK)
		rc = fill(ctx, s, "war_inter",
			  "SELECT w.ccode1, w.ccode2, count(DISTINCT p.year) FROM war_inter w JOIN war_inter p"
			  " ON p.dsid = w.dsid AND p.warnum = w.warnum AND p.ccode1 = w.ccode1 AND p.ccode2 = w.ccode2"
			  " AND p.year <= w.year WHERE w.dsid = ?1 AND w.year = ?2 GROUP BY w.ccode1, w.ccode2",
			  year, idx, n, war, 0);
	/* Thompson-Dreyer code the rivalries going on when their file ends (2010) with endyear =
	   its last year: right-censored, not ended. For a start after the file, those still
	   active at its end count as in force (the simulation's assumption; the dyads command
	   and the world layer report the data as coded). */
	if (rc == MP_OK)
		rc = fill(ctx, s, "rivalries",
			  "SELECT ccode1, ccode2, 1 FROM rivalries WHERE dsid = ?1 AND styear <= ?2"
			  " AND endyear >= (SELECT year_max FROM datasets WHERE id = ?1)"
			  " AND ?2 > (SELECT year_max FROM datasets WHERE id = ?1)",
			  year, idx, n, rival_carry, 0);
	return rc;
}
