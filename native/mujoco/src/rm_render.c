// rm_render.c: offscreen rendering through OSMesa or EGL, chosen by MUJOCO_GL as MuJoCo's Python
// bindings do.
//
// How GL gets loaded: MuJoCo 2.2.2's GL loader (mjGladLoadGL, run inside mjr_makeContext) walks the
// libraries loaded in the process (dl_iterate_phdr) for one named libGLX.so, libGL.so, libEGL.so or
// libOSMesa.so and takes glXGetProcAddressARB / eglGetProcAddress / OSMesaGetProcAddress from it.
// So the shim links no GL library: it dlopens exactly the platform library MUJOCO_GL asks for
// (libOSMesa.so.8 or libEGL.so.1) before the first context, which is then the only candidate.
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <GL/osmesa.h>
#ifdef RM_HAVE_EGL
#include <EGL/egl.h>
#include <EGL/eglext.h>
#endif

#include "rm_internal.h"
#include "rm_render.h"

#define M(p) ((const mjModel*)(p))
#define D(p) ((mjData*)(p))

enum { RM_GL_OSMESA = 1, RM_GL_EGL = 2 };

// Context creation and destruction touch MuJoCo's process-wide GL function table: serialize them.
static pthread_mutex_t rm__gl_lock = PTHREAD_MUTEX_INITIALIZER;

//---------------------------------- OSMesa --------------------------------------------------------

static struct {
  int loaded;
  OSMesaContext (*create)(GLenum, GLint, GLint, GLint, OSMesaContext);
  GLboolean (*make_current)(OSMesaContext, void*, GLenum, GLsizei, GLsizei);
  void (*destroy)(OSMesaContext);
  OSMesaContext (*current)(void);
} rm__os;

