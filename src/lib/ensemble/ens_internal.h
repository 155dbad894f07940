/* Internal: MPI helpers of the ensemble module (mpi.c). */
#ifndef MP_ENS_INTERNAL_H
#define MP_ENS_INTERNAL_H

#include <stddef.h>

#include "multipolar/ensemble.h"

/* Rank and size of MPI_COMM_WORLD when MPI is initialised, else 0 and 1. */
void mp_ens__mpi_world(int *rank, int *size);
/* Sums buf element-wise into rank 0 (in place there). */
int mp_ens__mpi_reduce(double *buf, size_t count, int size);
/* Broadcasts an int from rank 0 (e.g. an error status). */
int mp_ens__mpi_bcast_int(int *v);

#endif
