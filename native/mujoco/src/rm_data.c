// rm_data.c: mjData lifetime, stepping, field access, contacts, Jacobians, snapshots, warnings.
#include <string.h>
#include <time.h>

#include "rm_internal.h"
#include "rm_fields.h"
#include "rm_data.h"

#define M(p) ((const mjModel*)(p))
#define D(p) ((mjData*)(p))

//---------------------------------- lifetime ------------------------------------------------------

int rm_data_new(const rm_model* m, rm_data** data) {
  RM_BEGIN;
  RM_CHECK_ARG(m && data, "m and data must not be NULL");
  *data = NULL;
  mjData* d = mj_makeData(M(m));
  if (!d) RM_FAIL(RM_E_MEMORY, "mj_makeData failed");
  mj_forward(M(m), d);
  *data = (rm_data*)d;
  RM_RETURN(RM_OK);
}

void rm_data_free(rm_data* d) {
  if (d) mj_deleteData(D(d));
}

//---------------------------------- simulation ----------------------------------------------------

int rm_data_step(const rm_model* m, rm_data* d, int nstep) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  RM_CHECK_ARG(nstep >= 0, "nstep must be >= 0");
  for (int i = 0; i < nstep; i++) mj_step(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_step1(const rm_model* m, rm_data* d) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  mj_step1(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_step2(const rm_model* m, rm_data* d) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  mj_step2(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_forward(const rm_model* m, rm_data* d) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  mj_forward(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_reset(const rm_model* m, rm_data* d) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  mj_resetData(M(m), D(d));
  mj_forward(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_reset_keyframe(const rm_model* m, rm_data* d, int key) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  if (key < 0 || key >= M(m)->nkey) RM_FAIL(RM_E_ARG, "keyframe %d out of range [0, %d)", key, M(m)->nkey);
  mj_resetDataKeyframe(M(m), D(d), key);
  mj_forward(M(m), D(d));
  RM_RETURN(RM_OK);
}

int rm_data_get_time(const rm_data* d, double* time) {
  RM_BEGIN;
  RM_CHECK_ARG(d && time, "d and time must not be NULL");
  *time = D(d)->time;
  RM_RETURN(RM_OK);
}

int rm_data_set_time(rm_data* d, double time) {
  RM_BEGIN;
  RM_CHECK_ARG(d, "d must not be NULL");
  D(d)->time = time;
  RM_RETURN(RM_OK);
}

//---------------------------------- fields --------------------------------------------------------

#define RM_X_NAME(type, name, rows, cols) #name,
static const char* const rm__field_names[] = {RM_DATA_FIELDS(RM_X_NAME)};
#undef RM_X_NAME
#define RM_NFIELDS ((int)(sizeof(rm__field_names) / sizeof(rm__field_names[0])))

int rm_data_field_count(void) { return RM_NFIELDS; }

int rm_data_field_name(int i, const char** name) {
  RM_BEGIN;
  RM_CHECK_ARG(name && i >= 0 && i < RM_NFIELDS, "field index out of range");
  *name = rm__field_names[i];
  RM_RETURN(RM_OK);
}

int rm_data_field(const rm_model* m, rm_data* d, int i, double** ptr, int* rows, int* cols) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && ptr && rows && cols, "pointers must not be NULL");
  RM_CHECK_ARG(i >= 0 && i < RM_NFIELDS, "field index out of range");
  int k = 0;
#define RM_X_FIELD(t, name, r, c)                                             \
  if (k++ == i) {                                                             \
    *rows = M(m)->r; *cols = (int)(c);                                        \
    *ptr = (*rows) * (*cols) > 0 ? D(d)->name : NULL;                         \
    RM_RETURN(RM_OK);                                                         \
  }
  RM_DATA_FIELDS(RM_X_FIELD)
#undef RM_X_FIELD
  RM_FAIL(RM_E_ARG, "field index out of range");
}

//---------------------------------- contacts ------------------------------------------------------

int rm_data_contact_count(const rm_data* d, int* ncon) {
  RM_BEGIN;
  RM_CHECK_ARG(d && ncon, "d and ncon must not be NULL");
  *ncon = D(d)->ncon;
  RM_RETURN(RM_OK);
}

int rm_data_contact(const rm_data* d, int i, int* geom1, int* geom2, double* dist,
                    double* pos, double* frame) {
  RM_BEGIN;
  RM_CHECK_ARG(d && geom1 && geom2 && dist, "d, geom1, geom2 and dist must not be NULL");
  if (i < 0 || i >= D(d)->ncon) RM_FAIL(RM_E_ARG, "contact %d out of range [0, %d)", i, D(d)->ncon);
  const mjContact* c = D(d)->contact + i;
  *geom1 = c->geom1;
  *geom2 = c->geom2;
  *dist = c->dist;
  if (pos) memcpy(pos, c->pos, 3 * sizeof(double));
  if (frame) memcpy(frame, c->frame, 9 * sizeof(double));
  RM_RETURN(RM_OK);
}

//---------------------------------- kinematics and dynamics ---------------------------------------

int rm_data_jac_site(const rm_model* m, const rm_data* d, int site, double* jacp, double* jacr) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  if (site < 0 || site >= M(m)->nsite) RM_FAIL(RM_E_ARG, "site id %d out of range [0, %d)", site, M(m)->nsite);
  mj_jacSite(M(m), D(d), jacp, jacr, site);
  RM_RETURN(RM_OK);
}

int rm_data_jac_body(const rm_model* m, const rm_data* d, int body, double* jacp, double* jacr) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d, "m and d must not be NULL");
  if (body < 0 || body >= M(m)->nbody) RM_FAIL(RM_E_ARG, "body id %d out of range [0, %d)", body, M(m)->nbody);
  mj_jacBody(M(m), D(d), jacp, jacr, body);
  RM_RETURN(RM_OK);
}

