// rm_data.h: simulation state (mjData) of one environment: stepping, field access, contacts,
// Jacobians, mass matrix, full-state snapshots and warning counters. One rm_data per thread at a
// time; many rm_data may share one rm_model.
#ifndef RM_DATA_H_
#define RM_DATA_H_

#include "rm_model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rm_data rm_data;   // opaque: an mjData

//---------------------------------- lifetime ------------------------------------------------------

// Allocates data for a model, reset to qpos0 with derived quantities computed (mj_forward).
RM_API int rm_data_new(const rm_model* m, rm_data** data);

// Frees data; NULL is allowed.
RM_API void rm_data_free(rm_data* d);

//---------------------------------- simulation ----------------------------------------------------

// Advances nstep >= 0 times with mj_step in one call (one control step of nstep substeps).
RM_API int rm_data_step(const rm_model* m, rm_data* d, int nstep);

// mj_step1: position and velocity dependent computations, before setting ctrl.
RM_API int rm_data_step1(const rm_model* m, rm_data* d);

// mj_step2: the rest of the step after ctrl was set.
RM_API int rm_data_step2(const rm_model* m, rm_data* d);

// mj_forward: all derived quantities of the current state, no time advance.
RM_API int rm_data_forward(const rm_model* m, rm_data* d);

// mj_resetData followed by mj_forward; also clears the warning counters.
RM_API int rm_data_reset(const rm_model* m, rm_data* d);

// mj_resetDataKeyframe(key) followed by mj_forward; RM_E_ARG if key is out of range.
RM_API int rm_data_reset_keyframe(const rm_model* m, rm_data* d, int key);

// Simulation time in seconds.
RM_API int rm_data_get_time(const rm_data* d, double* time);

// Sets the simulation time.
RM_API int rm_data_set_time(rm_data* d, double time);

//---------------------------------- fields --------------------------------------------------------

// Number of entries in the RM_DATA_FIELDS table (rm_fields.h).
RM_API int rm_data_field_count(void);

// Name of data field i ("qpos"); RM_E_ARG if i is out of range.
RM_API int rm_data_field_name(int i, const char** name);

// Pointer and shape (rows x cols) of data field i, e.g. qpos (nq x 1), xmat (nbody x 9); owned by d,
// valid until d is freed. ptr is NULL when rows*cols is 0.
RM_API int rm_data_field(const rm_model* m, rm_data* d, int i, double** ptr, int* rows, int* cols);

//---------------------------------- contacts ------------------------------------------------------

// Number of contacts after the last step or forward (d->ncon).
RM_API int rm_data_contact_count(const rm_data* d, int* ncon);

// Contact i: geom ids, distance (negative: penetration), position (3 x 1) and frame (3 x 3, normal
// first); pos and frame may be NULL. RM_E_ARG if i is out of range.
RM_API int rm_data_contact(const rm_data* d, int i, int* geom1, int* geom2, double* dist,
                           double* pos, double* frame);

//---------------------------------- kinematics and dynamics ---------------------------------------

// Translational and rotational Jacobians of a site (3 x nv each, row-major); either may be NULL.
RM_API int rm_data_jac_site(const rm_model* m, const rm_data* d, int site, double* jacp, double* jacr);

// Jacobians of a body frame (3 x nv each); either may be NULL.
RM_API int rm_data_jac_body(const rm_model* m, const rm_data* d, int body, double* jacp, double* jacr);

// Dense joint-space inertia matrix (nv x nv) from d->qM (valid after forward or step).
RM_API int rm_data_full_mass(const rm_model* m, const rm_data* d, double* dense);

//---------------------------------- state snapshots -----------------------------------------------

// Number of doubles in a full-state snapshot: time, qpos, qvel, act, ctrl, qacc_warmstart,
// qfrc_applied, xfrc_applied, mocap_pos, mocap_quat, userdata.
RM_API int rm_data_state_size(const rm_model* m, int* size);

// Copies the full state into state (size x 1); RM_E_ARG unless size equals rm_data_state_size.
RM_API int rm_data_get_state(const rm_model* m, const rm_data* d, double* state, int size);

// Restores a full state and recomputes derived quantities (mj_forward), so that the same controls
// reproduce the same trajectory bit for bit. Warning counters are left unchanged.
RM_API int rm_data_set_state(const rm_model* m, rm_data* d, const double* state, int size);

//---------------------------------- warnings ------------------------------------------------------

// MuJoCo's warning statistics d->warning: *stats points to (count x 2) ints {lastinfo, number}
// indexed by mjtWarning (INERTIA, CONTACTFULL, CNSTRFULL, VGEOMFULL, BADQPOS, BADQVEL, BADQACC,
// BADCTRL), owned by d. MuJoCo 2.2.2 resets the data itself on a bad qacc and counts it here.
RM_API int rm_data_warnings(rm_data* d, int** stats, int* count);

// Zeroes the warning statistics.
RM_API int rm_data_clear_warnings(rm_data* d);

//---------------------------------- bench reference -----------------------------------------------

// The physics bench's denominator: nctrl x nsub calls of mj_step in a bare C loop, wall time in
// *seconds. Controls are left as they are.
RM_API int rm_bench_step_loop(const rm_model* m, rm_data* d, int nctrl, int nsub, double* seconds);

// The per-suite env bench's denominator: nsteps calls of mj_step in a bare C loop, each after copying
// the recorded inputs of that physics step (ctrl: nsteps x nu, mocap_pos: nsteps x 3*nmocap,
// mocap_quat: nsteps x 4*nmocap; the mocap arrays may be NULL when nmocap is 0), wall time in *seconds.
// Replaying what an env applied reruns its trajectory, so env and bare loop do the same physics.
RM_API int rm_bench_replay(const rm_model* m, rm_data* d, const double* ctrl, const double* mocap_pos,
                           const double* mocap_quat, int nsteps, double* seconds);

#ifdef __cplusplus
}
#endif
#endif  // RM_DATA_H_
