/* The start world and the parameters of run and simulate (simprep.h, docs/cli.md). */
#include "simprep.h"

#include <stdlib.h>
#include <string.h>

#include "multipolar/calib.h"
#include "multipolar/world.h"
#include "source.h"

static double *field(mp_sim_params *p, size_t i)
{
	return (double *)((char *)p + mp_sim_params_info(i)->offset);
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The last data year of a parameter file written by mp_calib_write_yaml (its first line:
 * "# Sim parameters calibrated on data up to Y ..."), or 0. */
static int shipped_until(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int y = 0;
	if (f && fgets(line, sizeof line, f)) {
		const char *p = strstr(line, "data up to ");
		if (p)
			y = atoi(p + 11);
	}
	if (f)
		fclose(f);
	return y;
}

/* The start: --start, else the scenario's year, else latest. */
static int choose_start(mp_ctx *ctx, const cli_sim_opts *o, mp_store *store, mp_scenario *sc, cli_sim_setup *out)
{
	int want;
	int rc = cli_start_parse(ctx, o->start, &want);
	if (rc != MP_OK)
		return rc;
	if (!o->start && sc->start)
		want = sc->start;
	mp_world *w = NULL;
	if ((rc = mp_world_load_default(ctx, sc->world[0] ? sc->world : NULL, NULL, &w)) != MP_OK)
		return rc;
	int shipped = w->year;
	mp_world_free(w);
	int first = 0, last = 0;
	char label[160] = "";
	if (store && mp_store_has(store, "nmc")) {
		mp_dataset_info d;
		if ((rc = mp_world_store_years(ctx, store, NULL, &first, &last)) != MP_OK ||
		    (rc = mp_store_dataset_pick(ctx, store, "nmc", NULL, &d)) != MP_OK)
			return rc;
		snprintf(label, sizeof label, "NMC %s in %s", d.version, base(mp_store_path(store)));
	}
	const char *wname = sc->world[0] ? "the scenario's world file" : "the shipped default world";
	if (want > 0 && last && want >= first && want <= last) {
		out->from_db = 1;
		out->year = want;
	} else if (want > 0 && want != shipped) {
		if (last)
			return mp_error_set(ctx, MP_ERANGE, "no start world for %d: %s covers %d-%d and %s is %d", want,
					    label, first, last, wname, shipped);
		return mp_error_set(ctx, MP_ERANGE,
				    "no start world for %d: %s is %d and no database with COW NMC data "
				    "is open (import NMC data for other years)",
				    want, wname, shipped);
	} else if (want == 0 && last && last >= shipped) {
		out->from_db = 1;
		out->year = last;
	} else
		out->year = shipped;
	if (out->from_db) {
		sc->start = out->year;
		snprintf(out->world, sizeof out->world, "%s, %d", label, out->year);
	} else {
		sc->start = 0;
		if (last)
			snprintf(out->world, sizeof out->world, "%s of %d (the newest; %s covers %d-%d)", wname,
				 shipped, label, first, last);
		else
			snprintf(out->world, sizeof out->world, "%s of %d", wname, shipped);
	}
	return MP_OK;
}

int cli_sim_prepare(mp_ctx *ctx, const cli_sim_opts *o, mp_store *store, int until, mp_scenario *sc, cli_sim_setup *out)
{
	memset(out, 0, sizeof *out);
	size_t np = mp_sim_params_count();
	if (np > sizeof out->origin)
		return mp_error_set(ctx, MP_ERROR, "simprep.c: more parameters than origin slots");
	int rc = choose_start(ctx, o, store, sc, out);
	if (rc != MP_OK)
		return rc;
	if (until && (until <= out->year || until > CLI_YEAR_MAX))
		return mp_error_set(ctx, MP_EUSAGE,
				    "--until %d: the last simulated year must be after the start (%d) and "
				    "at most %d",
				    until, out->year, CLI_YEAR_MAX);
	if (sc->horizon <= out->year)
		sc->horizon = out->year + 1;

	/* The reference the scenario was built on: defaults, and the shipped calibration. */
	mp_sim_params def, ship, cal;
	mp_sim_params_default(&def);
	ship = def;
	char *shipped = NULL;
	if (mp_data_path(NULL, "params/calibrated.yaml", &shipped) == MP_OK &&
	    (rc = mp_sim_params_load(ctx, shipped, &ship)) != MP_OK) {
		free(shipped);
		return rc;
	}
	/* the calibration to use */
	mp_calib_result *r = NULL;
	mp_calib_stored info;
	int chosen = 0;
	cal = def;
	if (o->params) {
		if ((rc = mp_sim_params_load(ctx, o->params, &cal)) != MP_OK)
			goto done;
		snprintf(sc->params_file, sizeof sc->params_file, "%s", o->params); /* its units: rows */
		snprintf(out->params, sizeof out->params, "the parameter file %s (--params)", o->params);
		snprintf(out->params_file, sizeof out->params_file, "%s", o->params);
		chosen = 1;
	} else if (store && (rc = mp_calib_load(ctx, store, out->year, &info, &r)) == MP_OK) {
		if ((rc = mp_calib_apply(ctx, r, &cal, &out->units)) != MP_OK)
			goto done;
		sc->params_file[0] = 0; /* the calibration's own rows, not a file's */
		snprintf(out->params, sizeof out->params, "calibration %lld of %s (data up to %d, made %s)",
			 (long long)info.run_id, base(mp_store_path(store)), r->until, info.created);
		chosen = 1;
	} else if (store && rc != MP_ENOTFOUND) {
		goto done;
	}
	rc = MP_OK;
	mp_error_clear(ctx);
	int from_ship = 0, ship_keys = 0;
	for (size_t i = 0; i < np; i++) {
		double v = *field(&sc->params, i), d = *field(&def, i), s = *field(&ship, i);
		int own = v != d && v != s;
		if (s != d) {
			ship_keys++;
			from_ship += v == s;
		}
		if (chosen && !own)
			*field(&sc->params, i) = *field(&cal, i);
		double now = *field(&sc->params, i);
		out->origin[i] = own ? 2 : now != d ? 1 : 0;
		out->calibrated_keys += out->origin[i] == 1;
	}
	if (!chosen) {
		int su = shipped ? shipped_until(shipped) : 0;
		if (shipped && ship_keys && 2 * from_ship >= ship_keys)
			snprintf(out->params_file, sizeof out->params_file, "%s", shipped);
		if (shipped && ship_keys && 2 * from_ship >= ship_keys && su > out->year)
			snprintf(out->params, sizeof out->params,
				 "the shipped calibration %s, fitted on data up to %d, after the start %d (for an "
				 "out-of-sample start: multipolar calibrate --until %d)",
				 shipped, su, out->year, out->year);
		else if (shipped && ship_keys && 2 * from_ship >= ship_keys)
			snprintf(out->params, sizeof out->params, "the shipped calibration %s", shipped);
		else
			snprintf(out->params, sizeof out->params,
				 "the documented defaults (the scenario reads no calibration)");
	}
done:
	free(shipped);
	mp_calib_result_free(r);
	return rc;
}

const char *cli_sim_param_origin(const cli_sim_setup *setup, size_t i)
{
	static const char *const names[] = { "default", "calibration", "scenario" };
	return i < sizeof setup->origin ? names[setup->origin[i] % 3] : "default";
}
