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
#define MP_SIM_PARAM_TABLE(X)                                                                                                                                    \
	/* demography (docs/references.md C2) */                                                                                                                 \
	X(demography_enabled, "demography.enabled", 1, "switch", "0 turns the mechanism off")                                                                    \
	X(demography_n_a, "demography.n_a", 0.076, "1/yr",                                                                                                       \
	  "intercept of initial pop growth on ln GDP pc; World Bank WDI 2019 income-group means [calib]")                                                        \
	X(demography_n_b, "demography.n_b", -0.0066, "1/yr per ln($)",                                                                                           \
	  "slope of pop growth on ln GDP pc; WDI 2019 income groups: 2.6% at $2k, 0.5% at $50k [calib]")                                                         \
	X(demography_n_longrun, "demography.n_longrun", -0.002, "1/yr",                                                                                          \
	  "long-run growth after the transition (TFR ~1.8, UN WPP 2024 low-fertility path) [assumption]")                                                        \
	X(demography_transition, "demography.transition", 0.03, "1/yr",                                                                                          \
	  "speed at which growth approaches its long-run level (UN WPP 2024 medium variant: world growth 0.9% 2023 to ~0.4% 2050) [calib]")                      \
	X(demography_urban_speed, "demography.urban_speed", 0.02, "1/yr",                                                                                        \
	  "logistic urbanisation speed, UN World Urbanization Prospects 2018 methodology [calib]")                                                               \
	X(demography_urban_max, "demography.urban_max", 0.70, "share",                                                                                           \
	  "saturation of the urban (cities >= 100k, COW upop) share [assumption]")                                                                               \
	/* demography: the cohort-component engine (docs/demography.md) */                                                                                       \
	X(demography_uncertainty, "demography.uncertainty", 1, "switch",                                                                                         \
	  "1: each run draws its own fertility, mortality and migration paths; 0: the models' central paths")                                                    \
	X(demography_mig_uncertainty, "demography.mig_uncertainty", 1, "switch",                                                                                 \
	  "0: migration follows its central path in every run (as in the UN's probabilistic projections)")                                                       \
	X(demography_tfr_d1, "demography.tfr_d1", 1.8, "TFR", "Alkema et al. 2011 DL decrement, width D1 [calib]")                                               \
	X(demography_tfr_d2, "demography.tfr_d2", 1.5, "TFR", "Alkema et al. 2011 DL decrement, width D2 [calib]")                                               \
	X(demography_tfr_d3, "demography.tfr_d3", 1.4, "TFR", "Alkema et al. 2011 DL decrement, width D3 [calib]")                                               \
	X(demography_tfr_d4, "demography.tfr_d4", 1.5, "TFR",                                                                                                    \
	  "Alkema et al. 2011 DL decrement, lower asymptote D4 [calib]")                                                                                         \
	X(demography_tfr_dmax, "demography.tfr_dmax", 1.1, "TFR/5yr",                                                                                            \
	  "Alkema et al. 2011 DL decrement scale d [calib]")                                                                                                     \
	X(demography_tfr_sd_a, "demography.tfr_sd_a", 0.05, "TFR/5yr", "phase II innovation sd = a + b TFR [calib]")                                             \
	X(demography_tfr_sd_b, "demography.tfr_sd_b", 0.04, "1/5yr", "phase II innovation sd slope on TFR [calib]")                                              \
	X(demography_tfr_sd_min, "demography.tfr_sd_min", 0.05, "TFR/5yr", "floor of the phase II sd [assumption]")                                              \
	X(demography_tfr_mu, "demography.tfr_mu", 2.07, "TFR",                                                                                                   \
	  "phase III long-run level, Raftery, Alkema & Gerland 2014 [calib]")                                                                                    \
	X(demography_tfr_rho, "demography.tfr_rho", 0.86, "per 5yr",                                                                                             \
	  "phase III AR(1) coefficient, Raftery et al. 2014 [calib]")                                                                                            \
	X(demography_tfr_sd3, "demography.tfr_sd3", 0.11, "TFR/5yr", "phase III innovation sd [calib]")                                                          \
	X(demography_tfr_phase3, "demography.tfr_phase3", 2.0, "TFR",                                                                                            \
	  "TFR under which a declining country enters phase III (Alkema et al. 2011: below 2) [assumption]")                                                     \
	X(demography_tfr_scale_sd, "demography.tfr_scale_sd", 0.3, "ratio",                                                                                      \
	  "sd of a country's decrement scale without its own fit [calib]")                                                                                       \
	X(demography_e0_d1, "demography.e0_d1", 12, "years", "Raftery et al. 2013 DL gain, D1 [calib]")                                                          \
	X(demography_e0_d2, "demography.e0_d2", 16, "years", "Raftery et al. 2013 DL gain, D2 [calib]")                                                          \
	X(demography_e0_d3, "demography.e0_d3", 14, "years", "Raftery et al. 2013 DL gain, D3 [calib]")                                                          \
	X(demography_e0_d4, "demography.e0_d4", 12, "years", "Raftery et al. 2013 DL gain, D4 [calib]")                                                          \
	X(demography_e0_k, "demography.e0_k", 3.3, "years/5yr", "Raftery et al. 2013 DL gain, k [calib]")                                                        \
	X(demography_e0_z, "demography.e0_z", 0.55, "years/5yr", "Raftery et al. 2013 asymptotic gain z [calib]")                                                \
	X(demography_e0_sd_a, "demography.e0_sd_a", 1.0, "years/5yr", "female e0 innovation sd = a + b e0 [calib]")                                              \
	X(demography_e0_sd_b, "demography.e0_sd_b", -0.008, "1/5yr", "female e0 innovation sd slope [calib]")                                                    \
	X(demography_e0_sd_min, "demography.e0_sd_min", 0.25, "years/5yr",                                                                                       \
	  "floor of the e0 innovation sd [assumption]")                                                                                                          \
	X(demography_e0_rho, "demography.e0_rho", 0.5, "per 5yr",                                                                                                \
	  "persistence of the e0 gain residuals (AR(1)) [calib]")                                                                                                \
	X(demography_gap_0, "demography.gap_0", 0.9, "years",                                                                                                    \
	  "male gap: constant (Raftery, Lalic & Gerland 2014 form) [calib]")                                                                                     \
	X(demography_gap_1, "demography.gap_1", 0.88, "per 5yr", "male gap: persistence [calib]")                                                                \
	X(demography_gap_2, "demography.gap_2", -0.03, "per year of e0",                                                                                         \
	  "male gap: effect of female e0 above 75 [calib]")                                                                                                      \
	X(demography_gap_sd, "demography.gap_sd", 0.3, "years/5yr", "male gap innovation sd [calib]")                                                            \
	X(demography_mig_rho, "demography.mig_rho", 0.5, "per 5yr",                                                                                              \
	  "AR(1) of five-year mean net migration rates around the country's level (Azose & Raftery 2015 form) [calib]")                                          \
	X(demography_mig_sd, "demography.mig_sd", 0.003, "per person/yr",                                                                                        \
	  "root mean sd of the five-year migration-rate innovations (for the record; unfitted states use mig_sd_a, mig_sd_b) [calib]")                           \
	X(demography_mig_sd_a, "demography.mig_sd_a", -5.81, "ln(per person/yr)",                                                                                \
	  "an unfitted state's migration sd: ln sd = a + b ln(tpop, thousands); default ln 0.003 [calib]")                                                       \
	X(demography_mig_sd_b, "demography.mig_sd_b", 0, "elasticity", "how the migration sd falls with size [calib]")                                           \
	X(demography_mig_years, "demography.mig_years", 20, "years",                                                                                             \
	  "years of history a country's migration level averages [assumption]")                                                                                  \
	X(demography_mig_tail_p, "demography.mig_tail_p", 0, "probability",                                                                                      \
	  "weight of the wide component of the migration innovations' scale mixture (EM) [calib]")                                                               \
	X(demography_mig_tail_k, "demography.mig_tail_k", 1, "ratio",                                                                                            \
	  "sd of the wide component over the core's [calib]")                                                                                                    \
	X(demography_mig_core, "demography.mig_core", 1, "ratio",                                                                                                \
	  "sd of the core component over the country's sd [calib]")                                                                                              \
	/* economy (docs/references.md C1) */                                                                                                                    \
	X(economy_enabled, "economy.enabled", 1, "switch", "0 turns the mechanism off")                                                                          \
	X(economy_beta, "economy.beta", 0.02, "1/yr",                                                                                                            \
	  "Barro-regression convergence speed of GDP per head (reported by calibrate; the economy uses economy.tfp_speed) [calib]")                              \
	X(economy_frontier_growth, "economy.frontier_growth", 0.015, "1/yr",                                                                                     \
	  "US GDP per head growth, Maddison 2023 (GDP-per-head regression; the strategy look-ahead reads it) [calib]")                                           \
	X(economy_structural_gap, "economy.structural_gap", 0.5, "share",                                                                                        \
	  "GDP-per-head regression: 1 - beta_uncond/beta (reported by calibrate; the economy uses economy.gap_share) [calib]")                                   \
	X(economy_momentum, "economy.momentum", 0.3, "coef",                                                                                                     \
	  "GDP-per-head regression: AR(1) of growth deviations (reported; the economy uses economy.tfp_momentum) [calib]")                                       \
	X(economy_shock_sd, "economy.shock_sd", 0.025, "1/yr",                                                                                                   \
	  "GDP-per-head regression: median shock s.d. (the strategy look-ahead reads it) [calib]")                                                               \
	X(economy_aid_return, "economy.aid_return", 0.2, "growth per GDP share",                                                                                 \
	  "growth gained per unit of aid/GDP received, Clemens, Radelet, Bhavnani & Bazzi 2012 (~0.1-0.3) [assumption]")                                         \
	/* economy: production, capital, productivity, prices (docs/economy.md) */                                                                               \
	X(economy_capital_share, "economy.capital_share", 0.35, "share",                                                                                         \
	  "capital's share alpha of Y = A K^a L^(1-a); 1 - labour share ~0.65, Gollin 2002 (adjusted shares 0.65-0.80) [assumption]")                            \
	X(economy_depreciation, "economy.depreciation", 0.05, "1/yr",                                                                                            \
	  "depreciation of the capital stock; PWT averages ~4-5%, Feenstra, Inklaar & Timmer 2015; Inklaar & Timmer 2013 [assumption]")                          \
	X(economy_tfp_speed, "economy.tfp_speed", 0.02, "1/yr",                                                                                                  \
	  "speed lambda of TFP convergence to its steady-state gap, rolling-origin fit on PWT 11 + Maddison [calib]")                                            \
	X(economy_gap_share, "economy.gap_share", 0.8, "share",                                                                                                  \
	  "steady-state TFP gap of an unfitted state as a share of its start gap (EB gaps on start gaps) [calib]")                                               \
	X(economy_frontier_tfp_growth, "economy.frontier_tfp_growth", 0.011, "1/yr",                                                                             \
	  "growth of frontier (US) TFP, PWT 11 + Maddison 1950-2016 [calib]")                                                                                    \
	X(economy_frontier_shock_sd, "economy.frontier_shock_sd", 0.015, "1/yr",                                                                                 \
	  "s.d. of frontier TFP growth (common world shock) [calib]")                                                                                            \
	X(economy_tfp_persist, "economy.tfp_persist", 0.8, "coef",                                                                                               \
	  "AR(1) coefficient of the persistent part v of TFP growth deviations (d = v + w) [calib]")                                                             \
	X(economy_tfp_persist_sd, "economy.tfp_persist_sd", 0.01, "1/yr", "s.d. of the innovations of v [calib]")                                                \
	X(economy_tfp_noise_sd, "economy.tfp_noise_sd", 0.03, "1/yr",                                                                                            \
	  "s.d. of the transitory part w (Student-t) [calib]")                                                                                                   \
	X(economy_tfp_shock_sd, "economy.tfp_shock_sd", 0.03, "1/yr",                                                                                            \
	  "median state's s.d. of TFP growth innovations; a state's own row scales v and w by its ratio to it [calib]")                                          \
	X(economy_tfp_shock_df, "economy.tfp_shock_df", 5, "df",                                                                                                 \
	  "Student-t degrees of freedom of the innovations (fat tails: crises) [calib]")                                                                         \
	X(economy_invest_speed, "economy.invest_speed", 0.1, "1/yr",                                                                                             \
	  "speed of the investment rate toward its target (rate from PWT rnna, docs/economy.md) [calib]")                                                        \
	X(economy_invest_default, "economy.invest_default", 0.22, "share of GDP",                                                                                \
	  "the world's investment rate: median state's (PWT rnna), the rate of a state without data [calib]")                                                    \
	X(economy_invest_own_weight, "economy.invest_own_weight", 1.0, "weight",                                                                                 \
	  "weight of the state's own investment level in the rate's target (the rest: economy.invest_default) [calib]")                                          \
	X(economy_price_elasticity, "economy.price_elasticity", 0.3, "elasticity",                                                                               \
	  "Balassa-Samuelson: ln price level on ln relative GDP per capita (Rogoff 1996) [calib]")                                                               \
	X(economy_price_const, "economy.price_const", 0.0, "log",                                                                                                \
	  "intercept of the price-level line (US = 0) [calib]")                                                                                                  \
	X(economy_price_persistence, "economy.price_persistence", 0.9, "coef",                                                                                   \
	  "AR(1) of deviations from the price-level line (PPP puzzle half-lives 3-5 yr, Rogoff 1996) [calib]")                                                   \
	X(economy_price_shock_sd, "economy.price_shock_sd", 0.08, "log/yr", "s.d. of price-level innovations [calib]")                                           \
	/* military: burden, personnel (docs/economy.md "Military") */                                                                                           \
	X(military_enabled, "military.enabled", 1, "switch", "0 turns the mechanism off")                                                                        \
	X(military_shock_sd, "military.shock_sd", 0.03, "log/yr",                                                                                                \
	  "s.d. of ln burden innovations (SIPRI; per-state rows override) [calib]")                                                                              \
	X(military_reversion, "military.reversion", 0.1, "1/yr",                                                                                                 \
	  "speed of ln burden toward the state's own level (partial adjustment) [calib]")                                                                        \
	X(military_war_effect, "military.war_effect", 0.05, "log burden per unit",                                                                               \
	  "ln burden change per year per unit of war intensity ln(1 + battle deaths/1000), COW wars [calib]")                                                    \
	X(military_war_intensity, "military.war_intensity", 2.0, "ln(1 + k deaths)",                                                                             \
	  "intensity of a simulated war: median of COW war-years' ln(1 + side's battle deaths/1000) [calib]")                                                    \
	X(military_threat_effect, "military.threat_effect", 0.05, "elasticity",                                                                                  \
	  "ln burden response to last year's growth of rivals' spending (clamped to +-0.5) [calib]")                                                             \
	X(military_ally_effect, "military.ally_effect", 0.0, "elasticity",                                                                                       \
	  "ln burden response to last year's growth of allies' spending (burden sharing; clamped) [calib]")                                                      \
	X(military_dispute_effect, "military.dispute_effect", 0.02, "log burden",                                                                                \
	  "ln burden change in a year with an ongoing MID with use of force (GML) [calib]")                                                                      \
	X(military_shock_df, "military.shock_df", 5, "df",                                                                                                       \
	  "Student-t degrees of freedom of ln burden innovations [calib]")                                                                                       \
	X(military_burden_default, "military.burden_default", 0.018, "share of GDP",                                                                             \
	  "level of a state without SIPRI history (world median) [calib]")                                                                                       \
	X(military_personnel_reversion, "military.personnel_reversion", 0.1, "1/yr",                                                                             \
	  "speed of ln(milper/pop) toward the state's own level, NMC [calib]")                                                                                   \
	X(military_personnel_war, "military.personnel_war", 0.05, "log per unit",                                                                                \
	  "ln(milper/pop) change per year per unit of war intensity [calib]")                                                                                    \
	X(military_personnel_shock_sd, "military.personnel_shock_sd", 0.08, "log/yr",                                                                            \
	  "s.d. of ln(milper/pop) innovations [calib]")                                                                                                          \
	X(military_level_sd, "military.level_sd", 0.0, "log",                                                                                                    \
	  "s.d. of the state's ln burden level, drawn once per run (per-state rows override) [calib]")                                                           \
	/* capabilities: intensity trends (docs/economy.md "Steel and energy") */                                                                                \
	X(capabilities_steel_trend, "capabilities.steel_trend", -0.02, "log/yr",                                                                                 \
	  "drift of ln(irst/GDP) at the frontier's income, NMC x Maddison [calib]")                                                                              \
	X(capabilities_steel_gap, "capabilities.steel_gap", -0.005, "log/yr per log gap",                                                                        \
	  "dependence of that drift on ln relative income (intensity of use, Malenbaum 1978) [calib]")                                                           \
	X(capabilities_energy_trend, "capabilities.energy_trend", -0.015, "log/yr",                                                                              \
	  "drift of ln(pec/GDP) at the frontier's income, NMC x Maddison [calib]")                                                                               \
	X(capabilities_energy_gap, "capabilities.energy_gap", -0.003, "log/yr per log gap",                                                                      \
	  "dependence of that drift on ln relative income (Csereklyei, Rubio & Stern 2016) [calib]")                                                             \
	X(capabilities_steel_shock_sd, "capabilities.steel_shock_sd", 0.138, "log/yr",                                                                           \
	  "s.d. of the yearly random walk of ln(irst/GDP) around its drift (per-state rows override) [calib]")                                                   \
	X(capabilities_energy_shock_sd, "capabilities.energy_shock_sd", 0.082, "log/yr",                                                                         \
	  "s.d. of the yearly random walk of ln(pec/GDP) around its drift (per-state rows override) [calib]")                                                    \
	/* trade (docs/references.md C3) */                                                                                                                      \
	X(trade_enabled, "trade.enabled", 1, "switch", "0 turns the mechanism off")                                                                              \
	X(trade_elasticity_gdp, "trade.elasticity_gdp", 0.9, "elasticity",                                                                                       \
	  "gravity GDP elasticity, Head & Mayer 2014 (origin ~0.97, destination ~0.85) [calib]")                                                                 \
	X(trade_elasticity_distance, "trade.elasticity_distance", -0.89, "elasticity",                                                                           \
	  "gravity distance elasticity, Head & Mayer 2014 median -0.89; Disdier & Head 2008 [calib]")                                                            \
	X(trade_contiguity, "trade.contiguity", 0.52, "log points",                                                                                              \
	  "gravity contiguity effect, Head & Mayer 2014 median [calib]")                                                                                         \
	X(trade_alliance, "trade.alliance", 0.2, "log points",                                                                                                   \
	  "same-camp effect on trade (Gowa & Mansfield 1993 allies trade more) [assumption]")                                                                    \
	X(trade_political_distance, "trade.political_distance", -0.15, "log points per unit",                                                                    \
	  "trade effect of UNGA ideal-point distance (political distance damping) [calib]")                                                                      \
	X(trade_sanction, "trade.sanction", -1.47, "log points",                                                                                                 \
	  "complete trade sanctions cut bilateral trade ~77%, Felbermayr et al. 2020 GSDB [verify]")                                                             \
	X(trade_elasticity, "trade.elasticity", 5.0, "elasticity",                                                                                               \
	  "trade elasticity of structural gravity for the welfare cost of sanctions (Head & Mayer 2014; Costinot & Rodriguez-Clare 2014 use 5) [literature]")    \
	X(trade_resid_sd, "trade.resid_sd", 1.0, "log points",                                                                                                   \
	  "sd of the dyadic gravity residual drawn once per run when no observed trade (Head & Mayer 2014: RMSE ~1-1.5) [calib]")                                \
	X(trade_openness, "trade.openness", 0.25, "share of GDP",                                                                                                \
	  "world trade (sum of dyadic flows) / world GDP at the start, sets the gravity constant (WTO 2019 merchandise ~0.22) [calib]")                          \
	/* alignment (docs/conflict.md "Alignment"; fitted 1947-2016, calibrate --until 2016) */                                                                 \
	X(alignment_enabled, "alignment.enabled", 1, "switch", "0 turns the mechanism off")                                                                      \
	X(alignment_ip_trend, "alignment.ip_trend", -0.008897, "ideal points/yr",                                                                                \
	  "constant of the yearly ideal-point change, OLS on UNGA 1947-2016 (s.e. 0.0051) [calib]")                                                              \
	X(alignment_drift, "alignment.drift", 0.001566, "1/yr",                                                                                                  \
	  "pull toward the trade-weighted mean of partners' ideal points (s.e. 0.0048) [calib]")                                                                 \
	X(alignment_camp_pull, "alignment.camp_pull", -0.002661, "1/yr",                                                                                         \
	  "pull toward the camp leader's ideal point (s.e. 0.0026) [calib]")                                                                                     \
	X(alignment_ally_pull, "alignment.ally_pull", 0.02151, "1/yr",                                                                                           \
	  "pull toward the mean ideal point of defence-pact partners (ATOP; s.e. 0.0044) [calib]")                                                               \
	X(alignment_world_pull, "alignment.world_pull", 0.0331, "1/yr",                                                                                          \
	  "pull toward the world mean ideal point (s.e. 0.0045) [calib]")                                                                                        \
	X(alignment_noise_sd, "alignment.noise_sd", 0.2172, "ideal points/yr",                                                                                   \
	  "median state's s.d. of the yearly residual (incl. the estimates' own noise) [calib]")                                                                 \
	X(alignment_exit_const, "alignment.exit_const", -2.296, "log odds",                                                                                      \
	  "logit of leaving one's camp: constant (ATOP pacts with USA/Russia/China 1947-2016, s.e. 0.44) [calib]")                                               \
	X(alignment_exit_values, "alignment.exit_values", 0.5876, "log odds per ideal point",                                                                    \
	  "leaving: distance to the leader's ideal point (s.e. 0.22) [calib]")                                                                                   \
	X(alignment_exit_trade, "alignment.exit_trade", -1.938, "log odds per share",                                                                            \
	  "leaving: share of own trade with the camp (s.e. 0.96) [calib]")                                                                                       \
	X(alignment_exit_security, "alignment.exit_security", -8.109, "log odds per share",                                                                      \
	  "leaving: the camp's share of world CINC (s.e. 2.1) [calib]")                                                                                          \
	X(alignment_join_const, "alignment.join_const", -7.897, "log odds",                                                                                      \
	  "logit of a non-aligned state joining a camp: constant (s.e. 0.59) [calib]")                                                                           \
	X(alignment_join_values, "alignment.join_values", -1.289, "log odds per ideal point",                                                                    \
	  "joining: distance to the leader's ideal point (s.e. 0.17) [calib]")                                                                                   \
	X(alignment_join_trade, "alignment.join_trade", 1.551, "log odds per share",                                                                             \
	  "joining: share of own trade with the camp (s.e. 0.80) [calib]")                                                                                       \
	X(alignment_join_security, "alignment.join_security", 9.38, "log odds per share",                                                                        \
	  "joining: the camp's share of world CINC (s.e. 2.1) [calib]")                                                                                          \
	/* strategy (lookahead of great powers) */                                                                                                               \
	X(strategy_enabled, "strategy.enabled", 1, "switch", "0: great powers follow the rules of lesser states")                                                \
	X(strategy_candidates, "strategy.candidates", 12, "count",                                                                                               \
	  "candidate policy mixes scored per great power and decision [assumption]")                                                                             \
	X(strategy_rollouts, "strategy.rollouts", 4, "count", "Monte Carlo rollouts per candidate [assumption]")                                                 \
	X(strategy_horizon, "strategy.horizon", 5, "years", "lookahead of each rollout [assumption]")                                                            \
	X(strategy_every, "strategy.every", 5, "years", "years between strategic decisions [assumption]")                                                        \
	X(strategy_return_economy, "strategy.return_economy", 0.3, "growth per GDP share",                                                                       \
	  "growth per unit of GDP shifted to public investment (Bom & Ligthart 2014 output elasticity ~0.1-0.3) [assumption]")                                   \
	X(strategy_return_culture, "strategy.return_culture", 2.0, "1/yr per GDP share",                                                                         \
	  "pull of others' ideal points per unit of GDP spent on cultural exchange [assumption]")                                                                \
	X(strategy_return_negotiation, "strategy.return_negotiation", 30.0, "dissatisfaction per GDP share",                                                     \
	  "reduction of dissatisfaction with the rival per unit of GDP spent on negotiation [assumption]")                                                       \
	X(strategy_budget, "strategy.budget", 0.01, "share of GDP",                                                                                              \
	  "resources a great power can shift between levers per year [assumption]")                                                                              \
	X(strategy_w_power, "strategy.w_power", 1.0, "utility per share",                                                                                        \
	  "weight of own capability share among great powers (realist utility) [assumption]")                                                                    \
	X(strategy_w_welfare, "strategy.w_welfare", 2.0, "utility per log GDP pc",                                                                               \
	  "weight of own welfare [assumption]")                                                                                                                  \
	X(strategy_w_security, "strategy.w_security", 5.0, "utility per war probability",                                                                        \
	  "weight of the risk of great-power war [assumption]")                                                                                                  \
	X(strategy_w_camp, "strategy.w_camp", 0.5, "utility per share",                                                                                          \
	  "weight of own camp's capability share [assumption]")                                                                                                  \
	/* conflict (docs/conflict.md; fitted on 1816-2016 data, calibrate --until 2016, s.e.   \
	   clustered by dyad) */                                                                \
	X(conflict_enabled, "conflict.enabled", 1, "switch", "0 turns the mechanism off")                                                                        \
	X(conflict_onset_const, "conflict.onset_const", -2.621, "log odds",                                                                                      \
	  "MID onset logit (GML MIDs, relevant dyad-years): constant (s.e. 0.39) [calib]")                                                                       \
	X(conflict_onset_peace1, "conflict.onset_peace1", -1.739, "log odds per decade",                                                                         \
	  "MID onset logit (GML MIDs, relevant dyad-years): peace years / 10 (Carter & Signorino 2010 cubic) (s.e. 0.082) [calib]")                              \
	X(conflict_onset_peace2, "conflict.onset_peace2", 0.3747, "log odds",                                                                                    \
	  "MID onset logit (GML MIDs, relevant dyad-years): (peace years / 10)^2 (s.e. 0.023) [calib]")                                                          \
	X(conflict_onset_peace3, "conflict.onset_peace3", -0.02241, "log odds",                                                                                  \
	  "MID onset logit (GML MIDs, relevant dyad-years): (peace years / 10)^3 (s.e. 0.0017) [calib]")                                                         \
	X(conflict_onset_contig, "conflict.onset_contig", 0.709, "log odds",                                                                                     \
	  "MID onset logit (GML MIDs, relevant dyad-years): direct contiguity up to 150 miles of water (s.e. 0.15) [calib]")                                     \
	X(conflict_onset_ln_dist, "conflict.onset_ln_dist", -0.02595, "log odds per ln km",                                                                      \
	  "MID onset logit (GML MIDs, relevant dyad-years): ln capital distance (s.e. 0.046) [calib]")                                                           \
	X(conflict_onset_ln_ratio, "conflict.onset_ln_ratio", -0.1746, "log odds per ln ratio",                                                                  \
	  "MID onset logit (GML MIDs, relevant dyad-years): ln(stronger / weaker CINC), Bremer 1992 (s.e. 0.021) [calib]")                                       \
	X(conflict_onset_parity, "conflict.onset_parity", -0.1526, "log odds",                                                                                   \
	  "MID onset logit (GML MIDs, relevant dyad-years): parity: weaker / stronger >= 0.8 (Organski & Kugler 1980) (s.e. 0.11) [calib]")                      \
	X(conflict_onset_ally, "conflict.onset_ally", -0.1206, "log odds",                                                                                       \
	  "MID onset logit (GML MIDs, relevant dyad-years): defence pact (ATOP) (s.e. 0.098) [calib]")                                                           \
	X(conflict_onset_rival, "conflict.onset_rival", 1.291, "log odds",                                                                                       \
	  "MID onset logit (GML MIDs, relevant dyad-years): strategic rivalry (Thompson & Dreyer 2012) (s.e. 0.11) [calib]")                                     \
	X(conflict_onset_major1, "conflict.onset_major1", 0.2217, "log odds",                                                                                    \
	  "MID onset logit (GML MIDs, relevant dyad-years): one major power (s.e. 0.12) [calib]")                                                                \
	X(conflict_onset_major2, "conflict.onset_major2", 0.3792, "log odds",                                                                                    \
	  "MID onset logit (GML MIDs, relevant dyad-years): two major powers (s.e. 0.2) [calib]")                                                                \
	X(conflict_onset_ideal, "conflict.onset_ideal", 0.1987, "log odds per ideal point",                                                                      \
	  "MID onset logit (GML MIDs, relevant dyad-years): UNGA ideal-point distance (s.e. 0.041) [calib]")                                                     \
	X(conflict_onset_ideal_missing, "conflict.onset_ideal_missing", 0.3782, "log odds",                                                                      \
	  "MID onset logit (GML MIDs, relevant dyad-years): ideal point missing (before 1946, non-members) (s.e. 0.11) [calib]")                                 \
	X(conflict_onset_trade, "conflict.onset_trade", -0.7396, "log odds per share",                                                                           \
	  "MID onset logit (GML MIDs, relevant dyad-years): weak link of trade shares (Barbieri 1996) (s.e. 2.0) [calib]")                                       \
	X(conflict_onset_trade_missing, "conflict.onset_trade_missing", -0.2915, "log odds",                                                                     \
	  "MID onset logit (GML MIDs, relevant dyad-years): trade missing (s.e. 0.081) [calib]")                                                                 \
	X(conflict_esc_const, "conflict.esc_const", -3.177, "log odds",                                                                                          \
	  "war given MID logit (COW wars): constant (s.e. 0.32) [calib]")                                                                                        \
	X(conflict_esc_ln_ratio, "conflict.esc_ln_ratio", -0.1101, "log odds per ln ratio",                                                                      \
	  "war given MID logit (COW wars): ln(stronger / weaker CINC) (s.e. 0.053) [calib]")                                                                     \
	X(conflict_esc_parity, "conflict.esc_parity", -0.3254, "log odds",                                                                                       \
	  "war given MID logit (COW wars): parity (s.e. 0.26) [calib]")                                                                                          \
	X(conflict_esc_contig, "conflict.esc_contig", -0.07751, "log odds",                                                                                      \
	  "war given MID logit (COW wars): contiguity (s.e. 0.2) [calib]")                                                                                       \
	X(conflict_esc_major1, "conflict.esc_major1", 0.6066, "log odds",                                                                                        \
	  "war given MID logit (COW wars): one major power (s.e. 0.25) [calib]")                                                                                 \
	X(conflict_esc_major2, "conflict.esc_major2", 0.6092, "log odds",                                                                                        \
	  "war given MID logit (COW wars): two major powers (s.e. 0.28) [calib]")                                                                                \
	X(conflict_esc_rival, "conflict.esc_rival", 0.3687, "log odds",                                                                                          \
	  "war given MID logit (COW wars): strategic rivalry (s.e. 0.18) [calib]")                                                                               \
	X(conflict_esc_ally, "conflict.esc_ally", -0.03863, "log odds",                                                                                          \
	  "war given MID logit (COW wars): defence pact (s.e. 0.24) [calib]")                                                                                    \
	X(conflict_esc_ideal, "conflict.esc_ideal", -0.03345, "log odds per ideal point",                                                                        \
	  "war given MID logit (COW wars): ideal-point distance (s.e. 0.12) [calib]")                                                                            \
	X(conflict_esc_ideal_missing, "conflict.esc_ideal_missing", 1.491, "log odds",                                                                           \
	  "war given MID logit (COW wars): ideal point missing (s.e. 0.28) [calib]")                                                                             \
	X(conflict_end_const, "conflict.end_const", -0.4716, "log odds",                                                                                         \
	  "logit of a dyad's war ending in a year: constant (COW wars, mean 2.6 yr; s.e. 0.11) [calib]")                                                         \
	X(conflict_end_ln_ratio, "conflict.end_ln_ratio", 0.01364, "log odds per ln ratio",                                                                      \
	  "war ending: |ln(C1/C2)| (s.e. 0.047) [calib]")                                                                                                        \
	X(conflict_win_ln_ratio, "conflict.win_ln_ratio", 0.6285, "log odds per ln ratio",                                                                       \
	  "logit of winning a decisive war on ln(own side's CINC / the other's), no constant (s.e. 0.094) [calib]")                                              \
	X(conflict_decisive, "conflict.decisive", 0.8422, "share",                                                                                               \
	  "share of ended COW dyad-wars with a winner and a loser [calib]")                                                                                      \
	X(conflict_deaths_const, "conflict.deaths_const", -9.56, "ln(deaths/yr per person)",                                                                     \
	  "battle deaths per war-year relative to population, log-normal: constant (COW; s.e. 0.15) [calib]")                                                    \
	X(conflict_deaths_ln_ratio, "conflict.deaths_ln_ratio", -0.533, "per ln ratio",                                                                          \
	  "battle deaths: ln(own / strongest opponent's CINC) (s.e. 0.063) [calib]")                                                                             \
	X(conflict_deaths_sd, "conflict.deaths_sd", 2.449, "ln units",                                                                                           \
	  "battle deaths: residual s.d. of the log-normal [calib]")                                                                                              \
	X(conflict_war_gdp, "conflict.war_gdp", -0.01179, "log points per war-year",                                                                             \
	  "growth of GDP per head in a war year, within-year OLS on Maddison 1817-2016 (s.e. 0.0032) [calib]")                                                   \
	X(conflict_lost_gdp, "conflict.lost_gdp", -0.06192, "log points",                                                                                        \
	  "growth of GDP per head in addition in the year a war is lost (COW outcome 2), same OLS (s.e. 0.0090) [calib]")                                        \
	X(conflict_dissat_scale, "conflict.dissat_scale", 3.0, "ideal points",                                                                                   \
	  "ideal-point distance meaning full dissatisfaction in the military threat and the strategy (US-Russia 2022 ~3.0, docs/references.md E3) [assumption]") \
	X(conflict_relevance_km, "conflict.relevance_km", 1500, "km",                                                                                            \
	  "capital distance standing in for contiguity when a world has no contiguity data [assumption]")

