/* The UN's cohort-component projection of one location from WPP data (the known answer
 * of docs/demography.md): reading the inputs from the store, and projecting them in the
 * UN's five-year steps or in the simulation's yearly steps. */
#include "demog/demog_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/q_demog.h"

double mp_demog_rogers_castro(double x)
{
	/* Rogers & Castro (1981), eq. 1 with the simplified basic standard schedule */
	const double a1 = 0.02, alpha1 = 0.1, a2 = 0.06, mu2 = 20, alpha2 = 0.1, lambda2 = 0.4, c = 0.003;
	return a1 * exp(-alpha1 * x) + a2 * exp(-alpha2 * (x - mu2) - exp(-lambda2 * (x - mu2))) + c;
}

/* Values of one (family, sex) at the periods base + 5k (k < nper) into out[k], by age
 * group into out[k * nage + group] when ages != NULL (group index from the age). */
static int fetch(mp_ctx *ctx, mp_store *s, const char *family, const char *indicator, const char *sex, int code,
		 int first, int nper, int span, int by_age, double *out, int nout)
{
	mp_wpp_query q = MP_WPP_QUERY_INIT;
	q.family = family;
	q.version = "2017";
	q.indicator = indicator;
	q.sex = sex;
	q.variant = "estimate"; /* the estimates and the medium variant */
	q.variant2 = "medium";
	q.code = code;
	q.from = first;
	q.until = first + 5 * (nper - 1) + span;
	mp_wpp_rows rows;
	int rc = mp_store__wpp_fetch(ctx, s, &q, &rows);
	if (rc != MP_OK)
		return rc;
	for (int i = 0; i < nout; i++)
		out[i] = NAN;
	int per_k = nout / nper;
	for (size_t i = 0; i < rows.n; i++) {
		const mp_wpp_row *r = &rows.v[i];
		if ((r->year - first) % 5 != 0 || r->span != span)
			continue;
		int k = (r->year - first) / 5;
		if (k < 0 || k >= nper)
			continue;
		int g = 0;
		if (by_age == 1) /* population groups 0-4 ... 100+ */
			g = r->age / 5;
		else if (by_age == 2) /* mx ages 0, 1, 5, ..., 100 */
			g = r->age == 0 ? 0 : r->age == 1 ? 1 : r->age / 5 + 1;
		else if (by_age == 3) /* fertility groups 15-19 ... 45-49 */
			g = (r->age - 15) / 5;
		if (g < 0 || g >= per_k)
			continue;
		out[k * per_k + g] = r->value;
	}
	mp_store__wpp_rows_free(&rows);
	for (int i = 0; i < nout; i++)
		if (!isfinite(out[i]))
			return mp_error_set(ctx, MP_ENOTFOUND,
					    "WPP 2017 %s (%s%s) of location %d: missing values from %d", family,
					    indicator, sex ? sex : "", code, first);
	return MP_OK;
}

/* 5 x ASFR of the fertile groups from TFR and its percentages. */
static void fert5(double tfr, const double *pasfr, double *fx)
{
	for (int k = 0; k < MP_DEMOG_NFERT5; k++)
		fx[3 + k] = tfr * pasfr[k] / 100.0;
}

/* Rogers & Castro's schedule in five-year groups, half female, summing to 1. */
static void rogers_castro(double pat[2][MP_DEMOG_GROUPS])
{
	double tot = 0;
	for (int a = 0; a < MP_DEMOG_GROUPS; a++) {
		double v = 0;
		for (int y = 5 * a; y < 5 * a + 5; y++)
			v += mp_demog_rogers_castro(y);
		pat[0][a] = pat[1][a] = v;
		tot += 2 * v;
	}
	for (int x = 0; x < 2; x++)
		for (int a = 0; a < MP_DEMOG_GROUPS; a++)
			pat[x][a] /= tot;
}

/* The forward survival residual of one period t -> t+5 (UN five-year method): the people
 * of each group at t+5 not explained by the survivors of t (or of the period's births,
 * for the first group): R_a = N_a(t+5) - s_a N_a-1(t), open R_A = N_A(t+5) - s_A (N_A-1(t)
 * + N_A(t)), R_0 = N_0(t+5) - s_0 B. Returns sum R; *sabs = sum |R|. */
