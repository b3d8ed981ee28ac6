#pragma once
// Optimized kernels for the serial N_Vector operations CVODE calls every step. Internal to
// proscale_solvers.
//
// Why: the Debian 12 SUNDIALS 6.4.1 libraries are compiled without optimization (-O0); on a
// 403-unknown bordered problem (316 steps) their vector kernels took over half of CVODE's run
// time, and installing these cut the integration from 20 ms to 7.6 ms. SUNDIALS lets an
// application supply its own operations (the ops table of the generic N_Vector interface,
// Hindmarsh et al., ACM TOMS 31:363, 2005), and clones copy the table, so installing these on
// the state vector before CVodeInit (and before SUNLinSol_SPGMR clones its Krylov basis from
// it) speeds up every vector CVODE and GMRES allocate. SPGMR with modified Gram-Schmidt uses
// only kernels installed here (scale, linear sum, product, quotient, dot product, constant,
// linear combination); the rest keep SUNDIALS' own. Each kernel performs
// the same floating-point operations in the same order as its counterpart in SUNDIALS'
// nvector_serial.c, so results are bitwise identical (tests/solvers/test_fast_vector.cpp).
#include <sundials/sundials_nvector.h>

namespace proscale::sun {

/// Replaces the hot operations of a serial N_Vector (N_VNew_Serial) by compiled-in kernels:
/// linear sum, constant, product, quotient, scale, abs, inverse, add-constant, dot product,
/// max norm, WRMS norm, min, compare, and the fused linear combination and scale-add-multi.
void installFastSerialOps(N_Vector v);

}  // namespace proscale::sun
