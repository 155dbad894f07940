/*
 * The world simulation (DESIGN.md section 5; docs/sim.md): one step is one year; each
 * mechanism (demography, economy, military, trade, alignment, strategy, conflict,
 * capabilities) is its own file in src/lib/sim/ with its own parameters and citations,
 * and can be switched off ("<mechanism>.enabled: 0").
 *
 * Three parts:
 *  - mp_sim_params: every model parameter, table-driven (one row per parameter: key,
 *    default, unit, source), settable by name and loadable from a flat YAML file
 *    (`key: value`, as written by the calibration).
 *  - mp_scenario: a scenario file (docs/scenarios.md): start, horizon, poles, parameter
 *    overrides, policy levers, shocks, ensemble size and seed.
 *  - mp_sim: one simulated run, stepped year by year (for ensembles, backtests and
 *    calibration): mp_sim_new, mp_sim_step, mp_sim_world, mp_sim_free.
 *
 * Randomness comes only from mp_rng keyed by (seed, run, stream): a run's path depends
 * on (world, params, scenario, seed, run) only, never on threads or ranks.
 */
#ifndef MULTIPOLAR_SIM_H
#define MULTIPOLAR_SIM_H

#include "multipolar/export.h"

#include <stddef.h>
#include <stdint.h>

#include "multipolar/common.h"
#include "multipolar/poles.h"
#include "multipolar/store.h"
#include "multipolar/world.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The parameter table: X(field, "key", default, "unit", "source or calibration").
 * Sources are cited in full in docs/sim.md; "[calib]" marks values the calibration
 * (multipolar calibrate, data/params/calibrated.yaml) is expected to re-estimate;
 * "[assumption]" marks a documented modelling choice without a published estimate.
 */