static double residual(double p0[2][MP_DEMOG_GROUPS], double p1[2][MP_DEMOG_GROUPS], double mx[2][MP_DEMOG_NMX],
		       double tfr, const double *pasfr, double srb, double R[2][MP_DEMOG_GROUPS], double *sabs)
{
	double L[MP_DEMOG_GROUPS], sx[2][MP_DEMOG_GROUPS], fx[MP_DEMOG_GROUPS] = { 0 };
	for (int x = 0; x < 2; x++) {
		mp_demog_lt5(x, mx[x], L, NULL);
		mp_demog_survival(L, MP_DEMOG_GROUPS, 5, sx[x]);
	}
	fert5(tfr, pasfr, fx);
	double births = 0;
	for (int a = 3; a < 10; a++)
		births += fx[a] * 0.5 * (p0[0][a] + p1[0][a]);
	double bm = births * srb / (1 + srb), b[2] = { births - bm, bm };
	double sum = 0;
	const int A = MP_DEMOG_GROUPS - 1;
	*sabs = 0;
	for (int x = 0; x < 2; x++) {
		R[x][0] = p1[x][0] - sx[x][0] * b[x];
		for (int a = 1; a < A; a++)
			R[x][a] = p1[x][a] - sx[x][a] * p0[x][a - 1];
		R[x][A] = p1[x][A] - sx[x][A] * (p0[x][A - 1] + p0[x][A]);
		for (int a = 0; a <= A; a++) {
			sum += R[x][a];
			*sabs += fabs(R[x][a]);
		}
	}
	return sum;
}

int mp_demog_wpp_load(mp_ctx *ctx, mp_store *s, int code, int base, int nper, int migpat, mp_demog_wpp *out)
{
	memset(out, 0, sizeof *out);
	if (nper < 1 || nper > MP_DEMOG_MAXPER)
		return mp_error_set(ctx, MP_ERANGE, "WPP projection: 1 to %d periods, got %d", MP_DEMOG_MAXPER, nper);
	out->code = code;
	out->base = base;
	out->nper = nper;
	static const char *sexes[2] = { "F", "M" };
	int rc = MP_OK;
	/* periods from base - 10 (the residuals of the estimates) to the last projected one */
	enum { E = 2 };
	const int np = nper + E, first = base - 5 * E;
	double mx[MP_DEMOG_MAXPER + E][2][MP_DEMOG_NMX], tfr[MP_DEMOG_MAXPER + E], srb[MP_DEMOG_MAXPER + E];
	double pasfr[MP_DEMOG_MAXPER + E][MP_DEMOG_NFERT5], mig[MP_DEMOG_MAXPER + E];
	double pop[MP_DEMOG_MAXPER + E + 1][2][MP_DEMOG_GROUPS]; /* at first + 5k; medium variant after base */
	for (int x = 0; x < 2 && rc == MP_OK; x++) {
		double buf[(MP_DEMOG_MAXPER + E + 1) * MP_DEMOG_GROUPS];
		rc = fetch(ctx, s, "wpp_mx", "mx", sexes[x], code, first, np, 5, 2, buf, np * MP_DEMOG_NMX);
		for (int k = 0; rc == MP_OK && k < np; k++)
			memcpy(mx[k][x], buf + k * MP_DEMOG_NMX, sizeof mx[k][x]);
		if (rc == MP_OK)
			rc = fetch(ctx, s, "wpp_pop", "pop", sexes[x], code, first, np + 1, 0, 1, buf,
				   (np + 1) * MP_DEMOG_GROUPS);
		for (int k = 0; rc == MP_OK && k <= np; k++)
			memcpy(pop[k][x], buf + k * MP_DEMOG_GROUPS, sizeof pop[k][x]);
	}
	if (rc == MP_OK)
		rc = fetch(ctx, s, "wpp_tfr", "tfr", "F", code, first, np, 5, 0, tfr, np);
	if (rc == MP_OK)
		rc = fetch(ctx, s, "wpp_asfr", "pasfr", "F", code, first, np, 5, 3, &pasfr[0][0], np * MP_DEMOG_NFERT5);
	if (rc == MP_OK)
		rc = fetch(ctx, s, "wpp_srb", "srb", "B", code, first, np, 5, 0, srb, np);
	if (rc == MP_OK)
		rc = fetch(ctx, s, "wpp_mig", "mig", "B", code, first, np, 5, 0, mig, np);
	if (rc != MP_OK)
		return rc;
	memcpy(out->pop, pop[E], sizeof out->pop);
	for (int k = 0; k < nper; k++) {
		memcpy(out->mx[k], mx[k + E], sizeof out->mx[k]);
		out->tfr[k] = tfr[k + E];
		out->srb[k] = srb[k + E];
		out->mig[k] = mig[k + E];
		memcpy(out->pasfr[k], pasfr[k + E], sizeof pasfr[0]);
	}
	/* net migrants by age and sex (see demog.h) */
	const int A = MP_DEMOG_GROUPS - 1;
	double R[2][MP_DEMOG_GROUPS], sabs = 0, sum = 0, pat[2][MP_DEMOG_GROUPS];
	int have = 0;
	if (migpat == MP_DEMOG_MIGPAT_UN) {
		/* each period's distribution times its total; a period whose residual cannot
		   carry its total keeps the last usable distribution (counted in migpat_kept) */
		for (int t = 0; t < nper; t++) {
			int k = E + t;
			sum = residual(pop[k], pop[k + 1], mx[k], tfr[k], pasfr[k], srb[k], R, &sabs);
			int usable = sabs > 0 && fabs(sum) >= 0.1 * sabs && fabs(mig[k]) > 0;
			if (usable)
				for (int x = 0; x < 2; x++)
					for (int a = 0; a <= A; a++)
						pat[x][a] = R[x][a] / sum;
			else if (mig[k] != 0)
				out->migpat_kept++;
			if (!usable && !have) { /* none yet: Rogers-Castro until the first usable one */
				rogers_castro(pat);
				out->migpat_model = 1;
			}
			have |= usable;
			for (int x = 0; x < 2; x++)
				for (int a = 0; a <= A; a++)
					out->migage[t][x][a] = out->mig[t] * pat[x][a];
		}
		return MP_OK;
	}
	for (int t = 0; t < E && !have; t++) {
		int k = migpat == MP_DEMOG_MIGPAT_ESTIMATES ? E - 1 - t : E + t;
		sum = residual(pop[k], pop[k + 1], mx[k], tfr[k], pasfr[k], srb[k], R, &sabs);
		have = sabs > 0 && fabs(sum) >= 0.1 * sabs && fabs(mig[k]) > 0;
	}
	for (int x = 0; x < 2; x++)
		for (int a = 0; a <= A; a++)
			pat[x][a] = have ? R[x][a] / sum : 0;
	if (!have) {
		rogers_castro(pat);
		out->migpat_model = 1;
	}
	for (int t = 0; t < nper; t++)
		for (int x = 0; x < 2; x++)
			for (int a = 0; a <= A; a++)
				out->migage[t][x][a] = out->mig[t] * pat[x][a];
	return MP_OK;
}

