// ripttorch bench reference: the reference causal transformer written directly in C++ libtorch,
// the denominator of `ript bench learner` (the only model loop in the shim).
#ifndef RT_BENCH_H_
#define RT_BENCH_H_
#include "rt_tensor.h"

typedef struct rt_bench_model rt_bench_model;

// New reference model (token embedding + learned positions, n_layer pre-LN blocks, final LN, head) with AdamW.
RT_API int rt_bench_model_new(int64_t vocab, int64_t d_model, int64_t n_layer, int64_t n_head, int64_t seq_len, double lr, double weight_decay, uint64_t seed, int device_type, int device_index, rt_bench_model** out);

// Frees the model; accepts NULL.
RT_API void rt_bench_model_free(rt_bench_model* m);

// Number of trainable parameters.
RT_API int rt_bench_model_param_count(const rt_bench_model* m, int64_t* count);

// Runs steps AdamW training steps on tokens (B x (seq_len+1), int64, next-token cross entropy); wall seconds in *seconds, last loss in *loss.
RT_API int rt_bench_model_train(rt_bench_model* m, const rt_tensor* tokens, int steps, double* seconds, double* loss);

#endif  // RT_BENCH_H_
