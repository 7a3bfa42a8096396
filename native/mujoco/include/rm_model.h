// rm_model.h: loading, freeing and reading an mjModel. A model is read-only once loaded and is
// shared by every rm_data made from it (MuJoCo's documented threading); the caller that loads owns.
#ifndef RM_MODEL_H_
#define RM_MODEL_H_

#include "rm_error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rm_model rm_model;   // opaque: an mjModel

// Object kinds for name lookups (mapped to mjtObj inside the shim).
#define RM_OBJ_BODY      0
#define RM_OBJ_JOINT     1
#define RM_OBJ_GEOM      2
#define RM_OBJ_SITE      3
#define RM_OBJ_CAMERA    4
#define RM_OBJ_ACTUATOR  5
#define RM_OBJ_SENSOR    6
#define RM_OBJ_LIGHT     7
#define RM_OBJ_MESH      8
#define RM_OBJ_COUNT     9

// Element types of exposed arrays.
#define RM_TYPE_INT      0   // int
#define RM_TYPE_BYTE     1   // mjtByte (unsigned char)
#define RM_TYPE_NUM      2   // mjtNum (double)

//---------------------------------- lifetime ------------------------------------------------------

// Compiles an MJCF document held in memory (NUL-terminated) through MuJoCo's virtual file system;
// assets named in it are looked up on disk relative to the working directory. RM_E_LOAD with
// MuJoCo's message (element and line) on failure; *model is NULL then.
RM_API int rm_model_load_xml(const char* xml, rm_model** model);

// Loads an MJCF (.xml) or binary (.mjb) model file. RM_E_NOTFOUND if the file is missing,
// RM_E_LOAD with MuJoCo's message (with line) if it fails to compile.
RM_API int rm_model_load_file(const char* path, rm_model** model);

// Frees a model; NULL is allowed. Every rm_data made from it must be freed first.
RM_API void rm_model_free(rm_model* model);

//---------------------------------- sizes and fields ----------------------------------------------

// Number of entries in the RM_MODEL_SIZES table (rm_fields.h).
RM_API int rm_model_size_count(void);

// Name of size entry i ("nq"); RM_E_ARG if i is out of range.
RM_API int rm_model_size_name(int i, const char** name);

// Value of size entry i (index into RM_MODEL_SIZES); RM_E_ARG if i is out of range.
RM_API int rm_model_size(const rm_model* m, int i, int* value);

// Number of entries in the RM_MODEL_FIELDS table.
RM_API int rm_model_field_count(void);

// Name of model field i ("jnt_qposadr"); RM_E_ARG if i is out of range.
RM_API int rm_model_field_name(int i, const char** name);

// Pointer, shape (rows x cols) and element type (RM_TYPE_*) of model field i; the array is owned by
// the model and must not be written. ptr is NULL when rows*cols is 0.
RM_API int rm_model_field(const rm_model* m, int i, const void** ptr, int* rows, int* cols, int* type);

// Simulation timestep (opt.timestep) in seconds.
RM_API int rm_model_get_timestep(const rm_model* m, double* timestep);

// Sets the timestep; RM_E_ARG unless 0 < timestep. Not thread-safe: call before any data steps.
RM_API int rm_model_set_timestep(rm_model* m, double timestep);

//---------------------------------- names ---------------------------------------------------------

// Number of objects of a kind (RM_OBJ_*); RM_E_ARG for an unknown kind.
RM_API int rm_model_count(const rm_model* m, int kind, int* count);

// Id of the named object of a kind; RM_E_NOTFOUND (and *id = -1) if no object has that name.
RM_API int rm_model_name2id(const rm_model* m, int kind, const char* name, int* id);

// Name of object id of a kind ("" if unnamed), owned by the model; RM_E_ARG if id is out of range.
RM_API int rm_model_id2name(const rm_model* m, int kind, int id, const char** name);

#ifdef __cplusplus
}
#endif
#endif  // RM_MODEL_H_
