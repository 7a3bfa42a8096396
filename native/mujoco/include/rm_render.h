// rm_render.h: offscreen rendering of a model's cameras into RGB bytes. A render context owns an
// OpenGL context (OSMesa, or EGL when MUJOCO_GL=egl and compiled in) and is bound to the thread that
// created it: call rm_render_frame only from that thread. One context per thread.
#ifndef RM_RENDER_H_
#define RM_RENDER_H_

#include "rm_data.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rm_render rm_render;   // opaque: GL context + mjrContext + mjvScene

// Render flags (mjtRndFlag values) that rm_render_set_flag accepts.
#define RM_RENDER_SHADOW      0
#define RM_RENDER_WIREFRAME   1
#define RM_RENDER_REFLECTION  2
#define RM_RENDER_SKYBOX      4

// Creates a context on the calling thread for frames of width x height of model m; samples is the
// MSAA sample count of the offscreen buffer (negative: the model's visual/quality/offsamples).
// Shadows, reflections and skybox start off. gl names the GL platform, "osmesa" or "egl"; NULL or ""
// reads the MUJOCO_GL environment variable (default osmesa). RM_E_UNSUPPORTED for other values or
// egl without EGL compiled in, RM_E_GL if the GL context cannot be made.
RM_API int rm_render_new(const rm_model* m, int width, int height, int samples, const char* gl,
                         rm_render** ctx);

// Frees a context; NULL is allowed. Best called from the creating thread (OSMesa also allows others).
RM_API void rm_render_free(rm_render* ctx);

// Name of the GL platform in use by ctx ("osmesa" or "egl").
RM_API int rm_render_backend(const rm_render* ctx, const char** name);

// Turns a render flag (RM_RENDER_*) on (1) or off (0).
RM_API int rm_render_set_flag(rm_render* ctx, int flag, int value);

// Renders camera cam (-1: the free camera) of the current state of d into rgb (height x width x 3,
// top row first) and, if depth is not NULL, OpenGL depth in [0,1] (height x width, top row first).
RM_API int rm_render_frame(rm_render* ctx, const rm_model* m, rm_data* d, int cam,
                           unsigned char* rgb, float* depth);

// The render bench's denominator: nframes frames of camera cam in a C loop (same work as
// rm_render_frame), wall time in *seconds. width and height must match the context.
RM_API int rm_bench_render_loop(rm_render* ctx, const rm_model* m, rm_data* d, int cam,
                                int width, int height, int nframes, double* seconds);

#ifdef __cplusplus
}
#endif
#endif  // RM_RENDER_H_
