// rm_model.c: model loading (file or in-memory MJCF through the VFS), sizes, fields and names.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rm_internal.h"
#include "rm_fields.h"
#include "rm_model.h"

#define M(p) ((mjModel*)(p))

//---------------------------------- lifetime ------------------------------------------------------

int rm_model_load_xml(const char* xml, rm_model** model) {
  RM_BEGIN;
  RM_CHECK_ARG(xml && model, "xml and model must not be NULL");
  *model = NULL;
  // mjVFS is large (file names inline), so it lives on the heap; freed on every path below.
  mjVFS* volatile vfs = (mjVFS*)malloc(sizeof(mjVFS));
  if (!vfs) RM_FAIL(RM_E_MEMORY, "rm_model_load_xml: out of memory for the VFS");
  mj_defaultVFS(vfs);
  const char* name = "model.xml";
  int len = (int)strlen(xml);
  if (mj_makeEmptyFileVFS(vfs, name, len) != 0) {
    free(vfs);
    RM_FAIL(RM_E_LOAD, "rm_model_load_xml: could not add the document to the VFS");
  }
  int i = mj_findFileVFS(vfs, name);
  memcpy(vfs->filedata[i], xml, (size_t)len);
  char err[RM_ERROR_SIZE] = "";
  mjModel* m = mj_loadXML(name, vfs, err, sizeof(err));
  mj_deleteVFS(vfs);
  free(vfs);
  if (!m) RM_FAIL(RM_E_LOAD, "%s", err[0] ? err : "MuJoCo could not load the model");
  *model = (rm_model*)m;
  RM_RETURN(RM_OK);
}