#define MP_SIM_PARAM_TABLE(X)                                                                     \
	/* demography (MODELS.md C2) */                                                           \
	X(demography_enabled, "demography.enabled", 1, "switch", "0 turns the mechanism off")      \
	X(demography_n_a, "demography.n_a", 0.076, "1/yr",                                          \
	  "intercept of initial pop growth on ln GDP pc; World Bank WDI 2019 income-group means [calib]") \
	X(demography_n_b, "demography.n_b", -0.0066, "1/yr per ln($)",                              \
	  "slope of pop growth on ln GDP pc; WDI 2019 income groups: 2.6% at $2k, 0.5% at $50k [calib]") \
	X(demography_n_longrun, "demography.n_longrun", -0.002, "1/yr",                              \
	  "long-run growth after the transition (TFR ~1.8, UN WPP 2024 low-fertility path) [assumption]") \
	X(demography_transition, "demography.transition", 0.03, "1/yr",                              \
	  "speed at which growth approaches its long-run level (UN WPP 2024 medium variant: world growth 0.9% 2023 to ~0.4% 2050) [calib]") \
	X(demography_urban_speed, "demography.urban_speed", 0.02, "1/yr",                            \
	  "logistic urbanisation speed, UN World Urbanization Prospects 2018 methodology [calib]")     \
	X(demography_urban_max, "demography.urban_max", 0.70, "share",                               \
	  "saturation of the urban (cities >= 100k, COW upop) share [assumption]")                   \
	/* demography: the cohort-component engine (docs/demography.md) */                        \
	X(demography_uncertainty, "demography.uncertainty", 1, "switch",                            \
	  "1: each run draws its own fertility, mortality and migration paths; 0: the models' central paths") \
	X(demography_mig_uncertainty, "demography.mig_uncertainty", 1, "switch",                    \
	  "0: migration follows its central path in every run (as in the UN's probabilistic projections)") \
	X(demography_tfr_d1, "demography.tfr_d1", 1.8, "TFR", "Alkema et al. 2011 DL decrement, width D1 [calib]") \
	X(demography_tfr_d2, "demography.tfr_d2", 1.5, "TFR", "Alkema et al. 2011 DL decrement, width D2 [calib]") \
	X(demography_tfr_d3, "demography.tfr_d3", 1.4, "TFR", "Alkema et al. 2011 DL decrement, width D3 [calib]") \
	X(demography_tfr_d4, "demography.tfr_d4", 1.5, "TFR", "Alkema et al. 2011 DL decrement, lower asymptote D4 [calib]") \
	X(demography_tfr_dmax, "demography.tfr_dmax", 1.1, "TFR/5yr", "Alkema et al. 2011 DL decrement scale d [calib]") \
	X(demography_tfr_sd_a, "demography.tfr_sd_a", 0.05, "TFR/5yr", "phase II innovation sd = a + b TFR [calib]") \
	X(demography_tfr_sd_b, "demography.tfr_sd_b", 0.04, "1/5yr", "phase II innovation sd slope on TFR [calib]") \
	X(demography_tfr_sd_min, "demography.tfr_sd_min", 0.05, "TFR/5yr", "floor of the phase II sd [assumption]") \
	X(demography_tfr_mu, "demography.tfr_mu", 2.07, "TFR", "phase III long-run level, Raftery, Alkema & Gerland 2014 [calib]") \
	X(demography_tfr_rho, "demography.tfr_rho", 0.86, "per 5yr", "phase III AR(1) coefficient, Raftery et al. 2014 [calib]") \
	X(demography_tfr_sd3, "demography.tfr_sd3", 0.11, "TFR/5yr", "phase III innovation sd [calib]") \
	X(demography_tfr_phase3, "demography.tfr_phase3", 2.0, "TFR", "TFR under which a declining country enters phase III (Alkema et al. 2011: below 2) [assumption]") \
	X(demography_tfr_scale_sd, "demography.tfr_scale_sd", 0.3, "ratio", "sd of a country's decrement scale without its own fit [calib]") \
	X(demography_e0_d1, "demography.e0_d1", 12, "years", "Raftery et al. 2013 DL gain, D1 [calib]") \
	X(demography_e0_d2, "demography.e0_d2", 16, "years", "Raftery et al. 2013 DL gain, D2 [calib]") \
	X(demography_e0_d3, "demography.e0_d3", 14, "years", "Raftery et al. 2013 DL gain, D3 [calib]") \
	X(demography_e0_d4, "demography.e0_d4", 12, "years", "Raftery et al. 2013 DL gain, D4 [calib]") \
	X(demography_e0_k, "demography.e0_k", 3.3, "years/5yr", "Raftery et al. 2013 DL gain, k [calib]") \
	X(demography_e0_z, "demography.e0_z", 0.55, "years/5yr", "Raftery et al. 2013 asymptotic gain z [calib]") \
	X(demography_e0_sd_a, "demography.e0_sd_a", 1.0, "years/5yr", "female e0 innovation sd = a + b e0 [calib]") \
	X(demography_e0_sd_b, "demography.e0_sd_b", -0.008, "1/5yr", "female e0 innovation sd slope [calib]") \
	X(demography_e0_sd_min, "demography.e0_sd_min", 0.25, "years/5yr", "floor of the e0 innovation sd [assumption]") \
	X(demography_e0_rho, "demography.e0_rho", 0.5, "per 5yr", "persistence of the e0 gain residuals (AR(1)) [calib]") \
	X(demography_gap_0, "demography.gap_0", 0.9, "years", "male gap: constant (Raftery, Lalic & Gerland 2014 form) [calib]") \
	X(demography_gap_1, "demography.gap_1", 0.88, "per 5yr", "male gap: persistence [calib]") \
	X(demography_gap_2, "demography.gap_2", -0.03, "per year of e0", "male gap: effect of female e0 above 75 [calib]") \
	X(demography_gap_sd, "demography.gap_sd", 0.3, "years/5yr", "male gap innovation sd [calib]") \
	X(demography_mig_rho, "demography.mig_rho", 0.5, "per 5yr", "AR(1) of five-year mean net migration rates around the country's level (Azose & Raftery 2015 form) [calib]") \
	X(demography_mig_sd, "demography.mig_sd", 0.003, "per person/yr", "root mean sd of the five-year migration-rate innovations (for the record; unfitted states use mig_sd_a, mig_sd_b) [calib]") \
	X(demography_mig_sd_a, "demography.mig_sd_a", -5.81, "ln(per person/yr)", "an unfitted state's migration sd: ln sd = a + b ln(tpop, thousands); default ln 0.003 [calib]") \
	X(demography_mig_sd_b, "demography.mig_sd_b", 0, "elasticity", "how the migration sd falls with size [calib]") \
	X(demography_mig_years, "demography.mig_years", 20, "years", "years of history a country's migration level averages [assumption]") \
	X(demography_mig_tail_p, "demography.mig_tail_p", 0, "probability", "weight of the wide component of the migration innovations' scale mixture (EM) [calib]") \
	X(demography_mig_tail_k, "demography.mig_tail_k", 1, "ratio", "sd of the wide component over the core's [calib]") \
	X(demography_mig_core, "demography.mig_core", 1, "ratio", "sd of the core component over the country's sd [calib]") \
	/* economy (MODELS.md C1) */                                                              \
	X(economy_enabled, "economy.enabled", 1, "switch", "0 turns the mechanism off")            \
	X(economy_beta, "economy.beta", 0.02, "1/yr",                                                \
	  "Barro-regression convergence speed of GDP per head (reported by calibrate; the economy uses economy.tfp_speed) [calib]")    \
	X(economy_frontier_growth, "economy.frontier_growth", 0.015, "1/yr",                         \
	  "US GDP per head growth, Maddison 2023 (GDP-per-head regression; the strategy look-ahead reads it) [calib]") \
	X(economy_structural_gap, "economy.structural_gap", 0.5, "share",                            \
	  "GDP-per-head regression: 1 - beta_uncond/beta (reported by calibrate; the economy uses economy.gap_share) [calib]") \
	X(economy_momentum, "economy.momentum", 0.3, "coef",                                         \
	  "GDP-per-head regression: AR(1) of growth deviations (reported; the economy uses economy.tfp_momentum) [calib]")              \
	X(economy_shock_sd, "economy.shock_sd", 0.025, "1/yr",                                       \
	  "GDP-per-head regression: median shock s.d. (the strategy look-ahead reads it) [calib]")           \
	X(economy_sanction_cost, "economy.sanction_cost", 0.02, "1/yr",                              \
	  "growth loss of a target fully under sanctions, Neuenkirch & Neumeier 2015 (UN: >2pp/yr) scaled by sanctioned trade share") \
	X(economy_aid_return, "economy.aid_return", 0.2, "growth per GDP share",                     \
	  "growth gained per unit of aid/GDP received, Clemens, Radelet, Bhavnani & Bazzi 2012 (~0.1-0.3) [assumption]") \
	/* economy: production, capital, productivity, prices (docs/economy.md) */                \
	X(economy_capital_share, "economy.capital_share", 0.35, "share",                             \
	  "capital's share alpha of Y = A K^a L^(1-a); 1 - labour share ~0.65, Gollin 2002 (adjusted shares 0.65-0.80) [assumption]") \
	X(economy_depreciation, "economy.depreciation", 0.05, "1/yr",                                \
	  "depreciation of the capital stock; PWT averages ~4-5%, Feenstra, Inklaar & Timmer 2015; Inklaar & Timmer 2013 [assumption]") \
	X(economy_tfp_speed, "economy.tfp_speed", 0.02, "1/yr",                                      \
	  "speed lambda of TFP convergence to its steady-state gap, rolling-origin fit on PWT 11 + Maddison [calib]") \
	X(economy_gap_share, "economy.gap_share", 0.8, "share",                                      \
	  "steady-state TFP gap of an unfitted state as a share of its start gap (EB gaps on start gaps) [calib]") \
	X(economy_frontier_tfp_growth, "economy.frontier_tfp_growth", 0.011, "1/yr",                 \
	  "growth of frontier (US) TFP, PWT 11 + Maddison 1950-2016 [calib]")                     \
	X(economy_frontier_shock_sd, "economy.frontier_shock_sd", 0.015, "1/yr",                     \
	  "s.d. of frontier TFP growth (common world shock) [calib]")                            \
	X(economy_tfp_persist, "economy.tfp_persist", 0.8, "coef",                                   \
	  "AR(1) coefficient of the persistent part v of TFP growth deviations (d = v + w) [calib]") \
	X(economy_tfp_persist_sd, "economy.tfp_persist_sd", 0.01, "1/yr",                            \
	  "s.d. of the innovations of v [calib]")                                                  \
	X(economy_tfp_noise_sd, "economy.tfp_noise_sd", 0.03, "1/yr",                                \
	  "s.d. of the transitory part w (Student-t) [calib]")                                     \
	X(economy_tfp_shock_sd, "economy.tfp_shock_sd", 0.03, "1/yr",                                \
	  "median state's s.d. of TFP growth innovations; a state's own row scales v and w by its ratio to it [calib]") \
	X(economy_tfp_shock_df, "economy.tfp_shock_df", 5, "df",                                     \
	  "Student-t degrees of freedom of the innovations (fat tails: crises) [calib]")         \
	X(economy_invest_speed, "economy.invest_speed", 0.1, "1/yr",                                 \
	  "speed of the investment rate toward its target (rate from PWT rnna, docs/economy.md) [calib]") \
	X(economy_invest_default, "economy.invest_default", 0.22, "share of GDP",                    \
	  "the world's investment rate: median state's (PWT rnna), the rate of a state without data [calib]") \
	X(economy_invest_own_weight, "economy.invest_own_weight", 1.0, "weight",                     \
	  "weight of the state's own investment level in the rate's target (the rest: economy.invest_default) [calib]") \
	X(economy_price_elasticity, "economy.price_elasticity", 0.3, "elasticity",                   \
	  "Balassa-Samuelson: ln price level on ln relative GDP per capita (Rogoff 1996) [calib]") \
	X(economy_price_const, "economy.price_const", 0.0, "log",                                    \
	  "intercept of the price-level line (US = 0) [calib]")                                   \
	X(economy_price_persistence, "economy.price_persistence", 0.9, "coef",                       \
	  "AR(1) of deviations from the price-level line (PPP puzzle half-lives 3-5 yr, Rogoff 1996) [calib]") \
	X(economy_price_shock_sd, "economy.price_shock_sd", 0.08, "log/yr",                         \
	  "s.d. of price-level innovations [calib]")                                              \
	/* military: burden, personnel (docs/economy.md "Military") */                            \
	X(military_enabled, "military.enabled", 1, "switch", "0 turns the mechanism off")          \
	X(military_shock_sd, "military.shock_sd", 0.03, "log/yr",                                    \
	  "s.d. of ln burden innovations (SIPRI; per-state rows override) [calib]")               \
	X(military_reversion, "military.reversion", 0.1, "1/yr",                                     \
	  "speed of ln burden toward the state's own level (partial adjustment) [calib]")        \
	X(military_war_effect, "military.war_effect", 0.05, "log burden per unit",                   \
	  "ln burden change per year per unit of war intensity ln(1 + battle deaths/1000), COW wars [calib]") \
	X(military_war_intensity, "military.war_intensity", 2.0, "ln(1 + k deaths)",                 \
	  "intensity of a simulated war: median of COW war-years' ln(1 + side's battle deaths/1000) [calib]") \
	X(military_threat_effect, "military.threat_effect", 0.05, "elasticity",                      \
	  "ln burden response to last year's growth of rivals' spending (clamped to +-0.5) [calib]") \
	X(military_ally_effect, "military.ally_effect", 0.0, "elasticity",                           \
	  "ln burden response to last year's growth of allies' spending (burden sharing; clamped) [calib]") \
	X(military_dispute_effect, "military.dispute_effect", 0.02, "log burden",                    \
	  "ln burden change in a year with an ongoing MID with use of force (GML) [calib]")       \
	X(military_shock_df, "military.shock_df", 5, "df",                                           \
	  "Student-t degrees of freedom of ln burden innovations [calib]")                        \
	X(military_burden_default, "military.burden_default", 0.018, "share of GDP",                 \
	  "level of a state without SIPRI history (world median) [calib]")                        \
	X(military_personnel_reversion, "military.personnel_reversion", 0.1, "1/yr",                 \
	  "speed of ln(milper/pop) toward the state's own level, NMC [calib]")                    \
	X(military_personnel_war, "military.personnel_war", 0.05, "log per unit",                    \
	  "ln(milper/pop) change per year per unit of war intensity [calib]")                     \
	X(military_personnel_shock_sd, "military.personnel_shock_sd", 0.08, "log/yr",                \
	  "s.d. of ln(milper/pop) innovations [calib]")                                           \
	X(military_level_sd, "military.level_sd", 0.0, "log",                                        \
	  "s.d. of the state's ln burden level, drawn once per run (per-state rows override) [calib]") \
	/* capabilities: intensity trends (docs/economy.md "Steel and energy") */                 \
	X(capabilities_steel_trend, "capabilities.steel_trend", -0.02, "log/yr",                     \
	  "drift of ln(irst/GDP) at the frontier's income, NMC x Maddison [calib]")               \
	X(capabilities_steel_gap, "capabilities.steel_gap", -0.005, "log/yr per log gap",            \
	  "dependence of that drift on ln relative income (intensity of use, Malenbaum 1978) [calib]") \
	X(capabilities_energy_trend, "capabilities.energy_trend", -0.015, "log/yr",                  \
	  "drift of ln(pec/GDP) at the frontier's income, NMC x Maddison [calib]")                \
	X(capabilities_energy_gap, "capabilities.energy_gap", -0.003, "log/yr per log gap",          \
	  "dependence of that drift on ln relative income (Csereklyei, Rubio & Stern 2016) [calib]") \
	X(capabilities_steel_shock_sd, "capabilities.steel_shock_sd", 0.138, "log/yr",                \
	  "s.d. of the yearly random walk of ln(irst/GDP) around its drift (per-state rows override) [calib]") \
	X(capabilities_energy_shock_sd, "capabilities.energy_shock_sd", 0.082, "log/yr",             \
	  "s.d. of the yearly random walk of ln(pec/GDP) around its drift (per-state rows override) [calib]") \
	/* trade (MODELS.md C3) */                                                                \
	X(trade_enabled, "trade.enabled", 1, "switch", "0 turns the mechanism off")                \
	X(trade_elasticity_gdp, "trade.elasticity_gdp", 0.9, "elasticity",                           \
	  "gravity GDP elasticity, Head & Mayer 2014 (origin ~0.97, destination ~0.85) [calib]")     \
	X(trade_elasticity_distance, "trade.elasticity_distance", -0.89, "elasticity",               \
	  "gravity distance elasticity, Head & Mayer 2014 median -0.89; Disdier & Head 2008 [calib]") \
	X(trade_contiguity, "trade.contiguity", 0.52, "log points",                                  \
	  "gravity contiguity effect, Head & Mayer 2014 median [calib]")                            \
	X(trade_alliance, "trade.alliance", 0.2, "log points",                                       \
	  "same-camp effect on trade (Gowa & Mansfield 1993 allies trade more) [assumption]")        \
	X(trade_political_distance, "trade.political_distance", -0.15, "log points per unit",       \
	  "trade effect of UNGA ideal-point distance (political distance damping) [calib]")          \
	X(trade_sanction, "trade.sanction", -1.47, "log points",                                     \
	  "complete trade sanctions cut bilateral trade ~77%, Felbermayr et al. 2020 GSDB [verify]") \
	X(trade_resid_sd, "trade.resid_sd", 1.0, "log points",                                     \
	  "sd of the dyadic gravity residual drawn once per run when no observed trade (Head & Mayer 2014: RMSE ~1-1.5) [calib]") \
	X(trade_openness, "trade.openness", 0.25, "share of GDP",                                    \
	  "world trade (sum of dyadic flows) / world GDP at the start, sets the gravity constant (WTO 2019 merchandise ~0.22) [calib]") \
	/* alignment (MODELS.md A7; Bailey, Strezhnev & Voeten 2017) */                            \
	X(alignment_enabled, "alignment.enabled", 1, "switch", "0 turns the mechanism off")        \
	X(alignment_drift, "alignment.drift", 0.03, "1/yr",                                          \
	  "pull of ideal points toward trade-weighted partners [calib]")                            \
	X(alignment_camp_pull, "alignment.camp_pull", 0.03, "1/yr",                                  \
	  "pull of ideal points toward the camp's mean [calib]")                                    \
	X(alignment_noise_sd, "alignment.noise_sd", 0.05, "ideal points/yr",                         \
	  "sd of yearly ideal-point changes not explained by the pulls (UNGA 2000-2024) [calib]")    \
	X(alignment_w_security, "alignment.w_security", 0.5, "utility per share",                   \
	  "weight of the camp's capability share in camp choice (bandwagoning/protection) [assumption]") \
	X(alignment_w_trade, "alignment.w_trade", 0.5, "utility per share",                         \
	  "weight of the trade share with the camp in camp choice [assumption]")                   \
	X(alignment_w_values, "alignment.w_values", 1.5, "utility per unit",                        \
	  "weight of ideal-point distance to the camp in camp choice [assumption]")                \
	X(alignment_inertia, "alignment.inertia", 1.0, "utility",                                   \
	  "bonus of the current camp (switching costs); set so bloc switches are rare, as in UNGA voting blocs 1990-2024 [calib]")                               \
	X(alignment_nonaligned, "alignment.nonaligned", 0.3, "utility",                            \
	  "utility of staying non-aligned [assumption]")                                            \
	X(alignment_temperature, "alignment.temperature", 0.1, "utility",                           \
	  "logit (Gumbel) noise scale of camp choice, McFadden 1974 [assumption]")                 \
	/* strategy (lookahead of great powers) */                                                \
	X(strategy_enabled, "strategy.enabled", 1, "switch", "0: great powers follow the rules of lesser states") \
	X(strategy_candidates, "strategy.candidates", 12, "count",                                   \
	  "candidate policy mixes scored per great power and decision [assumption]")                 \
	X(strategy_rollouts, "strategy.rollouts", 4, "count", "Monte Carlo rollouts per candidate [assumption]") \
	X(strategy_horizon, "strategy.horizon", 5, "years", "lookahead of each rollout [assumption]") \
	X(strategy_every, "strategy.every", 5, "years", "years between strategic decisions [assumption]") \
	X(strategy_return_economy, "strategy.return_economy", 0.3, "growth per GDP share",          \
	  "growth per unit of GDP shifted to public investment (Bom & Ligthart 2014 output elasticity ~0.1-0.3) [assumption]") \
	X(strategy_return_culture, "strategy.return_culture", 2.0, "1/yr per GDP share",             \
	  "pull of others' ideal points per unit of GDP spent on cultural exchange [assumption]")   \
	X(strategy_return_negotiation, "strategy.return_negotiation", 30.0, "dissatisfaction per GDP share", \
	  "reduction of dissatisfaction with the rival per unit of GDP spent on negotiation [assumption]") \
	X(strategy_budget, "strategy.budget", 0.01, "share of GDP",                                 \
	  "resources a great power can shift between levers per year [assumption]")                \
	X(strategy_w_power, "strategy.w_power", 1.0, "utility per share",                           \
	  "weight of own capability share among great powers (realist utility) [assumption]")      \
	X(strategy_w_welfare, "strategy.w_welfare", 2.0, "utility per log GDP pc",                   \
	  "weight of own welfare [assumption]")                                                     \
	X(strategy_w_security, "strategy.w_security", 5.0, "utility per war probability",          \
	  "weight of the risk of great-power war [assumption]")                                     \
	X(strategy_w_camp, "strategy.w_camp", 0.5, "utility per share",                             \
	  "weight of own camp's capability share [assumption]")                                     \
	/* conflict (MODELS.md A10; Organski & Kugler 1980; Lemke & Werner 1996) */                 \
	X(conflict_enabled, "conflict.enabled", 1, "switch", "0 turns the mechanism off")          \
	X(conflict_hazard_base, "conflict.hazard_base", 0.0008, "1/dyad-yr",                         \
	  "war onset hazard of a relevant dyad away from parity; COW inter-state wars 1816-2007 among majors [calib]") \
	X(conflict_parity_coef, "conflict.parity_coef", 1.25, "log hazard",                          \
	  "effect of parity (ratio in ~[0.8,1.2]) with a fully dissatisfied challenger; with dissatisfaction_coef sums to ln 7, Lemke & Werner 1996 [calib]") \
	X(conflict_dissatisfaction_coef, "conflict.dissatisfaction_coef", 0.70, "log hazard",        \
	  "effect of full dissatisfaction (ideal-point distance / dissat_scale) [calib]")           \
	X(conflict_parity_width, "conflict.parity_width", 0.2, "log ratio",                          \
	  "width of the parity kernel exp(-(ln r)^2/(2 w^2)); w = 0.2 ~ the [0.8,1.2] band, Organski & Kugler 1980") \
	X(conflict_dissat_scale, "conflict.dissat_scale", 3.0, "ideal points",                       \
	  "ideal-point distance meaning full dissatisfaction (US-Russia 2022 ~3.0, MODELS.md E3) [assumption]") \
	X(conflict_same_camp, "conflict.same_camp", -2.0, "log hazard",                              \
	  "hazard effect of membership of the same camp (allies rarely fight, Bremer 1992) [calib]") \
	X(conflict_rivalry, "conflict.rivalry", 1.5, "log hazard",                                  \
	  "effect of a strategic rivalry (Thompson & Dreyer 2012 data; rivals fight most wars, Colaresi, Rasler & Thompson 2007) [verify]") \
	X(conflict_alliance, "conflict.alliance", -0.5, "log hazard",                                \
	  "effect of a defence pact outside the same camp (Bremer 1992: allies fight slightly less) [verify]") \
	X(conflict_dependence_coef, "conflict.dependence_coef", -30.0, "log hazard per share",      \
	  "effect of the lower trade dependence (trade/GDP), Oneal & Russett 1997 [verify]")        \
	X(conflict_crisis_ratio, "conflict.crisis_ratio", 20.0, "crises per war",                    \
	  "militarised crises per war (GML MID 2.0: ~2,000 disputes vs ~95 wars) [calib]")            \
	X(conflict_loss_loser, "conflict.loss_loser", 0.10, "share of GDP",                         \
	  "GDP lost by the loser of a war (Organski & Kugler 1977 phoenix factor) [assumption]")   \
	X(conflict_loss_winner, "conflict.loss_winner", 0.03, "share of GDP",                       \
	  "GDP lost by the winner of a war [assumption]")                                           \
	X(conflict_war_burden, "conflict.war_burden", 0.03, "share of GDP",                         \
	  "military burden added during a war year [assumption]")                                   \
	X(conflict_relevance_km, "conflict.relevance_km", 1500, "km",                                \
	  "capital distance under which a dyad is politically relevant (contiguity proxy, Maoz & Russett 1993) [assumption]")

