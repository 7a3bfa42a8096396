// rm_error.c: MuJoCo's error and warning hooks, the thread-local error buffer, the version check.
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rm_internal.h"

static _Thread_local rm_thread rm__thread;
static pthread_once_t rm__once = PTHREAD_ONCE_INIT;
static int rm__version_ok;
static long long rm__warnings;   // updated atomically

// mju_error never returns: copy the message and jump back to the guarded shim function.
static void rm__on_error(const char* msg) {
  rm_thread* t = &rm__thread;
  snprintf(t->error, sizeof(t->error), "%s", msg);
  if (t->armed) {
    t->armed = 0;
    longjmp(t->jump, 1);
  }
  // An error outside any shim call cannot be returned to anyone; MuJoCo's own handler would exit.
  fprintf(stderr, "libriptmujoco: MuJoCo error outside a shim call: %s\n", msg);
  abort();
}

// Warnings are data (d->warning); keep a count and the text, print nothing.
static void rm__on_warning(const char* msg) {
  __atomic_add_fetch(&rm__warnings, 1, __ATOMIC_RELAXED);
  snprintf(rm__thread.warning, sizeof(rm__thread.warning), "%s", msg);
}

static void rm__init(void) {
  mju_user_error = rm__on_error;
  mju_user_warning = rm__on_warning;
  rm__version_ok = (mj_version() == mjVERSION_HEADER);
}

rm_thread* rm__enter(void) {
  pthread_once(&rm__once, rm__init);
  rm_thread* t = &rm__thread;
  t->error[0] = '\0';
  if (!rm__version_ok) {
    snprintf(t->error, sizeof(t->error),
             "MuJoCo version mismatch: shim compiled with header %d, library is %d",
             mjVERSION_HEADER, mj_version());
    return NULL;
  }
  return t;
}

int rm__fail(int code, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(rm__thread.error, sizeof(rm__thread.error), fmt, ap);
  va_end(ap);
  return code;
}

const char* rm_last_error(void) { return rm__thread.error; }

const char* rm_last_warning(void) { return rm__thread.warning; }

long long rm_warning_count(void) { return __atomic_load_n(&rm__warnings, __ATOMIC_RELAXED); }

int rm_version(int* header, int* library) {
  pthread_once(&rm__once, rm__init);
  if (header) *header = mjVERSION_HEADER;
  if (library) *library = mj_version();
  if (!rm__version_ok) {
    return rm__fail(RM_E_VERSION, "MuJoCo version mismatch: shim compiled with header %d, library is %d",
                    mjVERSION_HEADER, mj_version());
  }
  rm__thread.error[0] = '\0';
  return RM_OK;
}
