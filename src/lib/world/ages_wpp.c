/* One WPP location's demography at a year from the store (the method: world/ages.c and
 * docs/demography.md, "Start world by age"). Every query is bounded by the year. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/ages_internal.h"

#define FIRST 1950
#define LAST2017 2015 /* last estimate year of WPP 2017 */
#define LAST2024 2023

void mp_world__wpp_cache_init(mp_world_wpp_cache *c)
{
	memset(c, 0, sizeof *c);
}
void mp_world__wpp_cache_free(mp_world_wpp_cache *c)
{
	(void)c;
}

static void check(mp_store *s, mp_world_wpp_cache *c)
{
	if (c->checked)
		return;
	c->checked = 1;
	c->has_vital = mp_store__wpp_has(s, "wpp_vital", "2024");
	c->has2024 = c->has_vital && mp_store__wpp_has(s, "wpp_mig", "2024");
	c->has_pasfr5 = mp_store__wpp_has(s, "wpp_asfr", "2024");
	c->has_e0_2024 = mp_store__wpp_has(s, "wpp_e0", "2024");
}

static int query(mp_ctx *ctx, mp_store *s, const char *family, const char *version, const char *indicator,
		 const char *sex, int code, int from, int until, mp_wpp_rows *out)
{
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = family;
	q.version = version;
	q.indicator = indicator;
	q.sex = sex;
	q.variant = "estimate";
	q.code = code;
	q.from = from;
	q.until = until;
	return mp_store__wpp_fetch(ctx, s, &q, out);
}

/* Annual values of a 2024 series for years from..until into v[y - from] (NaN if none). */
static int annual(mp_ctx *ctx, mp_store *s, const char *family, const char *indicator, const char *sex, int code,
		  int from, int until, double *v)
{
	for (int y = from; y <= until; y++)
		v[y - from] = NAN;
	if (until < from)
		return MP_OK;
	mp_wpp_rows r;
	int rc = query(ctx, s, family, "2024", indicator, sex, code, from, until, &r);
	if (rc != MP_OK)
		return rc;
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].year >= from && r.v[i].year <= until && r.v[i].age < 0)
			v[r.v[i].year - from] = r.v[i].value;
	mp_store__wpp_rows_free(&r);
	return MP_OK;
}

/* A 2017 period value (span 5) starting at `start`, NaN if none. */
static int period(mp_ctx *ctx, mp_store *s, const char *family, const char *indicator, const char *sex, int code,
		  int start, double *v)
{
	*v = NAN;
	mp_wpp_rows r;
	int rc = query(ctx, s, family, "2017", indicator, sex, code, start, start + 5, &r);
	if (rc != MP_OK)
		return rc;
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].year == start && r.v[i].span == 5 && r.v[i].age < 0)
			*v = r.v[i].value;
	mp_store__wpp_rows_free(&r);
	return MP_OK;
}

/* Population in five-year groups at point `year`; *open80 = 1 when 80+ is the open group.
 * MP_ENOTFOUND when none. */
static int pop5(mp_ctx *ctx, mp_store *s, int code, int year, double g[2][MP_DEMOG_GROUPS], int *open80)
{
	static const char *sx[2] = { "F", "M" };
	*open80 = 0;
	int found = 0;
	for (int x = 0; x < 2; x++) {
		mp_wpp_rows r;
		int rc = query(ctx, s, "wpp_pop", "2017", "pop", sx[x], code, year, year, &r);
		if (rc != MP_OK)
			return rc;
		memset(g[x], 0, sizeof g[x]);
		for (size_t i = 0; i < r.n; i++) {
			if (r.v[i].year != year || r.v[i].span != 0 || r.v[i].age < 0)
				continue;
			int k = r.v[i].age / 5;
			if (k >= MP_DEMOG_GROUPS)
				k = MP_DEMOG_GROUPS - 1;
			g[x][k] += r.v[i].value;
			found = 1;
			if (r.v[i].age == 80 && r.v[i].age_span == 0)
				*open80 = 1;
		}
		mp_store__wpp_rows_free(&r);
	}
	return found ? MP_OK : MP_ENOTFOUND;
}

/* Death rates of every 2017 estimate period starting in [from, to], by sex: m[k][x][i]
 * for the period starting at from + 5k; returns the periods found (consecutive). */