typedef struct mp_sim_params {
#define MP_SIM_X_FIELD(field, key, def, unit, src) double field;
	MP_SIM_PARAM_TABLE(MP_SIM_X_FIELD)
#undef MP_SIM_X_FIELD
} mp_sim_params;

/* The documented defaults. */
#define MP_SIM_PARAMS_INIT { MP_SIM_PARAM_TABLE(MP_SIM_X_INIT_) }
#define MP_SIM_X_INIT_(field, key, def, unit, src) (def),

/* One row of the parameter table (static strings). */
typedef struct mp_sim_param_info {
	const char *key;     /* "economy.beta" */
	double def;          /* default */
	const char *unit;
	const char *source;  /* citation or calibration note */
	size_t offset;       /* offsetof(mp_sim_params, field) */
} mp_sim_param_info;

/* Resets *p to the defaults. */
MP_EXTERN void mp_sim_params_default(mp_sim_params *p);
/* Number of parameters and the i-th row (NULL if out of range). */
MP_EXTERN size_t mp_sim_params_count(void);
MP_EXTERN const mp_sim_param_info *mp_sim_params_info(size_t i);
/* Row of `key`, or NULL. */
MP_EXTERN const mp_sim_param_info *mp_sim_params_find(const char *key);
/* Sets / reads a parameter by key. MP_ENOTFOUND for an unknown key, MP_ERANGE for a
 * non-finite value or a negative count. */
