/*
 * mp_evaluate: rolling-origin evaluation of the world model (docs/evaluate.md). For each
 * origin Y0:
 *   mp_calibrate(until = Y0) -> mp_calib_apply -> the world of Y0 -> ensemble members
 *   (and one more ensemble per ablation, `<mechanism>.enabled = 0` after calibration)
 *   -> the model's forecasts; the baselines from the history cut at Y0; then the truth
 *   of Y0 + h and the scores.
 * Everything before the scores reads data up to Y0 only (tests/cli/evaluate_noleak.sh).
 */
#include "eval_internal.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"
#include "multipolar/ensemble.h"
#include "multipolar/sim.h"

#define SRC "evaluate.c"
#define MAX_HORIZON 50

static const char *const var_names[MP_EVAL_NVARS] = {
	"cinc_share", "cinc_share_top", "gdp", "pop", "milex_share", "war", "war_onset", "war_freq",
};
static const char *const base_methods[EV_M_FIXED] = {
	"model", "persistence", "trend", "rw_drift", "world_mean", "persistence_spread", "own_rate", "size_logit",
};

const char *mp_eval_var_name(mp_eval_var v)
{
	return v < MP_EVAL_NVARS ? var_names[v] : "";
}

int mp_eval_var_parse(const char *name, mp_eval_var *out)
{
	for (int v = 0; v < MP_EVAL_NVARS; v++)
		if (!strcmp(name, var_names[v])) {
			*out = (mp_eval_var)v;
			return MP_OK;
		}
	return MP_ENOTFOUND;
}

void mp_eval_result_free(mp_eval_result *r)
{
	if (!r)
		return;
	free(r->origins);
	free(r->horizons);
	free(r->abb);
	free(r->rows);
	free(r->rel);
	free(r);
}

const char *mp_eval_describe(const mp_eval_result *r)
{
	return r->describe;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A sorted copy without duplicates. */
static int *sorted_unique(const int *v, size_t n, size_t *out_n)
{
	int *c = malloc((n ? n : 1) * sizeof *c);
	if (!c)
		return NULL;
	memcpy(c, v, n * sizeof *c);
	qsort(c, n, sizeof *c, cmp_int);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || c[i] != c[k - 1])
			c[k++] = c[i];
	*out_n = k;
	return c;
}

/* The mechanism names that can be switched off: every "<name>.enabled" parameter. */
static void mechanisms(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < mp_sim_params_count(); i++) {
		const char *k = mp_sim_params_info(i)->key, *dot = strchr(k, '.');
		if (dot && !strcmp(dot, ".enabled") && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%.*s", len ? ", " : "", (int)(dot - k), k);
	}
}