static int mx_periods(mp_ctx *ctx, mp_store *s, int code, int from, int to, double m[][2][MP_DEMOG_NMX], int max,
		      int *nper)
{
	static const char *sx[2] = { "F", "M" };
	int n = (to - from) / 5 + 1;
	if (n > max)
		n = max;
	for (int k = 0; k < n; k++)
		for (int x = 0; x < 2; x++)
			for (int i = 0; i < MP_DEMOG_NMX; i++)
				m[k][x][i] = NAN;
	for (int x = 0; x < 2; x++) {
		mp_wpp_rows r;
		int rc = query(ctx, s, "wpp_mx", "2017", "mx", sx[x], code, from, to + 5, &r);
		if (rc != MP_OK)
			return rc;
		for (size_t i = 0; i < r.n; i++) {
			const mp_wpp_row *v = &r.v[i];
			int k = (v->year - from) / 5;
			if ((v->year - from) % 5 || k < 0 || k >= n || v->span != 5)
				continue;
			int a = v->age == 0 ? 0 : v->age == 1 ? 1 : v->age / 5 + 1;
			if (a < MP_DEMOG_NMX)
				m[k][x][a] = v->value;
		}
		mp_store__wpp_rows_free(&r);
	}
	*nper = 0;
	for (int k = 0; k < n; k++) {
		int ok = 1;
		for (int x = 0; x < 2; x++)
			for (int i = 0; i < MP_DEMOG_NMX; i++)
				ok &= isfinite(m[k][x][i]) && m[k][x][i] > 0;
		if (!ok)
			break;
		*nper = k + 1;
	}
	return MP_OK;
}

/* Lee & Carter (1992) b_x from the periods' log death rates: the least-squares slope of
 * ln m_x on time over the last (up to six) periods, b_x = -slope_x / sum(-slope), each
 * floored at a tenth of the mean so every age improves; uniform without two periods. */
static void lee_carter(double m[][2][MP_DEMOG_NMX], int nper, double b[2][MP_DEMOG_NMX])
{
	int k0 = nper > 6 ? nper - 6 : 0, n = nper - k0;
	for (int x = 0; x < 2; x++) {
		double sl[MP_DEMOG_NMX], tot = 0;
		for (int i = 0; i < MP_DEMOG_NMX; i++) {
			double st = 0, sy = 0, stt = 0, sty = 0;
			for (int k = k0; k < nper; k++) {
				double t = k, y = log(m[k][x][i]);
				st += t, sy += y, stt += t * t, sty += t * y;
			}
			double d = n * stt - st * st;
			sl[i] = n >= 2 && d > 0 ? -(n * sty - st * sy) / d : 0;
			tot += sl[i] > 0 ? sl[i] : 0;
		}
		double floor_ = tot > 0 ? 0.1 * tot / MP_DEMOG_NMX : 0, sum = 0;
		for (int i = 0; i < MP_DEMOG_NMX; i++) {
			b[x][i] = tot > 0 ? (sl[i] > floor_ ? sl[i] : floor_) : 1.0;
			sum += b[x][i];
		}
		for (int i = 0; i < MP_DEMOG_NMX; i++)
			b[x][i] /= sum;
	}
}

/* Five-year groups to single years; an open 80+ spread like the life table's L. */
static void to_single(double g[2][MP_DEMOG_GROUPS], int open80, double L[2][MP_DEMOG_AGES], double p[2][MP_DEMOG_AGES])
{
	for (int x = 0; x < 2; x++) {
		if (open80) {
			double lsum = 0, tot = g[x][16];
			for (int a = 80; a < MP_DEMOG_AGES; a++)
				lsum += L[x][a];
			for (int k = 16; k < MP_DEMOG_GROUPS; k++)
				g[x][k] = 0;
			for (int a = 80; a < MP_DEMOG_AGES; a++) {
				int k = a / 5 < MP_DEMOG_GROUPS ? a / 5 : MP_DEMOG_GROUPS - 1;
				g[x][k] += lsum > 0 ? tot * L[x][a] / lsum : 0;
			}
		}
		mp_demog_pop_to_single(g[x], p[x]);
	}
}

/* Deaths of one year when the survival ratios are raised to the power th (the hazard
 * scaled by th) for people n[x][a] and births b[x]. */
static double deaths_at(double th, double p[2][MP_DEMOG_AGES], double sx[2][MP_DEMOG_AGES], const double b[2])
{
	double d = 0;
	const int A = MP_DEMOG_AGES - 1;
	for (int x = 0; x < 2; x++) {
		d += b[x] * (1 - pow(sx[x][0], th));
		for (int a = 1; a < A; a++)
			d += p[x][a - 1] * (1 - pow(sx[x][a], th));
		d += (p[x][A - 1] + p[x][A]) * (1 - pow(sx[x][A], th));
	}
	return d;
}

