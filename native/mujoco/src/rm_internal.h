// rm_internal.h: what the shim's sources share: the per-thread error state and the entry guard.
#ifndef RM_INTERNAL_H_
#define RM_INTERNAL_H_

#include <setjmp.h>
#include <mujoco/mujoco.h>
#include "rm_error.h"

#define RM_ERROR_SIZE 1024

// Per-thread state: the last-error text and the jump target of MuJoCo's error handler.
typedef struct rm_thread {
  char error[RM_ERROR_SIZE];
  char warning[RM_ERROR_SIZE];
  jmp_buf jump;
  int armed;   // 1 while a guarded shim function runs on this thread
} rm_thread;

// Installs the MuJoCo hooks once and returns this thread's state (error cleared); NULL if the
// MuJoCo library and header versions differ (the message is set).
rm_thread* rm__enter(void);

// Sets this thread's last error (printf-style) and returns code.
int rm__fail(int code, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

// Opens a guarded body: mju_error inside it longjmps back here and the function returns
// RM_E_MUJOCO with MuJoCo's message. Leave only through RM_RETURN.
#define RM_BEGIN                                              \
  rm_thread* rm__t = rm__enter();                             \
  if (!rm__t) return RM_E_VERSION;                            \
  if (setjmp(rm__t->jump) != 0) {                             \
    rm__t->armed = 0;                                         \
    return RM_E_MUJOCO;                                       \
  }                                                           \
  rm__t->armed = 1

#define RM_RETURN(code)                                       \
  do { rm__t->armed = 0; return (code); } while (0)

#define RM_FAIL(code, ...)                                    \
  do { rm__t->armed = 0; return rm__fail((code), __VA_ARGS__); } while (0)

#define RM_CHECK_ARG(cond, what)                              \
  do { if (!(cond)) RM_FAIL(RM_E_ARG, "%s: %s", __func__, what); } while (0)

#endif  // RM_INTERNAL_H_