static int check_options(mp_ctx *ctx, mp_store *s, const mp_eval_options *o, unsigned *vars)
{
	if (o->version != MP_EVAL_OPTIONS_VERSION)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: options of another version (use MP_EVAL_OPTIONS_INIT)");
	if (!o->norigins || !o->origins)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: expected at least one origin (--origins)");
	if (o->norigins > EV_SLOT_ALL - 1)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: at most %d origins, got %zu", EV_SLOT_ALL - 1,
				    o->norigins);
	if (!o->nhorizons || !o->horizons || o->nhorizons > 31)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: expected 1 to 31 horizons (--horizons), got %zu",
				    o->nhorizons);
	for (size_t i = 0; i < o->nhorizons; i++)
		if (o->horizons[i] < 1 || o->horizons[i] > MAX_HORIZON)
			return mp_error_set(ctx, MP_EUSAGE, "evaluate: --horizons: expected years in 1-%d, got %d",
					    MAX_HORIZON, o->horizons[i]);
	if (o->runs < 2)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: --runs must be at least 2 (an ensemble), got %d",
				    o->runs);
	if (o->top < 2)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: --top must be at least 2, got %d", o->top);
	if (o->trend_years < 1 || o->spread_years < 1 || o->spread_analogs < 1)
		return mp_error_set(ctx, MP_EUSAGE,
				    "evaluate: the baseline windows must be at least 1 year and 1 analog");
	if (o->nwithout > EV_MAXMETHODS - EV_M_FIXED)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: at most %d --without", EV_MAXMETHODS - EV_M_FIXED);
	for (size_t k = 0; k < o->nwithout; k++) {
		char key[64], names[256];
		snprintf(key, sizeof key, "%s.enabled", o->without[k]);
		if (!mp_sim_params_find(key) || strchr(o->without[k], '.')) {
			mechanisms(names, sizeof names);
			return mp_error_set(ctx, MP_EUSAGE, "evaluate: --without '%s': expected a mechanism (%s)",
					    o->without[k], names);
		}
		for (size_t j = 0; j < k; j++)
			if (!strcmp(o->without[j], o->without[k]))
				return mp_error_set(ctx, MP_EUSAGE, "evaluate: --without '%s' given twice",
						    o->without[k]);
	}
	unsigned want = o->variables ? o->variables : (1u << MP_EVAL_NVARS) - 1;
	if (want >> MP_EVAL_NVARS)
		return mp_error_set(ctx, MP_EUSAGE, "evaluate: unknown variable bits 0x%x", want);
	const unsigned war = (1u << MP_EVAL_WAR) | (1u << MP_EVAL_WAR_ONSET) | (1u << MP_EVAL_WAR_FREQ);
	int has_gdp = mp_store_has(s, "maddison"), has_war = mp_store_has(s, "war_inter");
	if (o->variables && (o->variables & (1u << MP_EVAL_GDP)) && !has_gdp)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "%s: variable gdp needs Maddison (mpd2023.csv) imported (multipolar import "
				    "FILE)",
				    mp_store_path(s));
	if (o->variables && (o->variables & war) && !has_war)
		return mp_error_set(ctx, MP_ENOTFOUND,
				    "%s: the war variables need the COW inter-state war data "
				    "(cow_war_inter.csv) imported (multipolar import FILE)",
				    mp_store_path(s));
	if (!has_gdp)
		want &= ~(1u << MP_EVAL_GDP);
	if (!has_war)
		want &= ~war;
	*vars = want;
	return MP_OK;
}

typedef struct {
	ev_panel db, *files, hist;
	size_t nfiles;
	mp_poles *poles;
	mp_world *w0;
	mp_calib_result *calib;
	mp_sim_unit_params units;
	ev_fcset f;
	ev_accset ao, ap;
	ev_origin og;
	double *members;
	unsigned char *used;
} ev_work;

static void work_free(ev_work *w)
{
	ev_panel_free(&w->db);
	for (size_t k = 0; k < w->nfiles; k++)
		ev_panel_free(&w->files[k]);
	free(w->files);
	ev_panel_free(&w->hist);
	mp_poles_free(w->poles);
	mp_world_free(w->w0);
	mp_calib_result_free(w->calib);
	mp_sim_units_clear(&w->units);
	ev_fcset_free(&w->f);
	ev_accset_free(&w->ao);
	ev_accset_free(&w->ap);
	free(w->og.ccode);
	free(w->og.actor);
	free(w->og.pole_of);
	free(w->og.top);
	free(w->members);
	free(w->used);
}

typedef struct {
	double cinc;
	int ccode;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->cinc != y->cinc)
		return x->cinc < y->cinc ? 1 : -1;
	return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

/* The origin's states, poles and top K, from the world of Y0. */
static int origin_units(mp_ctx *ctx, ev_work *w, mp_eval_result *r, int top)
{
	ev_origin *og = &w->og;
	const mp_world *w0 = w->w0;
	free(og->ccode);
	free(og->actor);
	free(og->pole_of);
	free(og->top);
	og->ccode = malloc((w0->n + 1) * sizeof *og->ccode);
	og->actor = malloc((w0->n + 1) * sizeof *og->actor);
	og->pole_of = malloc((w0->n + 1) * sizeof *og->pole_of);
	og->top = malloc((w0->n + 1) * sizeof *og->top);
	ranked *rk = malloc((w0->n + 1) * sizeof *rk);
	if (!og->ccode || !og->actor || !og->pole_of || !og->top || !rk) {
		free(rk);
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	}
	size_t n = 0, nr = 0;
	for (size_t i = 0; i < w0->n; i++) {
		const mp_actor *a = &w0->actors[i];
		if (a->ccode <= 0 || a->ccode >= EV_NC)
			continue; /* aggregates (remainder rows) are never scored */
		og->ccode[n] = a->ccode;
		og->actor[n] = i;
		int p = mp_poles_of(w->poles, a->ccode, w0->year);
		og->pole_of[n] = p >= 0 && p < og->npoles ? p : -1;
		snprintf(r->abb[a->ccode], sizeof r->abb[0], "%s", a->stateabb);
		if (a->cinc_published > 0)
			rk[nr++] = (ranked){ a->cinc_published, a->ccode };
		n++;
	}
	og->ns = n;
	qsort(rk, nr, sizeof *rk, cmp_ranked);
	og->ntop = nr < (size_t)top ? nr : (size_t)top;
	for (size_t k = 0; k < og->ntop; k++)
		og->top[k] = rk[k].ccode;
	free(rk);
	return MP_OK;
}