typedef struct mp_sim_params {
#define MP_SIM_X_FIELD(field, key, def, unit, src) double field;
	MP_SIM_PARAM_TABLE(MP_SIM_X_FIELD)
#undef MP_SIM_X_FIELD
} mp_sim_params;

/* The documented defaults. */
#define MP_SIM_PARAMS_INIT                                                                                             \
	{                                                                                                              \
		MP_SIM_PARAM_TABLE(MP_SIM_X_INIT_)                                                                     \
	}
#define MP_SIM_X_INIT_(field, key, def, unit, src) (def),

/* One row of the parameter table (static strings). */
typedef struct mp_sim_param_info {
	const char *key; /* "economy.beta" */
	double def;      /* default */
	const char *unit;
	const char *source; /* citation or calibration note */
	size_t offset;      /* offsetof(mp_sim_params, field) */
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

/* Lever kinds. Each has one row in the lever table of src/lib/sim/scenario_levers.c
 * (its YAML name, keys, value range); effects: src/lib/sim/levers.c, docs/scenarios.md.
 * Side A and side B are sets of names: states (stateabb or name), camps or poles. */
typedef enum {
	MP_LEVER_SANCTIONS,   /* every state of side A sanctions every state of side B with
				`value` (strength 0..1); `secondary`: strength on third parties
				that support B or keep trading with it */
	MP_LEVER_GROWTH,      /* growth push: side A gets +value growth per year */
	MP_LEVER_FERTILITY,   /* fertility policy: total fertility of side A changes by `value`
				(children per woman) from `from`, reached linearly over `ramp`
				years (docs/demography.md, "Levers") */
	MP_LEVER_AID,         /* donor A gives `value` of its GDP per year to recipient B */
	MP_LEVER_JOIN,        /* the states of side A are in camp B (or non-aligned) */
	MP_LEVER_SHOCK_GDP,   /* one-off: GDP of A multiplied by (1 + value) in `from` */
	MP_LEVER_SHOCK_MILEX, /* one-off: military burden of A multiplied by (1 + value) */
	MP_LEVER_SUPPORT,     /* donor A supports B short of war: credit of `value` of its GDP
				a year (`dual_use` of it as military supply) and trade
				promotion `trade` (0..1, an anti-sanction on the dyad) */
	MP_LEVER_MIGRATION,   /* side A gets `value` thousand extra net migrants a year (its age
				pattern of migrants) */
	MP_LEVER_MORTALITY    /* side A loses `value` thousand people a year beyond its
				mortality, in the ages [age_lo, age_hi] of `sex` (war losses,
				epidemics) */
} mp_lever_kind;

#define MP_LEVER_MAX_NAMES 16

/* A name in a lever, with its place in the file (for errors naming file:line:column). */
typedef struct mp_lever_name {
	char name[40];
	int line, col;
} mp_lever_name;

typedef struct mp_lever {
	mp_lever_kind kind;
	char a[48], b[48];                         /* the first name of side A and of side B ("" = none) */
	mp_lever_name side[2][MP_LEVER_MAX_NAMES]; /* the names of side A, side B */
	int nside[2];
	double value;     /* strength, share or value */
	double secondary; /* sanctions: strength of secondary sanctions (0 = none) */
	double trade;     /* support: trade promotion 0..1 */
	double dual_use;  /* support: share of the credit delivered as military supply */
	int from, to;     /* years, inclusive (to = 0: until the end) */
	int file;         /* index into mp_scenario.files of the file it came from */
	int line, col;    /* the lever's mapping in that file */
	/* demography levers (docs/demography.md, "Levers") */
	double ramp;        /* fertility: years to reach the full change (0: at once) */
	int age_lo, age_hi; /* mortality: ages (default 0-100) */
	int sex;            /* mortality: -1 both (default), MP_DEMOG_F, MP_DEMOG_M */
} mp_lever;

typedef struct mp_camp_def {
	char name[32];
	char leaders[4][8];  /* stateabb of the camp's great powers ("" = none) */
	char members[64][8]; /* initial members besides pole mapping */
	int nleaders, nmembers;
	char pole[32]; /* pole whose members start in this camp ("" = none) */
	/* where each name stands, for errors naming file:line:column: line, column, index
	   into mp_scenario.files (line 0: not from a file) */
	int leader_at[4][3], member_at[64][3], pole_at[3];
} mp_camp_def;

#define MP_SCENARIO_MAX_LEVERS 64
#define MP_SCENARIO_MAX_CAMPS 8
#define MP_SCENARIO_MAX_FILES 9 /* a file and its `base:` chain (8 deep) */

typedef struct mp_scenario {
	char name[64];  /* file name without .yaml, or `name:` */
	char path[512]; /* the file read */
	char description[256];
	int start;       /* start year; 0 = the shipped default world */
	int horizon;     /* last simulated year */
	char poles[512]; /* membership file; "" = shipped */
	char world[512]; /* default-world file; "" = shipped */
	int runs;
	uint64_t seed;
	mp_sim_params params;
	size_t nlevers;
	mp_lever levers[MP_SCENARIO_MAX_LEVERS];
	size_t ncamps;
	mp_camp_def camps[MP_SCENARIO_MAX_CAMPS];
	size_t nfiles; /* the files read (the `base:` chain), for lever errors */
	char files[MP_SCENARIO_MAX_FILES][512];
	char params_file[512]; /* the parameter file `params:` loaded ("" = none): its `units:`
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
#define MP_SIM_UNIT_PARAMS_INIT                                                                                        \
	{                                                                                                              \
		0, 0, NULL                                                                                             \
	}

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

/* ---- the conflict model's covariates (docs/conflict.md) ---- */

/* What the onset and escalation logits see of a non-directed dyad-year. The calibration
 * (src/lib/calib/fit_conflict.c) and the simulation (mech_conflict.c) build their
 * regressors from this struct with the same two functions, so the fitted coefficients
 * mean the same thing in both. */
typedef struct mp_dyad_cov {
	double peace;            /* peace years: years since the dyad's last MID year (Beck, Katz &
				Tucker 1998), or since both states entered the system */
	int contig;              /* 1: direct contiguity by land or up to 150 miles of water (COW
				conttype 1-4; Stinnett et al. 2002) */
	double ln_dist;          /* ln of the great-circle distance between capitals, km; NaN: unknown */
	double lncinc1, lncinc2; /* ln CINC of the two states (NaN: no capabilities) */
	int majors;              /* COW major powers in the dyad: 0, 1 or 2 */
	int ally;                /* 1: a defence pact (ATOP, Leeds et al. 2002) */
	int rival;               /* 1: a strategic rivalry (Thompson & Dreyer 2012) */
	double ideal_dist;       /* |ideal point 1 - ideal point 2| (UNGA); NaN: missing */
	double trade_share;      /* weak link min(X12 / T1, X12 / T2) of the dyad's trade in each
				state's total trade (Barbieri 1996); NaN: missing */
} mp_dyad_cov;

#define MP_ONSET_NX 16      /* regressors of the MID-onset logit */
#define MP_ESC_NX 10        /* regressors of the escalation (war given MID) logit */
#define MP_PEACE_CAP 100.0  /* peace years are capped here before the cubic */
#define MP_PARITY_RATIO 0.8 /* parity: weaker / stronger >= 0.8 (Organski & Kugler 1980) */

/* Regressors of MID onset: 1, t/10, (t/10)^2, (t/10)^3 (Carter & Signorino 2010's cubic in
 * the capped peace years t), contiguity, ln distance, ln(stronger/weaker CINC), parity,
 * defence pact, rivalry, one major, two majors, ideal-point distance, ideal point missing,
 * trade share, trade missing. */
MP_EXTERN void mp_sim_onset_x(const mp_dyad_cov *c, double x[MP_ONSET_NX]);
/* Regressors of escalation to war given a MID: 1, ln ratio, parity, contiguity, one major,
 * two majors, rivalry, defence pact, ideal-point distance, ideal point missing. */
MP_EXTERN void mp_sim_escalation_x(const mp_dyad_cov *c, double x[MP_ESC_NX]);
/* Short names of the regressors ("const", "peace1", ...): the parameter keys are
 * "conflict.onset_<name>" and "conflict.esc_<name>". NULL when k is out of range. */
MP_EXTERN const char *mp_sim_onset_term(size_t k);
MP_EXTERN const char *mp_sim_escalation_term(size_t k);

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
#define MP_SIM_OPTS_INIT                                                                                               \
	{                                                                                                              \
		MP_SIM_OPTS_VERSION, NULL, NULL, NULL, NULL, 1, 0, NULL                                                \
	}

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
/* Wars between two great powers begun since the start of the run (all years so far). */
MP_EXTERN int mp_sim_gp_wars_total(const mp_sim *s);
/* Great powers (the camps' leaders): 1 per actor index, else 0. */
MP_EXTERN const unsigned char *mp_sim_great_powers(const mp_sim *s);
/* Growth of actor i's GDP at PPP in the current year (log change from the year before;
 * NaN in the start year and when the economy is switched off). */
MP_EXTERN double mp_sim_growth(const mp_sim *s, size_t i);

/* Demography of actor i in the current year (the cohort engine; docs/demography.md). */
typedef struct mp_sim_demog {
	double total, age0_14, age15_64, age65p; /* thousands */
	double dependency;                       /* old-age dependency ratio 65+ / 15-64 */
	double median_age;
	double military;             /* men aged 18-49, thousands */
	double tfr;                  /* total fertility of the year */
	double e0, e0f, e0m;         /* life expectancy at birth: both sexes, women, men */
	double births;               /* of the year, thousands */
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
 * Used to check that simulated trade recovers the elasticities put in (docs/references.md E5). */
MP_EXTERN int mp_sim_fit_gravity(mp_ctx *ctx, const mp_sim *s, double coef[7], double se[7], size_t *ndyads);

#ifdef __cplusplus
}
#endif
#endif
