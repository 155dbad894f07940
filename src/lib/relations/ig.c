/* Loading igraph on first use (see ig.h). */
#define MP_IG_IMPL
#include "ig.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

/* Each pointer type in the table must be the type of the real function (checked at
 * compile time; no symbol is referenced, so igraph is not linked). */
#define MP_IG_CHECK(ret, name, args)                                                                                   \
	_Static_assert(__builtin_types_compatible_p(__typeof__(&name), ret(*) args), #name " prototype");
MP_IG_FUNCS(MP_IG_CHECK)
#undef MP_IG_CHECK
_Static_assert(__builtin_types_compatible_p(__typeof__(&igraph_error_handler_ignore), igraph_error_handler_t *),
	       "igraph_error_handler_ignore");

/* The one process-wide table: written once under pthread_once, then read-only. */
static mp_ig table;
static int loaded; /* 1 ok, -1 failed */
static char why[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	/* RTLD_LOCAL: igraph's symbols stay private to this handle; never unloaded */
	void *h = dlopen(MP_IGRAPH_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		strncpy(why, e ? e : MP_IGRAPH_SONAME ": cannot load", sizeof why - 1);
		loaded = -1;
		return;
	}
	int ok = 1;
#define MP_IG_SYM(ret, name, args)                                                                                     \
	if (ok && !(*(void **)&table.name = dlsym(h, #name))) {                                                        \
		strncpy(why, MP_IGRAPH_SONAME ": no symbol " #name, sizeof why - 1);                                   \
		ok = 0;                                                                                                \
	}
	MP_IG_FUNCS(MP_IG_SYM)
#undef MP_IG_SYM
	if (ok && !(*(void **)&table.error_handler_ignore = dlsym(h, "igraph_error_handler_ignore"))) {
		strncpy(why, MP_IGRAPH_SONAME ": no symbol igraph_error_handler_ignore", sizeof why - 1);
		ok = 0;
	}
	loaded = ok ? 1 : -1;
}

const mp_ig *mp_ig__load(mp_ctx *ctx)
{
	pthread_once(&once, load);
	if (loaded == 1)
		return &table;
	mp_error_set(ctx, MP_EUNSUPPORTED,
		     "igraph is needed for community detection and could not be loaded: %s "
		     "(install the Debian package libigraph3)",
		     why);
	return NULL;
}