/* The model's ensembles of one origin: the calibrated model and each ablation. */
static int run_models(mp_ctx *ctx, mp_store *s, const mp_eval_options *o, ev_work *w, const mp_sim_params *p, int *done,
		      int total)
{
	static const mp_member_var vars[EV_MV_N] = { MP_MEMBER_CINC, MP_MEMBER_GDP, MP_MEMBER_TPOP, MP_MEMBER_MILEX,
						     MP_MEMBER_WAR };
	int years[MAX_HORIZON + 1], rc = MP_OK;
	for (int y = 0; y <= w->og.hmax; y++)
		years[y] = w->og.year + y;
	for (size_t k = 0; k <= o->nwithout && rc == MP_OK; k++) {
		mp_sim_params pv = *p;
		if (k > 0) {
			char key[64];
			snprintf(key, sizeof key, "%s.enabled", o->without[k - 1]);
			if ((rc = mp_sim_params_set(&pv, key, 0)) != MP_OK)
				return mp_error_set(ctx, rc, SRC ": cannot switch off %s", o->without[k - 1]);
		}
		mp_sim_opts so = MP_SIM_OPTS_INIT;
		so.params = &pv;
		so.units = &w->units;
		so.store = s;
		so.seed = o->seed;
		mp_members_opts mo = MP_MEMBERS_OPTS_INIT;
		mo.runs = o->runs;
		mo.threads = o->threads;
		mo.sim = &so;
		mo.years = years;
		mo.nyears = (size_t)w->og.hmax + 1;
		mo.vars = vars;
		mo.nvars = EV_MV_N;
		free(w->members);
		w->members = NULL;
		if ((rc = mp_ensemble_members(ctx, w->w0, &mo, &w->members)) != MP_OK)
			return rc;
		rc = ev_model_forecasts(ctx, &w->og, &w->hist, w->w0, w->members, o->runs,
					k ? EV_M_FIXED + (int)k - 1 : EV_M_MODEL, &w->f);
		mp_progress(ctx, "evaluate", ++*done, total);
	}
	return rc;
}

void ev_calib_options(int until, mp_calib_options *co)
{
	const mp_calib_options d = MP_CALIB_OPTIONS_INIT;
	*co = d;
	co->until = until;
	/* the income panel needs two windows before the origin: origins before 1970 start it
	   earlier (docs/evaluate.md, "What happens at each origin") */
	if (until - 2 * co->window < co->first_year)
		co->first_year = until - 2 * co->window;
}

