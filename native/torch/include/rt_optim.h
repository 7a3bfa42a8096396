// ripttorch optimisers: AdamW with parameter groups, gradient clipping.
#ifndef RT_OPTIM_H_
#define RT_OPTIM_H_
#include "rt_tensor.h"

typedef struct rt_optim rt_optim;

// New AdamW over one first group of n params (n x 1 handles) with its lr and weight decay.
RT_API int rt_optim_adamw_new(const rt_tensor* const* params, int n, double lr, double beta1, double beta2, double eps, double weight_decay, rt_optim** out);

// Adds a parameter group with its own lr and weight decay (betas and eps as the optimiser's).
RT_API int rt_optim_add_group(rt_optim* opt, const rt_tensor* const* params, int n, double lr, double weight_decay);

// Frees an optimiser; accepts NULL.
RT_API void rt_optim_free(rt_optim* opt);

// One update of every parameter that has a gradient.
RT_API int rt_optim_step(rt_optim* opt);

// Clears gradients (set_to_none=1 drops them, else zeroes them).
RT_API int rt_optim_zero_grad(rt_optim* opt, int set_to_none);

// Number of parameter groups.
RT_API int rt_optim_group_count(const rt_optim* opt, int* count);

// Reads a group's learning rate and weight decay.
RT_API int rt_optim_group_get(const rt_optim* opt, int group, double* lr, double* weight_decay);
// Sets a group's learning rate and weight decay.
RT_API int rt_optim_group_set(rt_optim* opt, int group, double lr, double weight_decay);

// Per-parameter AdamW state: step count and the moments (copies); *has_state = 0 before the first step.
RT_API int rt_optim_state_get(const rt_optim* opt, const rt_tensor* param, int* has_state, int64_t* step, rt_tensor** exp_avg, rt_tensor** exp_avg_sq);

// Installs a parameter's AdamW state (copies of the moments).
RT_API int rt_optim_state_set(rt_optim* opt, const rt_tensor* param, int64_t step, const rt_tensor* exp_avg, const rt_tensor* exp_avg_sq);

// Scales the gradients of n params so that their joint norm is at most max_norm; total norm before clipping in *total_norm.
RT_API int rt_optim_clip_grad_norm(const rt_tensor* const* params, int n, double max_norm, double norm_type, double* total_norm);

#endif  // RT_OPTIM_H_