MP_EXTERN int mp_sim_params_set(mp_sim_params *p, const char *key, double v);
MP_EXTERN int mp_sim_params_get(const mp_sim_params *p, const char *key, double *v);
/* Reads a flat YAML mapping `key: value` (comments allowed; a top-level `params:`
 * mapping is also accepted) over *p. Unknown keys and non-numbers are errors naming the
 * file, line and key (MP_EINPUT). */
MP_EXTERN int mp_sim_params_load(mp_ctx *ctx, const char *yaml_path, mp_sim_params *p);

/* ---- scenarios (docs/scenarios.md) ---- */

typedef enum {
	MP_LEVER_SANCTIONS,  /* camp `a` sanctions camp `b` (and the reverse), strength 0..1 */
	MP_LEVER_GROWTH,     /* growth push: `a` (state or camp) gets +value growth per year */
	MP_LEVER_FERTILITY,  /* fertility policy: total fertility of `a` changes by `value`
				(children per woman) from `from`, reached linearly over `ramp` years */
	MP_LEVER_AID,        /* `a` gives `value` of its GDP per year to state `b` */
	MP_LEVER_JOIN,       /* state `a` joins camp `b` */
	MP_LEVER_SHOCK_GDP,  /* one-off: GDP of `a` multiplied by (1 + value) in `from` */
	MP_LEVER_SHOCK_MILEX,/* one-off: military burden of `a` multiplied by (1 + value) */
	MP_LEVER_MIGRATION,  /* `a` gets `value` thousand extra net migrants a year (its age
				pattern of migrants) */
	MP_LEVER_MORTALITY   /* `a` loses `value` thousand people a year beyond its mortality,
				in the ages [age_lo, age_hi] of `sex` (war losses, epidemics) */
} mp_lever_kind;

