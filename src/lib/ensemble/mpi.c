/* MPI for ensembles: initialised only when the process was started by mpirun, so the
 * plain binary never needs an MPI launcher. */
#include <stdlib.h>

#include "ensemble/ens_internal.h"

#if MP_HAVE_MPI
#include <mpi.h>
#endif

#if MP_HAVE_MPI
static int launched_by_mpirun(void)
{
	return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMIX_RANK") || getenv("PMI_RANK") || getenv("MPI_LOCALNRANKS");
}
#endif

int mp_ensemble_mpi_init(int *rank, int *size)
{
	*rank = 0;
	*size = 1;
#if MP_HAVE_MPI
	int inited = 0;
	MPI_Initialized(&inited);
	if (!inited && launched_by_mpirun()) {
		int provided;
		if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
			return MP_ERROR;
		inited = 1;
	}
	if (inited) {
		MPI_Comm_rank(MPI_COMM_WORLD, rank);
		MPI_Comm_size(MPI_COMM_WORLD, size);
	}
#endif
	return MP_OK;
}

void mp_ensemble_mpi_finalize(void)
{
#if MP_HAVE_MPI
	int inited = 0, fin = 0;
	MPI_Initialized(&inited);
	MPI_Finalized(&fin);
	if (inited && !fin)
		MPI_Finalize();
#endif
}

void mp_ens__mpi_world(int *rank, int *size)
{
	*rank = 0;
	*size = 1;
#if MP_HAVE_MPI
	int inited = 0, fin = 0;
	MPI_Initialized(&inited);
	MPI_Finalized(&fin);
	if (inited && !fin) {
		MPI_Comm_rank(MPI_COMM_WORLD, rank);
		MPI_Comm_size(MPI_COMM_WORLD, size);
	}
#endif
}

int mp_ens__mpi_reduce_scatter(const double *send, double *recv, const int *counts, int size)
{
#if MP_HAVE_MPI
	if (size > 1) {
		/* Each value was written by exactly one rank; the others hold -0.0, the identity
		 * of IEEE addition (x + -0.0 == x for every x, including +0.0), so the sum is
		 * exact and independent of the reduction order. */
		if (MPI_Reduce_scatter(send, recv, counts, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD) != MPI_SUCCESS)
			return MP_ERROR;
	}
#else
	(void)send;
	(void)recv;
	(void)counts;
	(void)size;
#endif
	return MP_OK;
}

int mp_ens__mpi_gather(const double *mine, double *all, const int *counts, int size)
{
#if MP_HAVE_MPI
	if (size > 1) {
		int rank;
		MPI_Comm_rank(MPI_COMM_WORLD, &rank);
		int *displs = malloc((size_t)size * sizeof *displs);
		if (!displs)
			return MP_ENOMEM;
		for (int r = 0, off = 0; r < size; r++) {
			displs[r] = off;
			off += counts[r];
		}
		int rc = MPI_Gatherv(mine, counts[rank], MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0,
				     MPI_COMM_WORLD);
		free(displs);
		if (rc != MPI_SUCCESS)
			return MP_ERROR;
	}
#else
	(void)mine;
	(void)all;
	(void)counts;
	(void)size;
#endif
	return MP_OK;
}

int mp_ens__mpi_bcast_int(int *v)
{
#if MP_HAVE_MPI
	int rank, size;
	mp_ens__mpi_world(&rank, &size);
	if (size > 1 && MPI_Bcast(v, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
		return MP_ERROR;
#else
	(void)v;
#endif
	return MP_OK;
}

int mp_ens__mpi_allreduce_sum(double *buf, size_t n)
{
#if MP_HAVE_MPI
	int rank, size;
	mp_ens__mpi_world(&rank, &size);
	/* As in the reduce-scatter: each value is written by one rank, the others hold
	 * -0.0, so the sum is exact whatever the reduction order. Chunks keep the count an int. */
	const size_t chunk = (size_t)1 << 28;
	for (size_t off = 0; size > 1 && off < n; off += chunk) {
		int c = (int)(n - off < chunk ? n - off : chunk);
		if (MPI_Allreduce(MPI_IN_PLACE, buf + off, c, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD) != MPI_SUCCESS)
			return MP_ERROR;
	}
#else
	(void)buf;
	(void)n;
#endif
	return MP_OK;
}