/* One carried-forward year: survival with the hazard scaled so deaths are `deaths`
 * (bisection on th in [0, 20]), births b, net migrants mig * pattern at the end. */
static void carry(double p[2][MP_DEMOG_AGES], double sx[2][MP_DEMOG_AGES], double births, double srb, double deaths,
		  double mig, double pat[2][MP_DEMOG_AGES])
{
	double bm = births * srb / (1 + srb), b[2] = { births - bm, bm }, th = 1;
	if (isfinite(deaths) && deaths > 0) {
		double lo = 0, hi = 20;
		if (deaths_at(hi, p, sx, b) > deaths)
			for (int it = 0; it < 60; it++) {
				th = 0.5 * (lo + hi);
				if (deaths_at(th, p, sx, b) > deaths)
					hi = th;
				else
					lo = th;
			}
		else
			th = hi;
	}
	const int A = MP_DEMOG_AGES - 1;
	for (int x = 0; x < 2; x++) {
		double top = (p[x][A - 1] + p[x][A]) * pow(sx[x][A], th);
		for (int a = A - 1; a >= 1; a--)
			p[x][a] = p[x][a - 1] * pow(sx[x][a], th);
		p[x][A] = top;
		p[x][0] = b[x] * pow(sx[x][0], th);
		for (int a = 0; a <= A; a++) {
			p[x][a] += mig * pat[x][a];
			if (p[x][a] < 0)
				p[x][a] = 0;
		}
	}
}

/* The migrants' age-sex pattern from the forward survival residual of the period
 * [p0, p0 + 5] (five-year method; Rogers & Castro's schedule if it cannot carry its
 * total), as yearly arrivals by single year (mp_demog_mig_annual), summing to 1. */
static void mig_pattern(double g0[2][MP_DEMOG_GROUPS], double g1[2][MP_DEMOG_GROUPS], double mx[2][MP_DEMOG_NMX],
			double tfr, const double *pasfr, double srb, double total, double pat[2][MP_DEMOG_AGES])
{
	double L[MP_DEMOG_GROUPS], s[2][MP_DEMOG_GROUPS], R[2][MP_DEMOG_GROUPS];
	for (int x = 0; x < 2; x++) {
		mp_demog_lt5(x, mx[x], L, NULL);
		mp_demog_survival(L, MP_DEMOG_GROUPS, 5, s[x]);
	}
	double births = 0;
	for (int k = 0; k < MP_DEMOG_NFERT5; k++)
		births += tfr * pasfr[k] / 100.0 * 0.5 * (g0[0][3 + k] + g1[0][3 + k]);
	double bm = births * srb / (1 + srb), b[2] = { births - bm, bm }, sum = 0, sabs = 0;
	const int A = MP_DEMOG_GROUPS - 1;
	for (int x = 0; x < 2; x++) {
		R[x][0] = g1[x][0] - s[x][0] * b[x];
		for (int a = 1; a < A; a++)
			R[x][a] = g1[x][a] - s[x][a] * g0[x][a - 1];
		R[x][A] = g1[x][A] - s[x][A] * (g0[x][A - 1] + g0[x][A]);
		for (int a = 0; a <= A; a++)
			sum += R[x][a], sabs += fabs(R[x][a]);
	}
	int ok = isfinite(sum) && sabs > 0 && fabs(sum) >= 0.1 * sabs && total != 0;
	double tot = 0;
	for (int x = 0; x < 2; x++) {
		double g[MP_DEMOG_GROUPS];
		for (int a = 0; a <= A; a++) {
			double rc = 0;
			for (int y = 5 * a; y < 5 * a + 5; y++)
				rc += mp_demog_rogers_castro(y);
			g[a] = ok ? R[x][a] / sum : rc;
		}
		mp_demog_mig_annual(g, pat[x]);
		for (int a = 0; a < MP_DEMOG_AGES; a++)
			tot += pat[x][a];
	}
	for (int x = 0; x < 2; x++)
		for (int a = 0; a < MP_DEMOG_AGES; a++)
			pat[x][a] = tot != 0 ? pat[x][a] / tot : 0;
}

/* Fertility shares by single year 15..49 from percentages by five-year group g[n] that
 * start at age first (10-14 is folded into 15-19, 50-54 into 45-49). */
