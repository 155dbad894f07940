/* BibTeX entries of the dataset families (multipolar cite --format bibtex), transcribed from
 * the producers' requested citations, the same works as the families' plain citations in
 * datasets.c and layouts.c. */
#include <string.h>

#include "multipolar/data.h"

#define SINGER                                                                                                         \
	"@incollection{singer1972,\n  author = {Singer, J. David and Bremer, Stuart and Stuckey, John},\n"             \
	"  title = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},\n"                         \
	"  booktitle = {Peace, War, and Numbers},\n  editor = {Russett, Bruce},\n  pages = {19--48},\n"                \
	"  publisher = {Sage},\n  address = {Beverly Hills},\n  year = {1972}\n}\n"                                    \
	"@article{singer1987,\n  author = {Singer, J. David},\n"                                                       \
	"  title = {Reconstructing the {Correlates of War} Dataset on Material Capabilities of States, "               \
	"1816--1985},\n  journal = {International Interactions},\n  volume = {14},\n  pages = {115--132},\n"           \
	"  year = {1987}\n}\n"
#define COWSTATES                                                                                                      \
	"@misc{cow2017states,\n  author = {{Correlates of War Project}},\n"                                            \
	"  title = {State System Membership List, v2016},\n  year = {2017},\n"                                         \
	"  howpublished = {\\url{https://correlatesofwar.org/data-sets/state-system-membership/}}\n}\n"
#define GIBLER                                                                                                         \
	"@book{gibler2009,\n  author = {Gibler, Douglas M.},\n"                                                        \
	"  title = {International Military Alliances, 1648--2008},\n  publisher = {CQ Press},\n"                       \
	"  address = {Washington, DC},\n  year = {2009}\n}\n"
#define MILLER                                                                                                         \
	"@article{miller2022,\n  author = {Miller, Steven V.},\n"                                                      \
	"  title = {{peacesciencer}: An {R} Package for Quantitative Peace Science Research},\n"                       \
	"  journal = {Conflict Management and Peace Science},\n  volume = {39},\n  number = {6},\n"                    \
	"  pages = {755--779},\n  year = {2022}\n}\n"
#define ATOP                                                                                                           \
	"@article{leeds2002,\n  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara "              \
	"McLaughlin and Long, Andrew G.},\n  title = {Alliance Treaty Obligations and Provisions, "                    \
	"1815--1944},\n  journal = {International Interactions},\n  volume = {28},\n  pages = {237--260},\n"           \
	"  year = {2002}\n}\n"
#define UNGA                                                                                                           \
	"@article{bailey2017,\n  author = {Bailey, Michael A. and Strezhnev, Anton and Voeten, Erik},\n"               \
	"  title = {Estimating Dynamic State Preferences from {United Nations} Voting Data},\n"                        \
	"  journal = {Journal of Conflict Resolution},\n  volume = {61},\n  number = {2},\n"                           \
	"  pages = {430--456},\n  year = {2017}\n}\n"
#define VOTES                                                                                                          \
	"@misc{voeten2009,\n  author = {Voeten, Erik and Strezhnev, Anton and Bailey, Michael},\n"                     \
	"  title = {{United Nations General Assembly} Voting Data},\n  howpublished = {Harvard Dataverse},\n"          \
	"  note = {hdl:1902.1/12379},\n  year = {2009}\n}\n"                                                           \
	"@manual{robinson2017,\n  author = {Robinson, David},\n"                                                       \
	"  title = {unvotes: United Nations General Assembly Voting Data},\n  note = {R package version 0.2},\n"       \
	"  year = {2017}\n}\n"
#define MADDISON                                                                                                       \
	"@article{bolt2024,\n  author = {Bolt, Jutta and van Zanden, Jan Luiten},\n"                                   \
	"  title = {Maddison style estimates of the evolution of the world economy: A new 2023 update},\n"             \
	"  journal = {Journal of Economic Surveys},\n  pages = {1--41},\n  year = {2024},\n"                           \
	"  doi = {10.1111/joes.12618}\n}\n"
#define SIPRI                                                                                                          \
	"@misc{sipri2024,\n  author = {{Stockholm International Peace Research Institute}},\n"                         \
	"  title = {{SIPRI} Military Expenditure Database, 1949--2023},\n  year = {2024},\n"                           \
	"  howpublished = {\\url{https://www.sipri.org/databases/milex}}\n}\n"
#define TRADE                                                                                                          \
	"@misc{barbieri2016,\n  author = {Barbieri, Katherine and Keshk, Omar M. G.},\n"                               \
	"  title = {{Correlates of War Project} Trade Data Set Codebook, Version 4.0},\n  year = {2016},\n"            \
	"  howpublished = {\\url{https://correlatesofwar.org}}\n}\n"                                                   \
	"@article{barbieri2009,\n  author = {Barbieri, Katherine and Keshk, Omar M. G. and Pollins, Brian},\n"         \
	"  title = {Trading Data: Evaluating our Assumptions and Coding Rules},\n"                                     \
	"  journal = {Conflict Management and Peace Science},\n  volume = {26},\n  number = {5},\n"                    \
	"  pages = {471--491},\n  year = {2009}\n}\n"