static int rm__osmesa_load(void) {
  if (rm__os.loaded) return RM_OK;
  void* lib = dlopen("libOSMesa.so.8", RTLD_NOW | RTLD_GLOBAL);
  if (!lib) lib = dlopen("libOSMesa.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (!lib) lib = dlopen("libOSMesa.so", RTLD_NOW | RTLD_GLOBAL);
  if (!lib) return rm__fail(RM_E_GL, "MUJOCO_GL=osmesa but libOSMesa could not be loaded (install libosmesa6): %s", dlerror());
  *(void**)&rm__os.create = dlsym(lib, "OSMesaCreateContextExt");
  *(void**)&rm__os.make_current = dlsym(lib, "OSMesaMakeCurrent");
  *(void**)&rm__os.destroy = dlsym(lib, "OSMesaDestroyContext");
  *(void**)&rm__os.current = dlsym(lib, "OSMesaGetCurrentContext");
  if (!rm__os.create || !rm__os.make_current || !rm__os.destroy || !rm__os.current)
    return rm__fail(RM_E_GL, "libOSMesa lacks the OSMesa context functions");
  rm__os.loaded = 1;
  return RM_OK;
}

//---------------------------------- EGL -----------------------------------------------------------

#ifdef RM_HAVE_EGL
static struct {
  int loaded;
  EGLDisplay display;
  EGLConfig config;
  PFNEGLGETPROCADDRESSPROC get_proc;
  EGLDisplay (*get_display)(EGLNativeDisplayType);
  EGLBoolean (*initialize)(EGLDisplay, EGLint*, EGLint*);
  EGLBoolean (*choose_config)(EGLDisplay, const EGLint*, EGLConfig*, EGLint, EGLint*);
  EGLBoolean (*bind_api)(EGLenum);
  EGLContext (*create_context)(EGLDisplay, EGLConfig, EGLContext, const EGLint*);
  EGLBoolean (*make_current)(EGLDisplay, EGLSurface, EGLSurface, EGLContext);
  EGLBoolean (*destroy_context)(EGLDisplay, EGLContext);
  EGLContext (*current)(void);
  EGLint (*get_error)(void);
} rm__egl;

static int rm__egl_load(void) {
  if (rm__egl.loaded) return RM_OK;
  void* lib = dlopen("libEGL.so.1", RTLD_NOW | RTLD_GLOBAL);
  if (!lib) return rm__fail(RM_E_GL, "MUJOCO_GL=egl but libEGL.so.1 could not be loaded: %s", dlerror());
  *(void**)&rm__egl.get_proc = dlsym(lib, "eglGetProcAddress");
  *(void**)&rm__egl.get_display = dlsym(lib, "eglGetDisplay");
  *(void**)&rm__egl.initialize = dlsym(lib, "eglInitialize");
  *(void**)&rm__egl.choose_config = dlsym(lib, "eglChooseConfig");
  *(void**)&rm__egl.bind_api = dlsym(lib, "eglBindAPI");
  *(void**)&rm__egl.create_context = dlsym(lib, "eglCreateContext");
  *(void**)&rm__egl.make_current = dlsym(lib, "eglMakeCurrent");
  *(void**)&rm__egl.destroy_context = dlsym(lib, "eglDestroyContext");
  *(void**)&rm__egl.current = dlsym(lib, "eglGetCurrentContext");
  *(void**)&rm__egl.get_error = dlsym(lib, "eglGetError");
  if (!rm__egl.get_proc || !rm__egl.get_display || !rm__egl.initialize || !rm__egl.choose_config ||
      !rm__egl.bind_api || !rm__egl.create_context || !rm__egl.make_current ||
      !rm__egl.destroy_context || !rm__egl.current || !rm__egl.get_error)
    return rm__fail(RM_E_GL, "libEGL lacks core EGL functions");

  // A GPU device when the driver offers EGL_EXT_platform_device (MUJOCO_EGL_DEVICE_ID picks one),
  // otherwise the default display.
  EGLDisplay dpy = EGL_NO_DISPLAY;
  PFNEGLQUERYDEVICESEXTPROC query_devices = (PFNEGLQUERYDEVICESEXTPROC)rm__egl.get_proc("eglQueryDevicesEXT");
  PFNEGLGETPLATFORMDISPLAYEXTPROC platform_display =
      (PFNEGLGETPLATFORMDISPLAYEXTPROC)rm__egl.get_proc("eglGetPlatformDisplayEXT");
  if (query_devices && platform_display) {
    EGLDeviceEXT devices[16];
    EGLint n = 0;
    if (query_devices(16, devices, &n) && n > 0) {
      const char* id = getenv("MUJOCO_EGL_DEVICE_ID");
      int k = id ? atoi(id) : 0;
      if (k < 0 || k >= n) return rm__fail(RM_E_GL, "MUJOCO_EGL_DEVICE_ID=%s out of range [0, %d)", id, n);
      dpy = platform_display(EGL_PLATFORM_DEVICE_EXT, devices[k], NULL);
    }
  }
  if (dpy == EGL_NO_DISPLAY) dpy = rm__egl.get_display(EGL_DEFAULT_DISPLAY);
  if (dpy == EGL_NO_DISPLAY) return rm__fail(RM_E_GL, "EGL: no display");
  EGLint major, minor;
  if (!rm__egl.initialize(dpy, &major, &minor))
    return rm__fail(RM_E_GL, "eglInitialize failed (EGL error 0x%x)", rm__egl.get_error());
  const EGLint attribs[] = {
    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
    EGL_DEPTH_SIZE, 24, EGL_STENCIL_SIZE, 8, EGL_COLOR_BUFFER_TYPE, EGL_RGB_BUFFER,
    EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE,
  };
  EGLint nconfig = 0;
  if (!rm__egl.choose_config(dpy, attribs, &rm__egl.config, 1, &nconfig) || nconfig < 1)
    return rm__fail(RM_E_GL, "eglChooseConfig found no RGBA8/depth24 OpenGL config (EGL error 0x%x)", rm__egl.get_error());
  if (!rm__egl.bind_api(EGL_OPENGL_API))
    return rm__fail(RM_E_GL, "eglBindAPI(EGL_OPENGL_API) failed (EGL error 0x%x)", rm__egl.get_error());
  rm__egl.display = dpy;
  rm__egl.loaded = 1;
  return RM_OK;
}
#endif

//---------------------------------- context -------------------------------------------------------

struct rm_render {
  int backend;
  pthread_t owner;
  int width, height;
  void* gl;                  // OSMesaContext or EGLContext
  unsigned char* osbuffer;   // OSMesa's default framebuffer (MuJoCo draws into its own FBO)
  unsigned char* rgb;        // bottom-up frame as read from GL
  float* depth;
  mjrContext con;
  mjvScene scn;
  mjvOption opt;
  mjvCamera cam;
  int has_con, has_scn;
};

static int rm__make_current(rm_render* r) {
  if (r->backend == RM_GL_OSMESA) {
    if (rm__os.current() == (OSMesaContext)r->gl) return RM_OK;
    if (!rm__os.make_current((OSMesaContext)r->gl, r->osbuffer, GL_UNSIGNED_BYTE, r->width, r->height))
      return rm__fail(RM_E_GL, "OSMesaMakeCurrent failed");
    return RM_OK;
  }
#ifdef RM_HAVE_EGL
  if (rm__egl.current() == (EGLContext)r->gl) return RM_OK;
  if (!rm__egl.make_current(rm__egl.display, EGL_NO_SURFACE, EGL_NO_SURFACE, (EGLContext)r->gl))
    return rm__fail(RM_E_GL, "eglMakeCurrent failed (EGL error 0x%x); EGL contexts are bound to their thread",
                    rm__egl.get_error());
  return RM_OK;
#else
  return RM_E_UNSUPPORTED;
#endif
}

static void rm__release_current(rm_render* r) {
  if (r->backend == RM_GL_OSMESA) {
    if (rm__os.current() == (OSMesaContext)r->gl) rm__os.make_current(NULL, NULL, 0, 0, 0);
    return;
  }
#ifdef RM_HAVE_EGL
  if (rm__egl.current() == (EGLContext)r->gl)
    rm__egl.make_current(rm__egl.display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
#endif
}

// The MuJoCo part of context creation, guarded so that mju_error returns RM_E_MUJOCO.
static int rm__make_mujoco(rm_render* r, const mjModel* m, int samples) {
  RM_BEGIN;
  // The offscreen buffer takes its size from m->vis.global.offwidth/offheight. The model is shared
  // and read-only, so a shallow copy of the struct (same arrays) carries the size asked for.
  mjModel sized = *m;
  sized.vis.global.offwidth = r->width;
  sized.vis.global.offheight = r->height;
  if (samples >= 0) sized.vis.quality.offsamples = samples;
  mjr_defaultContext(&r->con);
  mjr_makeContext(&sized, &r->con, mjFONTSCALE_50);
  r->has_con = 1;
  mjr_setBuffer(mjFB_OFFSCREEN, &r->con);
  if (r->con.currentBuffer != mjFB_OFFSCREEN) RM_FAIL(RM_E_GL, "offscreen framebuffer not available");
  mjv_defaultScene(&r->scn);
  mjv_makeScene(m, &r->scn, m->ngeom * 2 + 1000);
  r->has_scn = 1;
  mjv_defaultOption(&r->opt);
  mjv_defaultCamera(&r->cam);
  r->scn.flags[mjRND_SHADOW] = 0;
  r->scn.flags[mjRND_REFLECTION] = 0;
  r->scn.flags[mjRND_SKYBOX] = 0;
  RM_RETURN(RM_OK);
}

static void rm__destroy(rm_render* r) {
  if (!r) return;
  pthread_mutex_lock(&rm__gl_lock);
  int current = r->gl && rm__make_current(r) == RM_OK;
  // GL objects die with their context; free MuJoCo's side only where GL calls are valid.
  if (r->has_con && current) mjr_freeContext(&r->con);
  if (r->has_scn) mjv_freeScene(&r->scn);
  if (r->gl) {
    rm__release_current(r);
    if (r->backend == RM_GL_OSMESA) rm__os.destroy((OSMesaContext)r->gl);
#ifdef RM_HAVE_EGL
    else rm__egl.destroy_context(rm__egl.display, (EGLContext)r->gl);
#endif
  }
  pthread_mutex_unlock(&rm__gl_lock);
  free(r->osbuffer);
  free(r->rgb);
  free(r->depth);
  free(r);
}

int rm_render_new(const rm_model* m, int width, int height, int samples, const char* gl, rm_render** ctx) {
  if (!rm__enter()) return RM_E_VERSION;
  if (!m || !ctx) return rm__fail(RM_E_ARG, "rm_render_new: m and ctx must not be NULL");
  *ctx = NULL;
  if (width <= 0 || height <= 0 || width > 8192 || height > 8192)
    return rm__fail(RM_E_ARG, "render size must be in [1, 8192], got %dx%d", width, height);

  if (!gl || !gl[0]) gl = getenv("MUJOCO_GL");
  int backend;
  if (!gl || !gl[0] || strcmp(gl, "osmesa") == 0) backend = RM_GL_OSMESA;
  else if (strcmp(gl, "egl") == 0) backend = RM_GL_EGL;
  else return rm__fail(RM_E_UNSUPPORTED, "MUJOCO_GL=%s is not supported offscreen; use osmesa or egl", gl);
#ifndef RM_HAVE_EGL
  if (backend == RM_GL_EGL)
    return rm__fail(RM_E_UNSUPPORTED, "MUJOCO_GL=egl but libriptmujoco was built without EGL (no EGL/egl.h or libEGL at build time); use MUJOCO_GL=osmesa");
#endif

  rm_render* r = (rm_render*)calloc(1, sizeof(rm_render));
  if (!r) return rm__fail(RM_E_MEMORY, "rm_render_new: out of memory");
  r->backend = backend;
  r->owner = pthread_self();
  r->width = width;
  r->height = height;
  r->rgb = (unsigned char*)malloc((size_t)width * height * 3);
  r->depth = (float*)malloc((size_t)width * height * sizeof(float));
  if (!r->rgb || !r->depth) { rm__destroy(r); return rm__fail(RM_E_MEMORY, "rm_render_new: out of memory"); }

  pthread_mutex_lock(&rm__gl_lock);
  int status = RM_OK;
  if (backend == RM_GL_OSMESA) {
    status = rm__osmesa_load();
    if (status == RM_OK) {
      r->osbuffer = (unsigned char*)malloc((size_t)width * height * 4);
      r->gl = r->osbuffer ? rm__os.create(OSMESA_RGBA, 24, 8, 0, NULL) : NULL;
      if (!r->gl) status = rm__fail(RM_E_GL, "OSMesaCreateContextExt failed");
    }
  }
#ifdef RM_HAVE_EGL
  else {
    status = rm__egl_load();
    if (status == RM_OK) {
      r->gl = rm__egl.create_context(rm__egl.display, rm__egl.config, EGL_NO_CONTEXT, NULL);
      if (!r->gl) status = rm__fail(RM_E_GL, "eglCreateContext failed (EGL error 0x%x)", rm__egl.get_error());
    }
  }
#endif
  if (status == RM_OK) status = rm__make_current(r);
  if (status == RM_OK) status = rm__make_mujoco(r, M(m), samples);
  pthread_mutex_unlock(&rm__gl_lock);
  if (status != RM_OK) {
    char msg[RM_ERROR_SIZE];
    strcpy(msg, rm_last_error());
    rm__destroy(r);
    return rm__fail(status, "%s", msg);
  }
  *ctx = r;
  return RM_OK;
}

void rm_render_free(rm_render* ctx) { rm__destroy(ctx); }

int rm_render_backend(const rm_render* ctx, const char** name) {
  RM_BEGIN;
  RM_CHECK_ARG(ctx && name, "ctx and name must not be NULL");
  *name = ctx->backend == RM_GL_OSMESA ? "osmesa" : "egl";
  RM_RETURN(RM_OK);
}

int rm_render_set_flag(rm_render* ctx, int flag, int value) {
  RM_BEGIN;
  RM_CHECK_ARG(ctx, "ctx must not be NULL");
  if (flag < 0 || flag >= mjNRNDFLAG) RM_FAIL(RM_E_ARG, "render flag %d out of range [0, %d)", flag, mjNRNDFLAG);
  ctx->scn.flags[flag] = value ? 1 : 0;
  RM_RETURN(RM_OK);
}

// One frame into ctx->rgb/depth (bottom row first), then flipped into the caller's buffers.
static int rm__frame(rm_render* ctx, const mjModel* m, mjData* d, int cam, unsigned char* rgb, float* depth) {
  if (cam >= 0) {
    ctx->cam.type = mjCAMERA_FIXED;
    ctx->cam.fixedcamid = cam;
  } else {
    ctx->cam.type = mjCAMERA_FREE;
    for (int i = 0; i < 3; i++) ctx->cam.lookat[i] = m->stat.center[i];
    ctx->cam.distance = 1.5 * m->stat.extent;
    ctx->cam.azimuth = m->vis.global.azimuth;
    ctx->cam.elevation = m->vis.global.elevation;
  }
  mjv_updateScene(m, d, &ctx->opt, NULL, &ctx->cam, mjCAT_ALL, &ctx->scn);
  mjrRect viewport = {0, 0, ctx->width, ctx->height};
  mjr_render(viewport, &ctx->scn, &ctx->con);
  mjr_readPixels(ctx->rgb, depth ? ctx->depth : NULL, viewport, &ctx->con);
  size_t row = (size_t)ctx->width * 3;
  for (int y = 0; y < ctx->height; y++)
    memcpy(rgb + (size_t)y * row, ctx->rgb + (size_t)(ctx->height - 1 - y) * row, row);
  if (depth) {
    size_t drow = (size_t)ctx->width;
    for (int y = 0; y < ctx->height; y++)
      memcpy(depth + (size_t)y * drow, ctx->depth + (size_t)(ctx->height - 1 - y) * drow, drow * sizeof(float));
  }
  return RM_OK;
}

static int rm__frame_checks(rm_render* ctx, const mjModel* m, int cam) {
  if (!pthread_equal(ctx->owner, pthread_self()))
    return rm__fail(RM_E_ARG, "render context used from a thread other than the one that created it");
  if (cam < -1 || cam >= m->ncam) return rm__fail(RM_E_ARG, "camera id %d out of range [-1, %d)", cam, m->ncam);
  return rm__make_current(ctx);
}

int rm_render_frame(rm_render* ctx, const rm_model* m, rm_data* d, int cam, unsigned char* rgb, float* depth) {
  RM_BEGIN;
  RM_CHECK_ARG(ctx && m && d && rgb, "ctx, m, d and rgb must not be NULL");
  int status = rm__frame_checks(ctx, M(m), cam);
  if (status != RM_OK) RM_RETURN(status);
  rm__frame(ctx, M(m), D(d), cam, rgb, depth);
  RM_RETURN(RM_OK);
}

static double rm__now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int rm_bench_render_loop(rm_render* ctx, const rm_model* m, rm_data* d, int cam,
                         int width, int height, int nframes, double* seconds) {
  RM_BEGIN;
  RM_CHECK_ARG(ctx && m && d && seconds, "ctx, m, d and seconds must not be NULL");
  if (width != ctx->width || height != ctx->height)
    RM_FAIL(RM_E_ARG, "bench size %dx%d differs from the context's %dx%d", width, height, ctx->width, ctx->height);
  RM_CHECK_ARG(nframes >= 0, "nframes must be >= 0");
  int status = rm__frame_checks(ctx, M(m), cam);
  if (status != RM_OK) RM_RETURN(status);
  unsigned char* rgb = (unsigned char*)malloc((size_t)width * height * 3);
  if (!rgb) RM_FAIL(RM_E_MEMORY, "out of memory");
  double t0 = rm__now();
  for (int i = 0; i < nframes; i++) rm__frame(ctx, M(m), D(d), cam, rgb, NULL);
  *seconds = rm__now() - t0;
  free(rgb);
  RM_RETURN(RM_OK);
}
