// ripttorch neural-network functions: activations, normalisation, convolution, attention, losses.
#ifndef RT_NN_H_
#define RT_NN_H_
#include "rt_tensor.h"
#include "rt_random.h"

// Loss reductions.
#define RT_REDUCTION_NONE 0
#define RT_REDUCTION_MEAN 1
#define RT_REDUCTION_SUM  2

// x @ w^T + b; b may be NULL. x (... x in), w (out x in), b (out).
RT_API int rt_nn_linear(const rt_tensor* x, const rt_tensor* w, const rt_tensor* b, rt_tensor** out);

// softmax along dim.
RT_API int rt_nn_softmax(const rt_tensor* x, int64_t dim, rt_tensor** out);
// log_softmax along dim (stable).
RT_API int rt_nn_log_softmax(const rt_tensor* x, int64_t dim, rt_tensor** out);

// Layer norm over the last ndim dims (shape); w and b may be NULL.
RT_API int rt_nn_layer_norm(const rt_tensor* x, const int64_t* shape, int ndim, const rt_tensor* w, const rt_tensor* b, double eps, rt_tensor** out);

// 2-D convolution, x (N x C x H x W), w (O x C/groups x kh x kw), b (O) or NULL; stride/padding/dilation (2 x 1).
RT_API int rt_nn_conv2d(const rt_tensor* x, const rt_tensor* w, const rt_tensor* b, const int64_t* stride, const int64_t* padding, const int64_t* dilation, int64_t groups, rt_tensor** out);

// Max (is_max=1) or average pooling 2-D; kernel/stride/padding (2 x 1).
RT_API int rt_nn_pool2d(const rt_tensor* x, const int64_t* kernel, const int64_t* stride, const int64_t* padding, int is_max, rt_tensor** out);

// Adaptive average pooling to (oh x ow).
RT_API int rt_nn_adaptive_avg_pool2d(const rt_tensor* x, int64_t oh, int64_t ow, rt_tensor** out);

// Rows of w (num x dim) picked by int64 indices of any shape.
RT_API int rt_nn_embedding(const rt_tensor* w, const rt_tensor* indices, rt_tensor** out);

// Inverted dropout with probability p when train != 0 (identity otherwise); gen may be NULL (default generator).
RT_API int rt_nn_dropout(const rt_tensor* x, double p, int train, rt_generator* gen, rt_tensor** out);

// softmax(q k^T / sqrt(d) [+ causal mask]) v; q (... x L x d), k,v (... x S x d); causal masks j > i + S - L.
RT_API int rt_nn_scaled_dot_product_attention(const rt_tensor* q, const rt_tensor* k, const rt_tensor* v, int causal, rt_tensor** out);

// Cross entropy of logits (N x C [x d...]) against int64 class targets (N [x d...]).
RT_API int rt_nn_cross_entropy(const rt_tensor* logits, const rt_tensor* target, int reduction, int64_t ignore_index, double label_smoothing, rt_tensor** out);

// L1 loss |x - y| with a reduction.
RT_API int rt_nn_l1_loss(const rt_tensor* x, const rt_tensor* y, int reduction, rt_tensor** out);
// Mean squared error (x - y)^2 with a reduction.
RT_API int rt_nn_mse_loss(const rt_tensor* x, const rt_tensor* y, int reduction, rt_tensor** out);

#endif  // RT_NN_H_
