// ripttorch random numbers: seeded generator objects and sampling ops.
// Every gen argument may be NULL, meaning libtorch's default generator of the device.
#ifndef RT_RANDOM_H_
#define RT_RANDOM_H_
#include "rt_tensor.h"

typedef struct rt_generator rt_generator;

// New generator seeded with seed for the device (RT_DEVICE_CPU or RT_DEVICE_CUDA, index).
RT_API int rt_generator_new(uint64_t seed, int device_type, int device_index, rt_generator** out);

// Frees a generator; accepts NULL.
RT_API void rt_generator_free(rt_generator* gen);

// Reseeds the generator.
RT_API int rt_generator_seed_set(rt_generator* gen, uint64_t seed);

// Generator state as a uint8 tensor (to checkpoint).
RT_API int rt_generator_state_get(const rt_generator* gen, rt_tensor** out);
// Restores a state from rt_generator_state_get; RT_E_TORCH when it does not fit the generator.
RT_API int rt_generator_state_set(rt_generator* gen, const rt_tensor* state);

// Seeds libtorch's default generators.
RT_API int rt_random_manual_seed(uint64_t seed);

// Normal(mean, std) samples of shape.
RT_API int rt_random_normal(const int64_t* shape, int ndim, double mean, double std, int dtype, int device_type, int device_index, rt_generator* gen, rt_tensor** out);

// Uniform[lo, hi) samples of shape.
RT_API int rt_random_uniform(const int64_t* shape, int ndim, double lo, double hi, int dtype, int device_type, int device_index, rt_generator* gen, rt_tensor** out);

// Integers uniform in [lo, hi) (int64) of shape.
RT_API int rt_random_randint(const int64_t* shape, int ndim, int64_t lo, int64_t hi, int device_type, int device_index, rt_generator* gen, rt_tensor** out);

// n indices per row of probs (... x C, non-negative, unnormalised ok) as int64 (... x n).
RT_API int rt_random_multinomial(const rt_tensor* probs, int64_t n, int replacement, rt_generator* gen, rt_tensor** out);

// Bernoulli samples with per-element probabilities p, same shape and dtype as p.
RT_API int rt_random_bernoulli(const rt_tensor* p, rt_generator* gen, rt_tensor** out);

#endif  // RT_RANDOM_H_
