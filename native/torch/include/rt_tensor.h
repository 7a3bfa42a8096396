// ripttorch tensors: lifetime, managed-buffer copies, metadata and the tensor operations.
// Every result is a new rt_tensor* owned by the caller (free with rt_tensor_free).
// Shapes cross as (shape, ndim) pairs; dims may be negative (counted from the end) as in PyTorch.
#ifndef RT_TENSOR_H_
#define RT_TENSOR_H_
#include "rt_runtime.h"

typedef struct rt_tensor rt_tensor;

//---------------------------------- op codes ------------------------------------------------------
// Elementwise families share one entry point each (MuJoCo-style enum argument) to keep the ABI small.
typedef enum rt_unary_op {
  RT_NEG = 0, RT_EXP, RT_LOG, RT_SQRT, RT_RSQRT, RT_ABS, RT_SIGN, RT_TANH, RT_SIGMOID, RT_RELU,
  RT_GELU, RT_GELU_TANH, RT_SILU, RT_SIN, RT_COS, RT_LOG1P, RT_EXPM1, RT_SQUARE, RT_FLOOR, RT_CEIL,
  RT_ROUND, RT_LOGICAL_NOT, RT_RECIPROCAL, RT_SOFTPLUS
} rt_unary_op;

typedef enum rt_binary_op {
  RT_ADD = 0, RT_SUB, RT_MUL, RT_DIV, RT_POW, RT_MAXIMUM, RT_MINIMUM, RT_EQ, RT_NE, RT_LT, RT_LE,
  RT_GT, RT_GE, RT_LOGICAL_AND, RT_LOGICAL_OR, RT_REMAINDER, RT_RSUB, RT_RDIV, RT_ATAN2
} rt_binary_op;

typedef enum rt_reduce_op {
  RT_SUM = 0, RT_MEAN, RT_AMAX, RT_AMIN, RT_PROD, RT_VAR, RT_STD, RT_LOGSUMEXP, RT_NORM2, RT_ALL, RT_ANY
} rt_reduce_op;

//---------------------------------- lifetime -----------------------------------------------------

// Frees a tensor handle (the storage goes when its last user does); accepts NULL.
RT_API void rt_tensor_free(rt_tensor* t);

// Number of rt_tensor handles alive in the process (tests assert it returns to its start value).
RT_API int64_t rt_tensor_live_count(void);

// New handle sharing t's storage and autograd identity (a second owner of the same tensor).
RT_API int rt_tensor_alias(const rt_tensor* t, rt_tensor** out);

//---------------------------------- creation and copies -------------------------------------------

// Copies data (prod(shape) elements of dtype) into a new CPU tensor; data may be NULL when numel is 0.
RT_API int rt_tensor_from_blob(const void* data, const int64_t* shape, int ndim, int dtype, rt_tensor** out);

// Copies t (any device, made contiguous) into data; RT_E_ARG unless nbytes == numel * itemsize.
RT_API int rt_tensor_copy_to(const rt_tensor* t, void* data, int64_t nbytes);

// New tensor of shape filled with value on the given device.
RT_API int rt_tensor_full(const int64_t* shape, int ndim, double value, int dtype, int device_type, int device_index, rt_tensor** out);

// 1-D tensor [start, start+step, ...) below end.
RT_API int rt_tensor_arange(double start, double end, double step, int dtype, int device_type, int device_index, rt_tensor** out);

// Copy of t converted to dtype and moved to the device (a new tensor even when nothing changes).
RT_API int rt_tensor_to(const rt_tensor* t, int dtype, int device_type, int device_index, rt_tensor** out);

// Deep copy (clone) that stays in the autograd graph.
RT_API int rt_tensor_clone(const rt_tensor* t, rt_tensor** out);
// The same data cut from the autograd graph (a view).
RT_API int rt_tensor_detach(const rt_tensor* t, rt_tensor** out);
// A contiguous tensor with the same values (t itself when already contiguous).
RT_API int rt_tensor_contiguous(const rt_tensor* t, rt_tensor** out);

// In place: dst <- src (broadcast); under no-grad mode when dst is a leaf requiring grad.
RT_API int rt_tensor_copy_(rt_tensor* dst, const rt_tensor* src);

// In place: replaces dst's data (storage, shape, device) by src's, keeping dst's identity (Module.To).
RT_API int rt_tensor_set_data(rt_tensor* dst, const rt_tensor* src);

// In place: every element <- value.
RT_API int rt_tensor_fill_(rt_tensor* t, double value);

//---------------------------------- metadata ------------------------------------------------------

// Rank of t (0 for a scalar).
RT_API int rt_tensor_ndim(const rt_tensor* t, int* ndim);

// Writes min(ndim, capacity) sizes into shape (ndim x 1).
RT_API int rt_tensor_shape(const rt_tensor* t, int64_t* shape, int capacity);

// Element count.
RT_API int rt_tensor_numel(const rt_tensor* t, int64_t* numel);
// dtype code (RT_FLOAT32 ...).
RT_API int rt_tensor_dtype(const rt_tensor* t, int* dtype);
// Device type code and index (-1 on CPU).
RT_API int rt_tensor_device(const rt_tensor* t, int* device_type, int* device_index);

// Value of a one-element tensor as double.
RT_API int rt_tensor_item(const rt_tensor* t, double* value);

//---------------------------------- elementwise ---------------------------------------------------

// out = op(a).
RT_API int rt_tensor_unary(const rt_tensor* a, int op, rt_tensor** out);