/* One period in the UN's five-year steps. */
static void period5(const mp_demog_wpp *in, int k, int timing, double *pf, double *pm)
{
	double L[MP_DEMOG_GROUPS], sx[2][MP_DEMOG_GROUPS], fx[MP_DEMOG_GROUPS] = { 0 }, mig[2][MP_DEMOG_AGES];
	for (int x = 0; x < 2; x++) {
		mp_demog_lt5(x, in->mx[k][x], L, NULL);
		mp_demog_survival(L, MP_DEMOG_GROUPS, 5, sx[x]);
		for (int a = 0; a < MP_DEMOG_GROUPS; a++)
			mig[x][a] = in->migage[k][x][a];
	}
	fert5(in->tfr[k], in->pasfr[k], fx);
	mp_demog_rates r = { 5,     MP_DEMOG_GROUPS, { sx[0], sx[1] }, fx,
			     3,     MP_DEMOG_NFERT5, in->srb[k],       { mig[0], mig[1] },
			     timing };
	mp_demog_step(&r, pf, pm, NULL);
}

/* One period in yearly steps over single years of age, the same rates every year. */
static void period1(const mp_demog_wpp *in, int k, int timing, double *pf, double *pm)
{
	double L[MP_DEMOG_AGES], sx[2][MP_DEMOG_AGES], fx[MP_DEMOG_AGES] = { 0 }, mig[2][MP_DEMOG_AGES];
	double share[MP_DEMOG_FERT_AGES];
	for (int x = 0; x < 2; x++) {
		mp_demog_lt1(x, in->mx[k][x], L);
		mp_demog_survival(L, MP_DEMOG_AGES, 1, sx[x]);
		mp_demog_mig_annual(in->migage[k][x], mig[x]);
	}
	mp_demog_split5(in->pasfr[k], MP_DEMOG_NFERT5, 1, share);
	for (int a = 0; a < MP_DEMOG_FERT_AGES; a++)
		fx[MP_DEMOG_FERT_FIRST + a] = in->tfr[k] * share[a] / 100.0;
	mp_demog_rates r = { 1,          MP_DEMOG_AGES,       { sx[0], sx[1] },
			     fx,         MP_DEMOG_FERT_FIRST, MP_DEMOG_FERT_AGES,
			     in->srb[k], { mig[0], mig[1] },  timing };
	for (int y = 0; y < 5; y++)
		mp_demog_step(&r, pf, pm, NULL);
}

void mp_demog_wpp_project(const mp_demog_wpp *in, int annual, int mig_timing, double (*out)[2][MP_DEMOG_GROUPS])
{
	double f[MP_DEMOG_AGES], m[MP_DEMOG_AGES];
	memcpy(out[0], in->pop, sizeof out[0]);
	if (annual) {
		mp_demog_pop_to_single(in->pop[0], f);
		mp_demog_pop_to_single(in->pop[1], m);
	} else {
		memcpy(f, in->pop[0], sizeof in->pop[0]);
		memcpy(m, in->pop[1], sizeof in->pop[1]);
	}
	for (int k = 0; k < in->nper; k++) {
		if (annual) {
			period1(in, k, mig_timing, f, m);
			mp_demog_pop_to_groups(f, out[k + 1][0]);
			mp_demog_pop_to_groups(m, out[k + 1][1]);
		} else {
			period5(in, k, mig_timing, f, m);
			memcpy(out[k + 1][0], f, sizeof out[0][0]);
			memcpy(out[k + 1][1], m, sizeof out[0][1]);
		}
	}
}