static void fert_shares(const double *g, int n, int first, double *out)
{
	double g7[MP_DEMOG_NFERT5] = { 0 }, tot = 0;
	for (int k = 0; k < n; k++) {
		int j = (first + 5 * k - 15) / 5;
		j = j < 0 ? 0 : j >= MP_DEMOG_NFERT5 ? MP_DEMOG_NFERT5 - 1 : j;
		if (isfinite(g[k]))
			g7[j] += g[k];
	}
	mp_demog_split5(g7, MP_DEMOG_NFERT5, 1, out);
	for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
		tot += out[a];
	for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
		out[a] = tot > 0 ? out[a] / tot : 1.0 / MP_DEMOG_FERT_AGES;
}

static int pasfr_2017(mp_ctx *ctx, mp_store *s, int code, int start, double *g)
{
	mp_wpp_rows r;
	for (int k = 0; k < MP_DEMOG_NFERT5; k++)
		g[k] = NAN;
	int rc = query(ctx, s, "wpp_asfr", "2017", "pasfr", "F", code, start, start + 5, &r);
	if (rc != MP_OK)
		return rc;
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].year == start && r.v[i].age >= 15 && r.v[i].age < 50)
			g[(r.v[i].age - 15) / 5] = r.v[i].value;
	mp_store__wpp_rows_free(&r);
	return MP_OK;
}

