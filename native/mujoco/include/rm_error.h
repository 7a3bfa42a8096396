// rm_error.h: status codes, the thread-local last-error buffer and library checks of libriptmujoco.
// Every function that can fail returns one of the RM_* codes below (0 = ok, negative = error) and,
// on error, leaves a message in a thread-local buffer read by rm_last_error().
#ifndef RM_ERROR_H_
#define RM_ERROR_H_

#ifdef __cplusplus
extern "C" {
#endif

#define RM_API __attribute__((visibility("default")))

//---------------------------------- status codes --------------------------------------------------

#define RM_OK            0     // success
#define RM_E_ARG        -1     // bad argument (NULL pointer, index out of range, size mismatch)
#define RM_E_MUJOCO     -2     // MuJoCo raised mju_error; the message is MuJoCo's
#define RM_E_LOAD       -3     // model failed to load or compile; the message is MuJoCo's (with line)
#define RM_E_NOTFOUND   -4     // a name or file does not exist
#define RM_E_VERSION    -5     // header and library versions of MuJoCo differ
#define RM_E_GL         -6     // OpenGL context could not be created or made current
#define RM_E_UNSUPPORTED -7    // feature not compiled in (e.g. MUJOCO_GL=egl without EGL)
#define RM_E_MEMORY     -8     // allocation failed

//---------------------------------- errors and versions -------------------------------------------

// Message of the last failed call on this thread; "" if none. Valid until the thread's next call.
RM_API const char* rm_last_error(void);

// MuJoCo versions: header the shim was compiled with (mjVERSION_HEADER) and loaded library
// (mj_version()). Returns RM_E_VERSION when they differ, RM_OK otherwise.
RM_API int rm_version(int* header, int* library);

// Number of MuJoCo warnings (mju_warning) raised in this process since load; they are counted here
// instead of being printed or written to MUJOCO_LOG.TXT.
RM_API long long rm_warning_count(void);

// Text of the last MuJoCo warning raised on this thread; "" if none.
RM_API const char* rm_last_warning(void);

#ifdef __cplusplus
}
#endif
#endif  // RM_ERROR_H_