typedef struct mp_lever {
	mp_lever_kind kind;
	char a[48], b[48];  /* state (stateabb) or camp names */
	double value;
	int from, to;       /* years, inclusive (to = 0: until the end) */
	/* demography levers (docs/demography.md, "Levers") */
	double ramp;        /* fertility: years to reach the full change (0: at once) */
	int age_lo, age_hi; /* mortality: ages (default 0-100) */
	int sex;            /* mortality: -1 both (default), MP_DEMOG_F, MP_DEMOG_M */
} mp_lever;

typedef struct mp_camp_def {
	char name[32];
	char leaders[4][8]; /* stateabb of the camp's great powers ("" = none) */
	char members[64][8];/* initial members besides pole mapping */
	int nleaders, nmembers;
	char pole[32];      /* pole whose members start in this camp ("" = none) */
} mp_camp_def;

#define MP_SCENARIO_MAX_LEVERS 64
#define MP_SCENARIO_MAX_CAMPS 8

typedef struct mp_scenario {
	char name[64];          /* file name without .yaml, or `name:` */
	char path[512];         /* the file read */
	char description[256];
	int start;              /* start year; 0 = the shipped default world */
	int horizon;            /* last simulated year */
	char poles[512];        /* membership file; "" = shipped */
	char world[512];        /* default-world file; "" = shipped */
	int runs;
	uint64_t seed;
	mp_sim_params params;
	size_t nlevers;
	mp_lever levers[MP_SCENARIO_MAX_LEVERS];
	size_t ncamps;
	mp_camp_def camps[MP_SCENARIO_MAX_CAMPS];
	char params_file[512];  /* the parameter file `params:` loaded ("" = none): its `units:`
				   rows reach the sim through mp_ensemble_run */
} mp_scenario;

