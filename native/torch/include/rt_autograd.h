// ripttorch autograd: requires_grad, backward, gradients and the thread-local grad mode.
#ifndef RT_AUTOGRAD_H_
#define RT_AUTOGRAD_H_
#include "rt_tensor.h"

// Sets or clears requires_grad on a leaf tensor.
RT_API int rt_autograd_requires_grad_set(rt_tensor* t, int requires_grad);

// Reads requires_grad.
RT_API int rt_autograd_requires_grad_get(const rt_tensor* t, int* requires_grad);

// Backpropagates from t; grad may be NULL for a one-element t; retain_graph keeps the graph.
RT_API int rt_autograd_backward(const rt_tensor* t, const rt_tensor* grad, int retain_graph);

// t's accumulated gradient as a new handle, or *out = NULL when there is none.
RT_API int rt_autograd_grad(const rt_tensor* t, rt_tensor** out);

// Drops t's gradient (grad = None).
RT_API int rt_autograd_grad_clear(rt_tensor* t);

// Turns gradient recording on or off for the calling thread; previous mode in *previous (may be NULL).
RT_API int rt_autograd_grad_mode_set(int enabled, int* previous);

// 1 when the calling thread records gradients.
RT_API int rt_autograd_grad_mode_get(void);

#endif  // RT_AUTOGRAD_H_