static int rm__ends_with(const char* s, const char* suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

int rm_model_load_file(const char* path, rm_model** model) {
  RM_BEGIN;
  RM_CHECK_ARG(path && model, "path and model must not be NULL");
  *model = NULL;
  FILE* f = fopen(path, "rb");
  if (!f) RM_FAIL(RM_E_NOTFOUND, "model file not found: %s", path);
  fclose(f);
  char err[RM_ERROR_SIZE] = "";
  mjModel* m;
  if (rm__ends_with(path, ".mjb")) {
    m = mj_loadModel(path, NULL);
    if (!m) snprintf(err, sizeof(err), "not a valid binary model (.mjb) for this MuJoCo version");
  } else {
    m = mj_loadXML(path, NULL, err, sizeof(err));
  }
  if (!m) RM_FAIL(RM_E_LOAD, "%s: %s", path, err[0] ? err : "MuJoCo could not load the model");
  *model = (rm_model*)m;
  RM_RETURN(RM_OK);
}

void rm_model_free(rm_model* model) {
  if (model) mj_deleteModel(M(model));
}

//---------------------------------- sizes and fields ----------------------------------------------

#define RM_X_NAME(name) #name,
static const char* const rm__size_names[] = {RM_MODEL_SIZES(RM_X_NAME)};
#undef RM_X_NAME
#define RM_NSIZES ((int)(sizeof(rm__size_names) / sizeof(rm__size_names[0])))

#define RM_X_NAME(type, name, rows, cols) #name,
static const char* const rm__field_names[] = {RM_MODEL_FIELDS(RM_X_NAME)};
#undef RM_X_NAME
#define RM_NFIELDS ((int)(sizeof(rm__field_names) / sizeof(rm__field_names[0])))

int rm_model_size_count(void) { return RM_NSIZES; }

int rm_model_size_name(int i, const char** name) {
  RM_BEGIN;
  RM_CHECK_ARG(name && i >= 0 && i < RM_NSIZES, "size index out of range");
  *name = rm__size_names[i];
  RM_RETURN(RM_OK);
}

int rm_model_size(const rm_model* m, int i, int* value) {
  RM_BEGIN;
  RM_CHECK_ARG(m && value && i >= 0 && i < RM_NSIZES, "size index out of range");
  int k = 0;
#define RM_X_SIZE(name) if (k++ == i) { *value = M(m)->name; RM_RETURN(RM_OK); }
  RM_MODEL_SIZES(RM_X_SIZE)
#undef RM_X_SIZE
  RM_FAIL(RM_E_ARG, "size index out of range");
}

int rm_model_field_count(void) { return RM_NFIELDS; }

int rm_model_field_name(int i, const char** name) {
  RM_BEGIN;
  RM_CHECK_ARG(name && i >= 0 && i < RM_NFIELDS, "field index out of range");
  *name = rm__field_names[i];
  RM_RETURN(RM_OK);
}

#define RM_TYPE_OF_int RM_TYPE_INT
#define RM_TYPE_OF_mjtByte RM_TYPE_BYTE
#define RM_TYPE_OF_mjtNum RM_TYPE_NUM

int rm_model_field(const rm_model* m, int i, const void** ptr, int* rows, int* cols, int* type) {
  RM_BEGIN;
  RM_CHECK_ARG(m && ptr && rows && cols && type, "output pointers must not be NULL");
  RM_CHECK_ARG(i >= 0 && i < RM_NFIELDS, "field index out of range");
  const mjModel* mm = M(m);
  int k = 0;
#define RM_X_FIELD(t, name, r, c)                                            \
  if (k++ == i) {                                                            \
    *rows = mm->r; *cols = (int)(c); *type = RM_TYPE_OF_##t;                 \
    *ptr = (*rows) * (*cols) > 0 ? (const void*)mm->name : NULL;             \
    RM_RETURN(RM_OK);                                                        \
  }
  RM_MODEL_FIELDS(RM_X_FIELD)
#undef RM_X_FIELD
  RM_FAIL(RM_E_ARG, "field index out of range");
}

int rm_model_get_timestep(const rm_model* m, double* timestep) {
  RM_BEGIN;
  RM_CHECK_ARG(m && timestep, "m and timestep must not be NULL");
  *timestep = M(m)->opt.timestep;
  RM_RETURN(RM_OK);
}

int rm_model_set_timestep(rm_model* m, double timestep) {
  RM_BEGIN;
  RM_CHECK_ARG(m, "m must not be NULL");
  if (!(timestep > 0)) RM_FAIL(RM_E_ARG, "timestep must be > 0, got %g", timestep);
  M(m)->opt.timestep = timestep;
  RM_RETURN(RM_OK);
}

//---------------------------------- names ---------------------------------------------------------

static const int rm__obj_types[RM_OBJ_COUNT] = {
  mjOBJ_BODY, mjOBJ_JOINT, mjOBJ_GEOM, mjOBJ_SITE, mjOBJ_CAMERA,
  mjOBJ_ACTUATOR, mjOBJ_SENSOR, mjOBJ_LIGHT, mjOBJ_MESH,
};

static const char* const rm__obj_names[RM_OBJ_COUNT] = {
  "body", "joint", "geom", "site", "camera", "actuator", "sensor", "light", "mesh",
};

static int rm__obj_count(const mjModel* m, int kind) {
  switch (kind) {
    case RM_OBJ_BODY: return m->nbody;
    case RM_OBJ_JOINT: return m->njnt;
    case RM_OBJ_GEOM: return m->ngeom;
    case RM_OBJ_SITE: return m->nsite;
    case RM_OBJ_CAMERA: return m->ncam;
    case RM_OBJ_ACTUATOR: return m->nu;
    case RM_OBJ_SENSOR: return m->nsensor;
    case RM_OBJ_LIGHT: return m->nlight;
    case RM_OBJ_MESH: return m->nmesh;
    default: return -1;
  }
}

int rm_model_count(const rm_model* m, int kind, int* count) {
  RM_BEGIN;
  RM_CHECK_ARG(m && count, "m and count must not be NULL");
  RM_CHECK_ARG(kind >= 0 && kind < RM_OBJ_COUNT, "unknown object kind");
  *count = rm__obj_count(M(m), kind);
  RM_RETURN(RM_OK);
}

int rm_model_name2id(const rm_model* m, int kind, const char* name, int* id) {
  RM_BEGIN;
  RM_CHECK_ARG(m && name && id, "m, name and id must not be NULL");
  RM_CHECK_ARG(kind >= 0 && kind < RM_OBJ_COUNT, "unknown object kind");
  *id = mj_name2id(M(m), rm__obj_types[kind], name);
  if (*id < 0) RM_FAIL(RM_E_NOTFOUND, "no %s named '%s'", rm__obj_names[kind], name);
  RM_RETURN(RM_OK);
}

int rm_model_id2name(const rm_model* m, int kind, int id, const char** name) {
  RM_BEGIN;
  RM_CHECK_ARG(m && name, "m and name must not be NULL");
  RM_CHECK_ARG(kind >= 0 && kind < RM_OBJ_COUNT, "unknown object kind");
  if (id < 0 || id >= rm__obj_count(M(m), kind))
    RM_FAIL(RM_E_ARG, "%s id %d out of range [0, %d)", rm__obj_names[kind], id, rm__obj_count(M(m), kind));
  const char* s = mj_id2name(M(m), rm__obj_types[kind], id);
  *name = s ? s : "";
  RM_RETURN(RM_OK);
}