/* The baseline settings without a file: default world, horizon 2050, 200 runs, seed 1,
 * default params, camps West (USA), China (CHN), Russia (RUS), club. */
MP_EXTERN void mp_scenario_default(mp_scenario *sc);
/* Loads a scenario file. `base: FILE` (relative to the file) is loaded first and the
 * file's entries apply over it; `params: FILE` loads a flat parameter file (relative to
 * the scenario, else to the data directory: `params/calibrated.yaml`). Errors name the
 * file, line and key (MP_EINPUT). A bare name ("decoupling") is looked up as
 * data/scenarios/<name>.yaml. */
MP_EXTERN int mp_scenario_load(mp_ctx *ctx, const char *path, mp_scenario *out);

/* ---- per-country parameters ---- */

/* One fitted value of a parameter for one state (a calibration row with ccode != 0, see
 * mp_calib_apply in calib.h). Mechanisms read them at initialisation; a state without a
 * row of a key uses the mechanism's rule for unfitted states (documented with the key). */
typedef struct mp_sim_unit_param {
	int ccode;
	char key[48];
	double value;
} mp_sim_unit_param;

typedef struct mp_sim_unit_params {
	size_t n, cap;
	mp_sim_unit_param *v; /* kept sorted by (ccode, key); a second add of a pair replaces it */
} mp_sim_unit_params;
#define MP_SIM_UNIT_PARAMS_INIT { 0, 0, NULL }