int mp_world__wpp_location(mp_ctx *ctx, mp_store *s, mp_world_wpp_cache *c, int code, int year, mp_actor_demog *out)
{
	check(s, c);
	memset(out, 0, sizeof *out);
	int Y = year < FIRST ? FIRST : year;
	int P = Y / 5 * 5;
	if (P > LAST2017)
		P = LAST2017;
	int pstart = P > FIRST ? P - 5 : FIRST; /* the rates' period: the last ending <= P */
	double g0[2][MP_DEMOG_GROUPS], g1[2][MP_DEMOG_GROUPS];
	int open0 = 0, open1 = 0, rc;
	if ((rc = pop5(ctx, s, code, P, g1, &open1)) != MP_OK)
		return rc;
	double m[14][2][MP_DEMOG_NMX];
	int nper = 0;
	if ((rc = mx_periods(ctx, s, code, FIRST, pstart, m, 14, &nper)) != MP_OK)
		return rc;
	if (nper == 0)
		return MP_ENOTFOUND;
	memcpy(out->mx, m[nper - 1], sizeof out->mx);
	lee_carter(m, nper, out->lc_b);
	double L[2][MP_DEMOG_AGES], sx[2][MP_DEMOG_AGES];
	for (int x = 0; x < 2; x++) {
		out->e0[x] = mp_demog_lt1(x, out->mx[x], L[x]);
		mp_demog_survival(L[x], MP_DEMOG_AGES, 1, sx[x]);
	}
	to_single(g1, open1, L, out->pop);
	/* the period's fertility, sex ratio and migrants (2017) */
	double tfr5, srb5, mig5, pas[MP_DEMOG_NFERT5];
	if ((rc = period(ctx, s, "wpp_tfr", "tfr", "F", code, pstart, &tfr5)) != MP_OK ||
	    (rc = period(ctx, s, "wpp_srb", "srb", "B", code, pstart, &srb5)) != MP_OK ||
	    (rc = period(ctx, s, "wpp_mig", "mig", "B", code, pstart, &mig5)) != MP_OK ||
	    (rc = pasfr_2017(ctx, s, code, pstart, pas)) != MP_OK)
		return rc;
	if (!isfinite(srb5))
		srb5 = 1.05;
	if (!isfinite(mig5))
		mig5 = 0;
	/* the migrants' pattern: the residual of [P-5, P] (Rogers-Castro at P = 1950) */
	if (P > FIRST && isfinite(tfr5) && pop5(ctx, s, code, P - 5, g0, &open0) == MP_OK) {
		if (open0 || open1) { /* residuals need the same open group: fold to 80+ */
			for (int x = 0; x < 2; x++)
				for (int k = 17; k < MP_DEMOG_GROUPS; k++) {
					g0[x][16] += g0[x][k], g1[x][16] += g1[x][k];
					g0[x][k] = g1[x][k] = 0;
				}
		}
		mig_pattern(g0, g1, out->mx, tfr5, pas, srb5, mig5, out->mig);
	} else {
		double z[2][MP_DEMOG_GROUPS] = { { 0 } };
		mig_pattern(z, z, out->mx, 0, pas, srb5, 0, out->mig);
	}
	out->tfr = tfr5;
	out->srb = srb5;
	fert_shares(pas, MP_DEMOG_NFERT5, 15, out->fert);
	double ptot = 0;
	for (int x = 0; x < 2; x++)
		for (int a = 0; a < MP_DEMOG_AGES; a++)
			ptot += out->pop[x][a];
	out->mig_rate = ptot > 0 ? mig5 / 5.0 / ptot : 0;
	out->source = MP_AGES_WPP;
	out->year = P;
	/* carried forward to the year with WPP 2024's annual components (rows <= year) */
	int Yc = Y > LAST2024 ? LAST2024 : Y;
	if (c->has2024) {
		double B[LAST2024 - FIRST + 2], D[LAST2024 - FIRST + 2], M[LAST2024 - FIRST + 2],
			S[LAST2024 - FIRST + 2];
		int from = P > FIRST ? P - 4 : FIRST;
		if ((rc = annual(ctx, s, "wpp_vital", "births", "B", code, from, Yc, B)) != MP_OK ||
		    (rc = annual(ctx, s, "wpp_vital", "deaths", "B", code, from, Yc, D)) != MP_OK ||
		    (rc = annual(ctx, s, "wpp_mig", "mig", "B", code, from, Yc, M)) != MP_OK ||
		    (rc = annual(ctx, s, "wpp_srb", "srb", "B", code, from, Yc, S)) != MP_OK)
			return rc;
		for (int y = P + 1; y <= Yc; y++) {
			int i = y - from;
			double b = 0.5 * (B[i - 1] + B[i]), d = 0.5 * (D[i - 1] + D[i]), mg = 0.5 * (M[i - 1] + M[i]);
			if (!isfinite(b) || !isfinite(d) || !isfinite(mg))
				break;
			carry(out->pop, sx, b, isfinite(S[i]) ? S[i] : out->srb, d, mg, out->mig);
			out->year = y;
		}
		/* the rates of the year itself */
		double msum = 0, ptot2 = 0;
		int nm = 0;
		for (int y = Yc - 4 < from ? from : Yc - 4; y <= Yc; y++)
			if (isfinite(M[y - from]))
				msum += M[y - from], nm++;
		for (int x = 0; x < 2; x++)
			for (int a = 0; a < MP_DEMOG_AGES; a++)
				ptot2 += out->pop[x][a];
		if (nm && ptot2 > 0)
			out->mig_rate = msum / nm / ptot2;
		if (isfinite(S[Yc - from]))
			out->srb = S[Yc - from];
		double t[1];
		if ((rc = annual(ctx, s, "wpp_tfr", "tfr", "F", code, Yc, Yc, t)) != MP_OK)
			return rc;
		if (isfinite(t[0]))
			out->tfr = t[0];
	} else {
		/* without WPP 2024: the period's rates carried to the year (deaths and births
		   from them, migrants the period's yearly mean) */
		for (int y = P + 1; y <= Yc && y <= P + 5 && isfinite(tfr5); y++) {
			double b = 0;
			for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
				b += tfr5 * out->fert[a] * out->pop[0][MP_DEMOG_FERT_FIRST + a];
			carry(out->pop, sx, b, out->srb, NAN, mig5 / 5.0, out->mig);
			out->year = y;
		}
	}
	if (c->has_e0_2024) {
		static const char *sxn[2] = { "F", "M" };
		for (int x = 0; x < 2; x++) {
			double e[1];
			if ((rc = annual(ctx, s, "wpp_e0", "e0", sxn[x], code, Yc, Yc, e)) != MP_OK)
				return rc;
			if (isfinite(e[0]) && year >= FIRST)
				out->e0[x] = e[0];
		}
	}
	if (c->has_pasfr5 && year >= FIRST) {
		mp_wpp_rows r;
		if ((rc = query(ctx, s, "wpp_asfr", "2024", "pasfr", "F", code, Yc, Yc, &r)) != MP_OK)
			return rc;
		double g[9];
		int n = 0;
		for (int k = 0; k < 9; k++)
			g[k] = NAN;
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].year == Yc && r.v[i].age >= 10 && r.v[i].age < 55) {
				g[(r.v[i].age - 10) / 5] = r.v[i].value;
				n++;
			}
		mp_store__wpp_rows_free(&r);
		if (n)
			fert_shares(g, 9, 10, out->fert);
	}
	if (!isfinite(out->tfr))
		out->tfr = 2.1;
	return MP_OK;
}
