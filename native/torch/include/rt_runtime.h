// ripttorch runtime: status codes, dtype and device codes, the last-error buffer, threads, CUDA.
#ifndef RT_RUNTIME_H_
#define RT_RUNTIME_H_
#include <stdint.h>

#ifdef __cplusplus
#define RT_EXTERN_C extern "C"
#else
#define RT_EXTERN_C
#endif
#define RT_API RT_EXTERN_C __attribute__((visibility("default")))

//---------------------------------- status codes --------------------------------------------------
#define RT_OK          0    // success
#define RT_E_ARG      -1    // a bad argument caught by the shim (NULL pointer, bad code, size mismatch)
#define RT_E_TORCH    -2    // libtorch raised c10::Error; message in rt_last_error()
#define RT_E_STD      -3    // a std::exception (bad_alloc, ...); message in rt_last_error()
#define RT_E_UNKNOWN  -4    // anything else thrown

//---------------------------------- dtype codes ---------------------------------------------------
#define RT_FLOAT32   0
#define RT_FLOAT64   1
#define RT_BFLOAT16  2
#define RT_FLOAT16   3
#define RT_INT64     4
#define RT_INT32     5
#define RT_UINT8     6
#define RT_BOOL      7

//---------------------------------- device codes --------------------------------------------------
#define RT_DEVICE_CPU   0
#define RT_DEVICE_CUDA  1

//---------------------------------- errors --------------------------------------------------------

// Message of this thread's last failed call (thread-local fixed buffer, valid until the next call).
RT_API const char* rt_last_error(void);

//---------------------------------- threads and devices -------------------------------------------

// Sets libtorch's intra-op thread count for the process; RT_E_ARG if n < 1.
RT_API int rt_threads_set(int n);

// Intra-op thread count now in effect.
RT_API int rt_threads_get(void);

// 1 when a CUDA device is usable, else 0.
RT_API int rt_cuda_is_available(void);

// Number of CUDA devices (0 on CPU builds).
RT_API int rt_cuda_device_count(void);

#endif  // RT_RUNTIME_H_