/* Adds or replaces (ccode, key) = value. MP_EINPUT for an empty or too long key or a
 * non-finite value, MP_ENOMEM. */
MP_EXTERN int mp_sim_units_set(mp_sim_unit_params *u, int ccode, const char *key, double value);
/* The value of (ccode, key), or `dflt` when there is none (u may be NULL). */
MP_EXTERN double mp_sim_units_get(const mp_sim_unit_params *u, int ccode, const char *key, double dflt);
/* Frees the rows (u may be NULL) and leaves an empty set. */
MP_EXTERN void mp_sim_units_clear(mp_sim_unit_params *u);
/* Adds the per-country rows of a parameter file's `units:` mapping (COW code: {key: value};
 * the format mp_calib_write_yaml writes; docs/calibration.md) to u; a file without one adds
 * nothing. mp_sim_params_load reads the same file's flat keys and skips `units:`. Errors
 * name the file, line and column (MP_EINPUT); u is unchanged on error. */
MP_EXTERN int mp_sim_units_load(mp_ctx *ctx, const char *yaml_path, mp_sim_unit_params *u);

/* ---- one simulated run ---- */

typedef struct mp_sim mp_sim;

typedef struct mp_sim_opts {
	unsigned int version;
	const mp_sim_params *params; /* NULL = defaults */
	const mp_scenario *scenario; /* levers, shocks and camps; NULL = none (camps from poles) */
	const mp_poles *poles;       /* pole names for camps' `pole:` (NULL = none) */
	mp_store *store;             /* optional: dyads (trade, alliances, contiguity, distance)
					for the start year; NULL = gravity and capitals */
	uint64_t seed;
	uint32_t run;
	const mp_sim_unit_params *units; /* per-country parameters; NULL = none */
} mp_sim_opts;
#define MP_SIM_OPTS_VERSION 2
#define MP_SIM_OPTS_INIT { MP_SIM_OPTS_VERSION, NULL, NULL, NULL, NULL, 1, 0, NULL }