static int one_origin(mp_ctx *ctx, mp_store *s, const mp_eval_options *o, ev_work *w, mp_eval_result *r, size_t oi,
		      const ev_truth *tr, int *done, int total)
{
	const int Y0 = r->origins[oi];
	int rc;
	mp_sim_params p;
	mp_sim_params_default(&p);
	mp_calib_result_free(w->calib);
	w->calib = NULL;
	mp_sim_units_clear(&w->units);
	if (!o->uncalibrated) {
		mp_calib_options co;
		ev_calib_options(Y0, &co);
		if ((rc = mp_calibrate(ctx, s, &co, &w->calib)) != MP_OK)
			return rc;
	}
	if ((rc = mp_calib_apply(ctx, w->calib, &p, &w->units)) != MP_OK)
		return rc;
	mp_progress(ctx, "evaluate", ++*done, total);
	mp_world_free(w->w0);
	w->w0 = NULL;
	if ((rc = mp_world_from_store(ctx, s, Y0, NULL, NULL, &w->w0)) != MP_OK)
		return rc;
	w->og.year = Y0;
	if ((rc = origin_units(ctx, w, r, o->top)) != MP_OK)
		return rc;
	ev_panel_free(&w->hist);
	if ((rc = ev_panel_cut(ctx, &w->db, Y0, &w->hist)) != MP_OK)
		return rc;
	ev_fcset_clear(&w->f);
	if ((rc = run_models(ctx, s, o, w, &p, done, total)) != MP_OK)
		return rc;
	ev_baseline_opts bo = { o->trend_years, o->spread_years, o->spread_analogs };
	if ((rc = ev_baselines(ctx, &w->og, &w->hist, &bo, &w->f)) != MP_OK)
		return rc;
	ev_fc_index(&w->f);
	if (o->forecasts && (rc = ev_write_forecasts(ctx, r, &w->og, &w->f, o->forecasts)) != MP_OK)
		return rc;
	/* the scores: the truth is read from here on */
	int pooled = Y0 >= r->pool_from && Y0 <= r->pool_to;
	if ((rc = ev_score_origin(ctx, &w->og, &w->f, tr, r->nmethods, (int)oi, pooled, &w->ao, &w->ap)) != MP_OK)
		return rc;
	rc = ev_acc_flush(ctx, &w->ao, r);
	mp_progress(ctx, "evaluate", ++*done, total);
	return rc;
}

static void describe(mp_eval_result *r, const ev_work *w, const mp_eval_options *o)
{
	size_t len = 0;
	r->truth[0] = '\0';
	if (w->used[0])
		len += (size_t)snprintf(r->truth + len, sizeof r->truth - len, "%s", w->db.source);
	for (size_t k = 0; k < w->nfiles && len < sizeof r->truth; k++)
		if (w->used[1 + k])
			len += (size_t)snprintf(r->truth + len, sizeof r->truth - len, "%s%s", len ? "; " : "",
						w->files[k].source);
	if (len < sizeof r->truth && (r->vars & (1u << MP_EVAL_GDP)))
		len += (size_t)snprintf(r->truth + len, sizeof r->truth - len, "%sMaddison GDP (database)",
					len ? "; " : "");
	if (len < sizeof r->truth && w->db.war_last)
		snprintf(r->truth + len, sizeof r->truth - len, "%sCOW inter-state wars to %d (database)",
			 len ? "; " : "", w->db.war_last);
	char hz[128] = "", vars[160] = "";
	size_t hl = 0, vl = 0;
	for (size_t i = 0; i < r->nh && hl < sizeof hz; i++)
		hl += (size_t)snprintf(hz + hl, sizeof hz - hl, "%s%d", i ? "," : "", r->horizons[i]);
	for (int v = 0; v < MP_EVAL_NVARS && vl < sizeof vars; v++)
		if (r->vars & (1u << v))
			vl += (size_t)snprintf(vars + vl, sizeof vars - vl, "%s%s", vl ? "," : "", var_names[v]);
	snprintf(r->describe, sizeof r->describe,
		 "evaluate: %zu origins %d-%d, horizons %s, %d runs, seed %llu, %s parameters; variables %s; "
		 "pooled origins %d-%d; truth %s",
		 r->norigins, r->origins[0], r->origins[r->norigins - 1], hz, r->runs, (unsigned long long)r->seed,
		 o->uncalibrated ? "default" : "calibrated", vars, r->pool_from, r->pool_to, r->truth);
}