#define COUNTRYCODE                                                                                                    \
	"@article{arelbundock2018,\n  author = {Arel-Bundock, Vincent and Enevoldsen, Nils and Yetman, CJ},\n"         \
	"  title = {countrycode: An {R} package to convert country names and country codes},\n"                        \
	"  journal = {Journal of Open Source Software},\n  volume = {3},\n  number = {28},\n  pages = {848},\n"        \
	"  year = {2018}\n}\n"
#define WAR                                                                                                            \
	"@book{sarkees2010,\n  author = {Sarkees, Meredith Reid and Wayman, Frank},\n"                                 \
	"  title = {Resort to War: 1816--2007},\n  publisher = {CQ Press},\n  address = {Washington, DC},\n"           \
	"  year = {2010}\n}\n"
#define GML                                                                                                            \
	"@article{gibler2016,\n  author = {Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.},\n"           \
	"  title = {An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001},\n"                 \
	"  journal = {International Studies Quarterly},\n  volume = {60},\n  number = {4},\n"                          \
	"  pages = {719--730},\n  year = {2016}\n}\n"
#define CONTIG                                                                                                         \
	"@article{stinnett2002,\n  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and "          \
	"Diehl, Paul F. and Gochman, Charles},\n  title = {The {Correlates of War Project} Direct Contiguity "         \
	"Data, Version 3},\n  journal = {Conflict Management and Peace Science},\n  volume = {19},\n"                  \
	"  number = {2},\n  pages = {58--66},\n  year = {2002}\n}\n"
#define RIVAL                                                                                                          \
	"@book{thompson2012,\n  author = {Thompson, William R. and Dreyer, David},\n"                                  \
	"  title = {Handbook of International Rivalries, 1494--2010},\n  publisher = {CQ Press},\n"                    \
	"  address = {Washington, DC},\n  year = {2012}\n}\n"
#define RACES                                                                                                          \
	"@article{gibler2005,\n  author = {Gibler, Douglas M. and Rider, Toby J. and Hutchison, Marc L.},\n"           \
	"  title = {Taking Arms Against a Sea of Troubles: Conventional Arms Races During Periods of "                 \
	"Rivalry},\n  journal = {Journal of Peace Research},\n  volume = {42},\n  number = {2},\n"                     \
	"  pages = {131--147},\n  year = {2005}\n}\n"

#define PWT                                                                                                            \
	"@article{feenstra2015,\n  author = {Feenstra, Robert C. and Inklaar, Robert and Timmer, Marcel P.},\n"        \
	"  title = {The Next Generation of the {Penn World Table}},\n"                                                 \
	"  journal = {American Economic Review},\n  volume = {105},\n  number = {10},\n"                               \
	"  pages = {3150--3182},\n  year = {2015}\n}\n"
#define WPP2017                                                                                                        \
	"@misc{un2017wpp,\n  author = {{United Nations, Department of Economic and Social Affairs, "                   \
	"Population Division}},\n  title = {World Population Prospects: The 2017 Revision},\n"                         \
	"  year = {2017},\n  note = {R package wpp2017 (Sevcikova and UN Population Division)},\n"                     \
	"  howpublished = {\\url{https://population.un.org/wpp/}}\n}\n"
#define WPP2024                                                                                                        \
	"@misc{un2024wpp,\n  author = {{United Nations, Department of Economic and Social Affairs, "                   \
	"Population Division}},\n  title = {World Population Prospects 2024},\n"                                       \
	"  year = {2024},\n  note = {R package wpp2024 (Sevcikova and UN Population Division)},\n"                     \
	"  howpublished = {\\url{https://population.un.org/wpp/}}\n}\n"

static const struct {
	const char *family, *bib;
} entries[] = {
	{ "nmc", SINGER },
	{ "states", COWSTATES },
	{ "majors", COWSTATES },
	{ "alliance_member", GIBLER },
	{ "alliance_dyad", GIBLER },
	{ "atop_dyad", ATOP },
	{ "unga", UNGA },
	{ "maddison", MADDISON },
	{ "sipri", SIPRI },
	{ "trade_national", TRADE },
	{ "trade_dyadic", TRADE },
	{ "crosswalk", COUNTRYCODE },
	{ "codelist", COUNTRYCODE },
	{ "war_inter", WAR },
	{ "war_part", WAR },
	{ "mid_dyad", GML },
	{ "mid_disp", GML },
	{ "mid_part", GML },
	{ "capitals", MILLER },
	{ "contiguity", CONTIG },
	{ "rivalries", RIVAL },
	{ "arms_races", RACES },
	{ "un_votes", VOTES },
	{ "un_rollcalls", VOTES },
	{ "un_issues", VOTES },
	{ "pwt", PWT },
};

const char *mp_data_dataset_bibtex(const char *family, const char *version)
{
	/* the WPP families: one work per revision (wpp.c sets the version from the file) */
	if (family && !strncmp(family, "wpp_", 4))
		return version && !strcmp(version, "2017") ? WPP2017 : WPP2024;
	return mp_data_family_bibtex(family);
}

const char *mp_data_family_bibtex(const char *family)
{
	for (size_t i = 0; family && i < sizeof entries / sizeof entries[0]; i++)
		if (!strcmp(entries[i].family, family))
			return entries[i].bib;
	return NULL;
}