/* Builds a simulation starting from a copy of `w` (w->year is the first state; the first
 * mp_sim_step gives w->year + 1). Actors with ccode 0 are aggregates (remainders): they
 * grow but do not choose camps or fight. */
MP_EXTERN int mp_sim_new(mp_ctx *ctx, const mp_world *w, const mp_sim_opts *opts, mp_sim **out);
/* A copy with its own workspaces (for another thread). */
MP_EXTERN int mp_sim_clone(const mp_sim *s, mp_sim **out);
/* Restarts from the initial world with run index `run` (same seed): no allocation. */
MP_EXTERN void mp_sim_reset(mp_sim *s, uint32_t run);
/* Advances one year. */
MP_EXTERN int mp_sim_step(mp_ctx *ctx, mp_sim *s);
/* Current year. */
MP_EXTERN int mp_sim_year(const mp_sim *s);
/* The current world (borrowed; components, GDP, ideal points updated each step). */
MP_EXTERN const mp_world *mp_sim_world(const mp_sim *s);
/* CINC of each actor (COW mode over all actors; sums to 1 when all components exist). */
MP_EXTERN const double *mp_sim_cinc(const mp_sim *s);
/* Camps: count, name, and each actor's camp index (-1 = non-aligned). */
MP_EXTERN size_t mp_sim_ncamps(const mp_sim *s);
MP_EXTERN const char *mp_sim_camp_name(const mp_sim *s, size_t c);
MP_EXTERN const int *mp_sim_camps(const mp_sim *s);
/* Wars started in the current year (count) and whether actor i fought one (0/1). */
MP_EXTERN int mp_sim_wars(const mp_sim *s);
/* Wars between two great powers (camp leaders) and militarised crises in the current year. */
MP_EXTERN int mp_sim_gp_wars(const mp_sim *s);
MP_EXTERN int mp_sim_crises(const mp_sim *s);
MP_EXTERN const unsigned char *mp_sim_at_war(const mp_sim *s);
/* Growth of actor i's GDP at PPP in the current year (log change from the year before;
 * NaN in the start year and when the economy is switched off). */
MP_EXTERN double mp_sim_growth(const mp_sim *s, size_t i);

/* Demography of actor i in the current year (the cohort engine; docs/demography.md). */
typedef struct mp_sim_demog {
	double total, age0_14, age15_64, age65p; /* thousands */
	double dependency;   /* old-age dependency ratio 65+ / 15-64 */
	double median_age;
	double military;     /* men aged 18-49, thousands */
	double tfr;          /* total fertility of the year */
	double e0, e0f, e0m; /* life expectancy at birth: both sexes, women, men */
	double births;       /* of the year, thousands */
	const double *pop_f, *pop_m; /* by single year 0..99, 100+ (borrowed) */
} mp_sim_demog;
/* MP_ENOTFOUND when the run has no age structure (no demographic data). */
MP_EXTERN int mp_sim_demography(const mp_sim *s, size_t i, mp_sim_demog *out);

/* Bilateral trade of actors i, j (millions, same units as gdp) in the current year. */
MP_EXTERN double mp_sim_trade(const mp_sim *s, size_t i, size_t j);
MP_EXTERN void mp_sim_free(mp_sim *s);

/* Diagnostics: OLS (GSL) of the current year's gravity equation over dyads i < j of
 * non-aggregate actors with positive trade:
 *   ln X_ij = c0 + c1 (ln Y_i + ln Y_j) + c2 ln D_ij + c3 CONTIG_ij + c4 SAMECAMP_ij
 *             + c5 |ip_i - ip_j| + c6 SANCTION_ij
 * coef[7] and their standard errors se[7] (conventional OLS); *ndyads the dyads used.
 * Used to check that simulated trade recovers the elasticities put in (MODELS.md E5). */
MP_EXTERN int mp_sim_fit_gravity(mp_ctx *ctx, const mp_sim *s, double coef[7], double se[7], size_t *ndyads);

#ifdef __cplusplus
}
#endif
#endif