int rm_data_full_mass(const rm_model* m, const rm_data* d, double* dense) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && dense, "m, d and dense must not be NULL");
  mj_fullM(M(m), dense, D(d)->qM);
  RM_RETURN(RM_OK);
}

//---------------------------------- state snapshots -----------------------------------------------

// X(name, count): the parts of a full-state snapshot, in order, after time.
#define RM_STATE_PARTS(X, m)               \
  X(qpos,           (m)->nq)               \
  X(qvel,           (m)->nv)               \
  X(act,            (m)->na)               \
  X(ctrl,           (m)->nu)               \
  X(qacc_warmstart, (m)->nv)               \
  X(qfrc_applied,   (m)->nv)               \
  X(xfrc_applied,   6 * (m)->nbody)        \
  X(mocap_pos,      3 * (m)->nmocap)       \
  X(mocap_quat,     4 * (m)->nmocap)       \
  X(userdata,       (m)->nuserdata)

static int rm__state_size(const mjModel* m) {
  int n = 1;
#define RM_X_COUNT(name, count) n += (count);
  RM_STATE_PARTS(RM_X_COUNT, m)
#undef RM_X_COUNT
  return n;
}

int rm_data_state_size(const rm_model* m, int* size) {
  RM_BEGIN;
  RM_CHECK_ARG(m && size, "m and size must not be NULL");
  *size = rm__state_size(M(m));
  RM_RETURN(RM_OK);
}

int rm_data_get_state(const rm_model* m, const rm_data* d, double* state, int size) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && state, "m, d and state must not be NULL");
  int need = rm__state_size(M(m));
  if (size != need) RM_FAIL(RM_E_ARG, "state size must be %d, got %d", need, size);
  const mjData* dd = D(d);
  double* p = state;
  *p++ = dd->time;
#define RM_X_GET(name, count) memcpy(p, dd->name, (size_t)(count) * sizeof(double)); p += (count);
  RM_STATE_PARTS(RM_X_GET, M(m))
#undef RM_X_GET
  RM_RETURN(RM_OK);
}

int rm_data_set_state(const rm_model* m, rm_data* d, const double* state, int size) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && state, "m, d and state must not be NULL");
  int need = rm__state_size(M(m));
  if (size != need) RM_FAIL(RM_E_ARG, "state size must be %d, got %d", need, size);
  mjData* dd = D(d);
  const double* p = state;
  dd->time = *p++;
#define RM_X_SET(name, count) memcpy(dd->name, p, (size_t)(count) * sizeof(double)); p += (count);
  RM_STATE_PARTS(RM_X_SET, M(m))
#undef RM_X_SET
  mj_forward(M(m), dd);
  RM_RETURN(RM_OK);
}

//---------------------------------- warnings ------------------------------------------------------

int rm_data_warnings(rm_data* d, int** stats, int* count) {
  RM_BEGIN;
  RM_CHECK_ARG(d && stats && count, "d, stats and count must not be NULL");
  _Static_assert(sizeof(mjWarningStat) == 2 * sizeof(int), "mjWarningStat is {int lastinfo; int number}");
  *stats = (int*)D(d)->warning;
  *count = mjNWARNING;
  RM_RETURN(RM_OK);
}

int rm_data_clear_warnings(rm_data* d) {
  RM_BEGIN;
  RM_CHECK_ARG(d, "d must not be NULL");
  memset(D(d)->warning, 0, sizeof(D(d)->warning));
  RM_RETURN(RM_OK);
}

//---------------------------------- bench reference -----------------------------------------------

static double rm__now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int rm_bench_step_loop(const rm_model* m, rm_data* d, int nctrl, int nsub, double* seconds) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && seconds, "m, d and seconds must not be NULL");
  RM_CHECK_ARG(nctrl >= 0 && nsub >= 0, "nctrl and nsub must be >= 0");
  double t0 = rm__now();
  for (int i = 0; i < nctrl; i++)
    for (int j = 0; j < nsub; j++) mj_step(M(m), D(d));
  *seconds = rm__now() - t0;
  RM_RETURN(RM_OK);
}

int rm_bench_replay(const rm_model* m, rm_data* d, const double* ctrl, const double* mocap_pos,
                    const double* mocap_quat, int nsteps, double* seconds) {
  RM_BEGIN;
  RM_CHECK_ARG(m && d && seconds, "m, d and seconds must not be NULL");
  RM_CHECK_ARG(nsteps >= 0, "nsteps must be >= 0");
  const mjModel* mm = M(m);
  mjData* dd = D(d);
  int nu = mm->nu, nmocap = mm->nmocap;
  RM_CHECK_ARG(nu == 0 || ctrl, "ctrl must not be NULL when the model has actuators");
  RM_CHECK_ARG(nmocap == 0 || (mocap_pos && mocap_quat), "mocap_pos and mocap_quat must not be NULL when the model has mocap bodies");
  double t0 = rm__now();
  for (int i = 0; i < nsteps; i++) {
    if (nu) memcpy(dd->ctrl, ctrl + (size_t)i * nu, sizeof(mjtNum) * nu);
    if (nmocap) {
      memcpy(dd->mocap_pos, mocap_pos + (size_t)i * 3 * nmocap, sizeof(mjtNum) * 3 * nmocap);
      memcpy(dd->mocap_quat, mocap_quat + (size_t)i * 4 * nmocap, sizeof(mjtNum) * 4 * nmocap);
    }
    mj_step(mm, dd);
  }
  *seconds = rm__now() - t0;
  RM_RETURN(RM_OK);
}