int mp_evaluate(mp_ctx *ctx, mp_store *s, const mp_eval_options *opt, mp_eval_result **out)
{
	*out = NULL;
	mp_eval_options dflt = MP_EVAL_OPTIONS_INIT;
	const mp_eval_options *o = opt ? opt : &dflt;
	unsigned vars = 0;
	int rc = check_options(ctx, s, o, &vars);
	if (rc != MP_OK)
		return rc;
	int first = 0, last = 0;
	mp_dataset_info nmc;
	if ((rc = mp_store_dataset_pick(ctx, s, "nmc", NULL, &nmc)) != MP_OK ||
	    (rc = mp_world_store_years(ctx, s, NULL, &first, &last)) != MP_OK)
		return rc;
	mp_eval_result *r = calloc(1, sizeof *r);
	ev_work w;
	memset(&w, 0, sizeof w);
	if (!r)
		return mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
	r->origins = sorted_unique(o->origins, o->norigins, &r->norigins);
	r->horizons = sorted_unique(o->horizons, o->nhorizons, &r->nh);
	r->abb = calloc(EV_NC, sizeof *r->abb);
	if (!r->origins || !r->horizons || !r->abb) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t i = 0; i < r->norigins; i++)
		if (r->origins[i] - o->trend_years < first || r->origins[i] > last) {
			rc = mp_error_set(
				ctx, MP_ERANGE,
				"origin %d is outside the coverage of NMC %s in the database (%d-%d; the trend "
				"baseline needs %d earlier years, so origins must be in %d-%d)",
				r->origins[i], nmc.version, first, last, o->trend_years, first + o->trend_years, last);
			goto done;
		}
	r->vars = vars;
	r->runs = o->runs;
	r->seed = o->seed;
	r->top = o->top;
	r->pool_from = o->pool_from ? o->pool_from : r->origins[0];
	r->pool_to = o->pool_to ? o->pool_to : r->origins[r->norigins - 1];
	if (r->pool_from > r->pool_to) {
		rc = mp_error_set(ctx, MP_EUSAGE, "evaluate: --pool %d:%d: expected FROM <= TO", r->pool_from,
				  r->pool_to);
		goto done;
	}
	for (int m = 0; m < EV_M_FIXED; m++)
		snprintf(r->methods[m], sizeof r->methods[0], "%s", base_methods[m]);
	for (size_t k = 0; k < o->nwithout; k++)
		snprintf(r->methods[EV_M_FIXED + k], sizeof r->methods[0], "model_without_%s", o->without[k]);
	r->nmethods = EV_M_FIXED + (int)o->nwithout;
	if ((rc = mp_poles_load(ctx, o->poles_path, &w.poles)) != MP_OK)
		goto done;
	r->npoles = mp_poles_count(w.poles) < EV_MAXPOLES ? mp_poles_count(w.poles) : EV_MAXPOLES;
	for (int p = 0; p < r->npoles; p++)
		snprintf(r->poles[p], sizeof r->poles[0], "%s", mp_poles_name(w.poles, p));
	w.og.npoles = r->npoles;
	w.og.horizons = r->horizons;
	w.og.nh = r->nh;
	w.og.hmax = r->horizons[r->nh - 1];
	w.og.vars = vars;
	/* the panel: every NMC year to the last truth year the grid needs */
	int plast = r->origins[r->norigins - 1] + w.og.hmax < last ? r->origins[r->norigins - 1] + w.og.hmax : last;
	const unsigned war = (1u << MP_EVAL_WAR) | (1u << MP_EVAL_WAR_ONSET) | (1u << MP_EVAL_WAR_FREQ);
	if ((rc = ev_panel_load(ctx, s, first, plast, (vars & (1u << MP_EVAL_GDP)) != 0, (vars & war) != 0, &w.db)) !=
	    MP_OK)
		goto done;
	if (o->ntruth && !(w.files = calloc(o->ntruth, sizeof *w.files))) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	for (size_t k = 0; k < o->ntruth; k++, w.nfiles++)
		if ((rc = ev_panel_load_file(ctx, o->truth_paths[k], &w.files[k])) != MP_OK)
			goto done;
	if (!(w.used = calloc(o->ntruth + 1, 1))) {
		rc = mp_error_set(ctx, MP_ENOMEM, SRC ": out of memory");
		goto done;
	}
	ev_truth tr = { &w.db, w.files, w.nfiles, w.used };
	int done_units = 0, total = (int)r->norigins * (3 + (int)o->nwithout);
	mp_progress(ctx, "evaluate", 0, total);
	for (size_t oi = 0; oi < r->norigins && rc == MP_OK; oi++)
		rc = one_origin(ctx, s, o, &w, r, oi, &tr, &done_units, total);
	if (rc == MP_OK)
		rc = ev_acc_flush(ctx, &w.ap, r);
	if (rc == MP_OK)
		describe(r, &w, o);
done:
	work_free(&w);
	if (rc != MP_OK) {
		mp_eval_result_free(r);
		return rc;
	}
	*out = r;
	return MP_OK;
}
