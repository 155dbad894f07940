/* multipolar: the whole public API. */
#ifndef MULTIPOLAR_H
#define MULTIPOLAR_H

#include "multipolar/bargain.h"
#include "multipolar/calib.h"
#include "multipolar/chart.h"
#include "multipolar/common.h"
#include "multipolar/data.h"
#include "multipolar/ensemble.h"
#include "multipolar/eval.h"
#include "multipolar/metrics.h"
#include "multipolar/output.h"
#include "multipolar/poles.h"
#include "multipolar/relations.h"
#include "multipolar/report.h"
#include "multipolar/rng.h"
#include "multipolar/sim.h"
#include "multipolar/stats.h"
#include "multipolar/store.h"
#include "multipolar/table.h"
#include "multipolar/world.h"

#endif
