/* The dataset families and how each is recognised and stored. Citations follow the
 * producers' requests; see docs/data.md. */
#include "datasets.h"

#include "multipolar/data.h"

static const mp_dataset_spec specs[] = {
	{ "nmc", "COW National Material Capabilities", NULL, MP_VER_NMC_MAXYEAR,
	  "stateabb:S ccode:I year:I milex:R milper:R irst:R pec:R tpop:R upop:R cinc:R version:S?", 1, 1, "year",
	  "dsid,year;dsid,ccode,year",
	  "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, "
	  "and Major Power War, 1820-1965.\" In Bruce Russett (ed.), Peace, War, and Numbers, 19-48. Beverly "
	  "Hills: Sage. Singer, J. David. 1987. \"Reconstructing the Correlates of War Dataset on Material "
	  "Capabilities of States, 1816-1985.\" International Interactions 14: 115-32." },
	{ "states", "COW State System Membership", "2016", MP_VER_FIXED,
	  "stateabb:S ccode:I statenme:S styear:I stmonth:I stday:I endyear:I endmonth:I endday:I version:S?", 0, 0,
	  "styear-endyear", "dsid,ccode",
	  "Correlates of War Project. 2017. \"State System Membership List, v2016.\" Online, "
	  "http://correlatesofwar.org." },
	{ "majors", "COW Major Powers", "2016", MP_VER_FIXED,
	  "stateabb:S? ccode:I styear:I stmonth:I stday:I endyear:I endmonth:I endday:I version:S?", 0, 0,
	  "styear-endyear", "dsid,ccode",
	  "Correlates of War Project. 2017. \"State System Membership List, v2016\" (major powers). Online, "
	  "http://correlatesofwar.org." },
	{ "alliance_member", "COW Formal Alliances (member-year)", "4.1", MP_VER_FIXED,
	  "version4id:I ccode:I state_name:S all_st_day:I all_st_month:I all_st_year:I all_end_day:I "
	  "all_end_month:I all_end_year:I ss_type:S mem_st_day:I mem_st_month:I mem_st_year:I mem_end_day:I "
	  "mem_end_month:I mem_end_year:I left_censor:I right_censor:I defense:I neutrality:I nonaggression:I "
	  "entente:I year:I version:S?",
	  0, 0, "year", "dsid,year;dsid,version4id",
	  "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. Washington, DC: CQ Press." },
	{ "alliance_dyad", "COW Formal Alliances (dyad-year)", "4.1", MP_VER_FIXED,
	  "ccode1:I ccode2:I year:I cow_defense:I cow_neutral:I cow_nonagg:I cow_entente:I", 0, 0, "year",
	  "year,ccode1,ccode2",
	  "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. Washington, DC: CQ Press. "
	  "Dyad-year summary prepared by Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative "
	  "Peace Science Research.\" Conflict Management and Peace Science 39(6): 755-779." },
	{ "atop_dyad", "ATOP Alliance Treaty Obligations and Provisions (dyad-year)", "5.1", MP_VER_FIXED,
	  "ccode1:I ccode2:I year:I atop_defense:I atop_offense:I atop_neutral:I atop_nonagg:I atop_consul:I", 0, 0,
	  "year", "year,ccode1,ccode2",
	  "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
	  "\"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260." },
	{ "unga", "UN General Assembly ideal points", "2025-07", MP_VER_FIXED,
	  "ccode:I iso3c:S countryname:S year:I idealpointfp:R idealpointall:R idealpointlegacy:R nvotesfp:I? "
	  "qofp:R? q5fp:R? q10fp:R? q50fp:R? q90fp:R? q95fp:R? q100fp:R? nvotesall:I? qoall:R? q5all:R? "
	  "q10all:R? q50all:R? q90all:R? q95all:R? q100all:R? nvotesLegacy:I?",
	  0, 0, "year", "dsid,year,ccode",
	  "Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. \"Estimating Dynamic State Preferences "
	  "from United Nations Voting Data.\" Journal of Conflict Resolution 61(2): 430-456. Data: Voeten, "
	  "Strezhnev & Bailey, \"United Nations General Assembly Voting Data\", Harvard Dataverse, "
	  "doi:10.7910/DVN/LEJUQZ." },
	{ "maddison", "Maddison Project Database", "2023", MP_VER_FIXED,
	  "countrycode:S country:S region:S year:I gdppc:R pop:R", 0, 0, "year", "dsid,year,countrycode",
	  "Bolt, Jutta, and Jan Luiten van Zanden. 2024. \"Maddison style estimates of the evolution of the "
	  "world economy: A new 2023 update.\" Journal of Economic Surveys 1-41. Maddison Project Database, "
	  "version 2023." },
	{ "pwt", "Penn World Table (subset of columns)", "11.0", MP_VER_FIXED,
	  "countrycode:S country:S currency_unit:S? year:I rgdpe:R rgdpo:R avh:R? ccon:R? cda:R? cgdpe:R cgdpo:R "
	  "cn:R rgdpna:R rconna:R? rdana:R? rnna:R i_cig:S? i_xm:S? i_xr:S? i_outlier:S? i_irr:S? cor_exp:R? "
	  "csh_c:R csh_i:R csh_g:R csh_x:R csh_m:R csh_r:R? pl_c:R pl_i:R pl_g:R pl_x:R pl_m:R pl_n:R? pl_k:R?",
	  0, 0, "year", "dsid,year,countrycode;dsid,countrycode,year",
	  "Feenstra, Robert C., Robert Inklaar, and Marcel P. Timmer. 2015. \"The Next Generation of the Penn "
	  "World Table.\" American Economic Review 105(10): 3150-3182. Penn World Table version 11.0, "
	  "Groningen Growth and Development Centre, 2025." },
	{ "sipri", "SIPRI Military Expenditure Database", "2024", MP_VER_FIXED,
	  "country:S ccode:I iso3c:S year:I milex_const2022_usd_m:R milex_current_usd_m:R milex_share_gdp:R "
	  "milex_per_capita_usd:R milex_share_govt:R",
	  0, 0, "year", "dsid,year,ccode",
	  "Stockholm International Peace Research Institute (SIPRI). SIPRI Military Expenditure Database, "
	  "1949-2023 release. https://www.sipri.org/databases/milex." },
	{ "trade_national", "COW Trade (national totals)", "4.0", MP_VER_FIXED,
	  "ccode:I statename:S stateabb:S year:I imports:R exports:R alt_imports:R alt_exports:R source1:S? "
	  "source2:S? version:S?",
	  0, 1, "year", "dsid,year,ccode",
	  "Barbieri, Katherine, and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, "
	  "Version 4.0. Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. \"Trading Data: "
	  "Evaluating our Assumptions and Coding Rules.\" Conflict Management and Peace Science 26(5): 471-491." },
	{ "trade_dyadic", "COW Trade (dyadic)", "4.0", MP_VER_FIXED,
	  "ccode1:I ccode2:I year:I flow1:R flow2:R smoothflow1:R? smoothflow2:R?", 0, 1, "year", "year,ccode1,ccode2",
	  "Barbieri, Katherine, and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, "
	  "Version 4.0. Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. \"Trading Data: "
	  "Evaluating our Assumptions and Coding Rules.\" Conflict Management and Peace Science 26(5): 471-491." },
	{ "crosswalk", "countrycode crosswalk (selected columns)", "1.x", MP_VER_FIXED,
	  "country_name:S iso3c:S iso2c:S iso3n:I cown:I cowc:S cow_name:S gwn:I gwc:S imf:I un:I wb:S vdem:I "
	  "p5n:I continent:S region:S",
	  0, 0, "", "dsid,cown;dsid,iso3c",
	  "Arel-Bundock, Vincent, Nils Enevoldsen, and CJ Yetman. 2018. \"countrycode: An R package to convert "
	  "country names and country codes.\" Journal of Open Source Software 3(28): 848." },
	{ "codelist", "countrycode codelist (all columns)", "1.x", MP_VER_FIXED,
	  "country.name.en:S country.name.en.regex:S cown:I cowc:S iso3c:S iso3n:I? gwn:I?", 1, 0, "", "dsid,cown",
	  "Arel-Bundock, Vincent, Nils Enevoldsen, and CJ Yetman. 2018. \"countrycode: An R package to convert "
	  "country names and country codes.\" Journal of Open Source Software 3(28): 848." },
	{ "war_inter", "COW Inter-State War (directed dyad-year)", "4.0", MP_VER_FIXED,
	  "warnum:I ccode1:I ccode2:I year:I cowinterongoing:I cowinteronset:I sidea1:I sidea2:I initiator1:I "
	  "initiator2:I outcome1:I outcome2:I batdeath1:I batdeath2:I resume:I",
	  0, 1, "year", "year,ccode1,ccode2",
	  "Sarkees, Meredith Reid, and Frank Wayman. 2010. Resort to War: 1816-2007. Washington, DC: CQ Press." },
	{ "mid_dyad", "GML Militarized Interstate Disputes (directed dispute dyad-year)", "2.2", MP_VER_FIXED,
	  "dispnum:I ccode1:I ccode2:I year:I gmlmidongoing:I gmlmidonset:I sidea1:I sidea2:I fatality1:I "
	  "fatality2:I fatalpre1:I fatalpre2:I hiact1:I hiact2:I hostlev1:I hostlev2:I orig1:I orig2:I "
	  "fatality:I hostlev:I recip:I mindur:I maxdur:I stmon:I",
	  0, 1, "year", "year,ccode1,ccode2",
	  "Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the Militarized "
	  "Interstate Dispute (MID) Dataset, 1816-2001.\" International Studies Quarterly 60(4): 719-730." },
	{ "mid_disp", "GML Militarized Interstate Disputes (dispute level)", "2.2", MP_VER_FIXED,
	  "dispnum:I styear:I stmon:I outcome:I settle:I fatality:I mindur:I maxdur:I hiact:I hostlev:I recip:I", 0, 1,
	  "styear", "dsid,dispnum",
	  "Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the Militarized "
	  "Interstate Dispute (MID) Dataset, 1816-2001.\" International Studies Quarterly 60(4): 719-730." },
	{ "capitals", "Capitals of COW states (peacesciencer)", "2024", MP_VER_FIXED,
	  "ccode:I statenme:S capital:S stdate:S enddate:S lat:R lng:R", 0, 0, "stdate-enddate", "dsid,ccode",
	  "Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative Peace Science Research.\" "
	  "Conflict Management and Peace Science 39(6): 755-779 (capitals compiled for COW states)." },
	{ "contiguity", "COW Direct Contiguity", "3.2", MP_VER_FIXED, "ccode1:I ccode2:I conttype:I stdate:S enddate:S",
	  0, 0, "stdate-enddate", "dsid,ccode1,ccode2",
	  "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. "
	  "\"The Correlates of War Project Direct Contiguity Data, Version 3.\" Conflict Management and Peace "
	  "Science 19(2): 58-66." },
	{ "rivalries", "Thompson-Dreyer strategic rivalries", "2012", MP_VER_FIXED,
	  "rivalryno:I rivalryname:S ccode1:I ccode2:I styear:I endyear:I region:S type1:S type2:S type3:S", 0, 0,
	  "styear-endyear", "dsid,ccode1,ccode2",
	  "Thompson, William R., and David Dreyer. 2012. Handbook of International Rivalries, 1494-2010. "
	  "Washington, DC: CQ Press." },
	{ "arms_races", "Gibler-Rider-Hutchison arms races", "2005", MP_VER_FIXED,
	  "race_id:I ccode1:I ccode2:I styear:I endyear:I", 0, 0, "styear-endyear", "dsid,ccode1,ccode2",
	  "Gibler, Douglas M., Toby J. Rider, and Marc L. Hutchison. 2005. \"Taking Arms Against a Sea of "
	  "Troubles: Conventional Arms Races During Periods of Rivalry.\" Journal of Peace Research 42(2): "
	  "131-147." },
/* UN World Population Prospects in the layout of the wpp R packages (tab-separated, UN
	 * M49 codes), read by wpp.c into long form (never matched to a CSV header); the citation
	 * is the revision's (wpp.c). */
#define MP_WPP_LONG "country_code:I name:S indicator:S sex:S age:I? age_span:I? year:I span:I variant:S value:R"
#define MP_WPP_CITE                                                                                                    \
	"United Nations, Department of Economic and Social Affairs, Population Division. World "                       \
	"Population Prospects (2017 Revision; 2024). Distributed as the R packages wpp2017 and wpp2024 "               \
	"(Sevcikova and UN Population Division)."
	{ "wpp_pop", "UN WPP population by age and sex", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_poptot", "UN WPP total population (probabilistic bounds, variants)", NULL, MP_VER_FIXED, MP_WPP_LONG, 0,
	  0, "year", "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_tfr", "UN WPP total fertility", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year", "dsid,country_code,year",
	  MP_WPP_CITE },
	{ "wpp_asfr", "UN WPP age pattern of fertility (percent by age)", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_mx", "UN WPP age-specific death rates", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_e0", "UN WPP life expectancy at birth", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_mig", "UN WPP net international migration", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_srb", "UN WPP sex ratio at birth", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_vital", "UN WPP births, deaths and rates of change", NULL, MP_VER_FIXED, MP_WPP_LONG, 0, 0, "year",
	  "dsid,country_code,year", MP_WPP_CITE },
	{ "wpp_locations", "UN WPP locations (M49 codes, regions)", NULL, MP_VER_FIXED,
	  "country_code:I name:S reg_code:I reg_name:S area_code:I area_name:S location_type:I", 0, 0, "",
	  "dsid,country_code", MP_WPP_CITE },
#undef MP_WPP_LONG
#undef MP_WPP_CITE
};

static size_t nbase(void)
{
	return sizeof specs / sizeof specs[0];
}
size_t mp_data__nspecs(void)
{
	return nbase() + mp_data__nlayouts();
}
const mp_dataset_spec *mp_data__spec(size_t i)
{
	return i < nbase() ? &specs[i] : mp_data__layout(i - nbase());
}

/* The families: every spec row that is not another layout of a family. */
static const mp_dataset_spec *family_at(size_t i)
{
	for (size_t k = 0; k < mp_data__nspecs(); k++)
		if (!mp_data__layout_name(mp_data__spec(k)) && i-- == 0)
			return mp_data__spec(k);
	return NULL;
}

size_t mp_data_families(void)
{
	size_t n = 0;
	for (size_t k = 0; k < mp_data__nspecs(); k++)
		n += !mp_data__layout_name(mp_data__spec(k));
	return n;
}
const char *mp_data_family_table(size_t i)
{
	return family_at(i) ? family_at(i)->family : NULL;
}
const char *mp_data_family_name(size_t i)
{
	return family_at(i) ? family_at(i)->name : NULL;
}
const char *mp_data_family_citation(size_t i)
{
	return family_at(i) ? family_at(i)->citation : NULL;
}