// out = op(a, b) with broadcasting.
RT_API int rt_tensor_binary(const rt_tensor* a, const rt_tensor* b, int op, rt_tensor** out);

// out = op(a, s); RT_RSUB gives s - a and RT_RDIV s / a.
RT_API int rt_tensor_binary_scalar(const rt_tensor* a, double s, int op, rt_tensor** out);

// In place a <- op(a, b) (RT_ADD, RT_SUB, RT_MUL, RT_DIV only); b may be NULL to use s instead.
RT_API int rt_tensor_binary_(rt_tensor* a, const rt_tensor* b, double s, int op);

// out = clamp(a, lo, hi); has_lo/has_hi say which bound applies.
RT_API int rt_tensor_clamp(const rt_tensor* a, double lo, int has_lo, double hi, int has_hi, rt_tensor** out);

// out = cond ? a : b (broadcast).
RT_API int rt_tensor_where(const rt_tensor* cond, const rt_tensor* a, const rt_tensor* b, rt_tensor** out);

// out = a with value where mask is true.
RT_API int rt_tensor_masked_fill(const rt_tensor* a, const rt_tensor* mask, double value, rt_tensor** out);

//---------------------------------- reductions ----------------------------------------------------

// Reduces over dims (ndims x 1); ndims == 0 reduces over all dims. RT_VAR/RT_STD are unbiased.
RT_API int rt_tensor_reduce(const rt_tensor* a, int op, const int64_t* dims, int ndims, int keepdim, rt_tensor** out);

// Index of the max (is_max=1) or min along dim (int64).
RT_API int rt_tensor_argmax(const rt_tensor* a, int64_t dim, int keepdim, int is_max, rt_tensor** out);

// Cumulative sum along dim.
RT_API int rt_tensor_cumsum(const rt_tensor* a, int64_t dim, rt_tensor** out);

// k largest (largest=1) or smallest along dim, sorted; values and int64 indices.
RT_API int rt_tensor_topk(const rt_tensor* a, int64_t k, int64_t dim, int largest, rt_tensor** values, rt_tensor** indices);

//---------------------------------- linear algebra ------------------------------------------------

// torch.matmul semantics (broadcast batch dims).
RT_API int rt_tensor_matmul(const rt_tensor* a, const rt_tensor* b, rt_tensor** out);

// Batched matmul (B x n x m) @ (B x m x p).
RT_API int rt_tensor_bmm(const rt_tensor* a, const rt_tensor* b, rt_tensor** out);

//---------------------------------- shape ---------------------------------------------------------

// Same elements in shape (ndim x 1; one -1 inferred); a view when strides allow.
RT_API int rt_tensor_reshape(const rt_tensor* a, const int64_t* shape, int ndim, rt_tensor** out);
// Dimensions reordered by dims (ndim x 1), a view.
RT_API int rt_tensor_permute(const rt_tensor* a, const int64_t* dims, int ndim, rt_tensor** out);
// Broadcast view to shape (ndim x 1; -1 keeps a size).
RT_API int rt_tensor_expand(const rt_tensor* a, const int64_t* shape, int ndim, rt_tensor** out);
// dim0 and dim1 swapped, a view.
RT_API int rt_tensor_transpose(const rt_tensor* a, int64_t dim0, int64_t dim1, rt_tensor** out);
// dim removed when its size is 1, a view.
RT_API int rt_tensor_squeeze(const rt_tensor* a, int64_t dim, rt_tensor** out);
// A size-1 dim inserted at dim, a view.
RT_API int rt_tensor_unsqueeze(const rt_tensor* a, int64_t dim, rt_tensor** out);
// Dims start_dim..end_dim merged into one.
RT_API int rt_tensor_flatten(const rt_tensor* a, int64_t start_dim, int64_t end_dim, rt_tensor** out);

// a[..., start:end:step, ...] along dim (a view).
RT_API int rt_tensor_slice(const rt_tensor* a, int64_t dim, int64_t start, int64_t end, int64_t step, rt_tensor** out);

// a.select(dim, index): drops dim.
RT_API int rt_tensor_select(const rt_tensor* a, int64_t dim, int64_t index, rt_tensor** out);

// Concatenates n tensors (n x 1 handles) along an existing dim.
RT_API int rt_tensor_cat(const rt_tensor* const* ts, int n, int64_t dim, rt_tensor** out);
// Stacks n tensors (n x 1 handles) along a new dim.
RT_API int rt_tensor_stack(const rt_tensor* const* ts, int n, int64_t dim, rt_tensor** out);

// Lower (tril) or upper (triu) triangle with diagonal offset.
RT_API int rt_tensor_tril(const rt_tensor* a, int64_t diagonal, int upper, rt_tensor** out);

//---------------------------------- indexing ------------------------------------------------------

// a.index_select(dim, index) with int64 index (n x 1).
RT_API int rt_tensor_index_select(const rt_tensor* a, int64_t dim, const rt_tensor* index, rt_tensor** out);

// a.gather(dim, index).
RT_API int rt_tensor_gather(const rt_tensor* a, int64_t dim, const rt_tensor* index, rt_tensor** out);

// a.scatter(dim, index, src) (add=0) or a.scatter_add(dim, index, src) (add=1), out of place.
RT_API int rt_tensor_scatter(const rt_tensor* a, int64_t dim, const rt_tensor* index, const rt_tensor* src, int add, rt_tensor** out);

// a[mask] as a 1-D tensor.
RT_API int rt_tensor_masked_select(const rt_tensor* a, const rt_tensor* mask, rt_tensor** out);

#endif  // RT_TENSOR_H_
