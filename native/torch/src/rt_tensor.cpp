// libripttorch, tensor side (ATen headers only): runtime, tensors, nn functions, random, autograd.
// Implements rt_runtime.h, rt_tensor.h, rt_nn.h, rt_random.h and rt_autograd.h.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/detail/CUDAHooksInterface.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <limits>
#include <vector>

#include "rt_internal.h"
#include "rt_autograd.h"
#include "rt_nn.h"

namespace rt {

std::atomic<int64_t> g_live_tensors{0};

namespace {
thread_local char t_last_error[2048] = {0};
}

void set_error(const char* msg) noexcept {
  if (msg == nullptr) msg = "(no message)";
  std::strncpy(t_last_error, msg, sizeof(t_last_error) - 1);
  t_last_error[sizeof(t_last_error) - 1] = '\0';
}

const char* last_error() noexcept { return t_last_error; }

at::ScalarType to_scalar_type(int dtype) {
  switch (dtype) {
    case RT_FLOAT32: return at::kFloat;
    case RT_FLOAT64: return at::kDouble;
    case RT_BFLOAT16: return at::kBFloat16;
    case RT_FLOAT16: return at::kHalf;
    case RT_INT64: return at::kLong;
    case RT_INT32: return at::kInt;
    case RT_UINT8: return at::kByte;
    case RT_BOOL: return at::kBool;
    default: throw arg_error("unknown dtype code");
  }
}

int from_scalar_type(at::ScalarType st) {
  switch (st) {
    case at::kFloat: return RT_FLOAT32;
    case at::kDouble: return RT_FLOAT64;
    case at::kBFloat16: return RT_BFLOAT16;
    case at::kHalf: return RT_FLOAT16;
    case at::kLong: return RT_INT64;
    case at::kInt: return RT_INT32;
    case at::kByte: return RT_UINT8;
    case at::kBool: return RT_BOOL;
    default: throw arg_error("tensor has a dtype without an rt code");
  }
}

at::Device to_device(int device_type, int device_index) {
  if (device_type == RT_DEVICE_CPU) return at::Device(at::kCPU);
  if (device_type == RT_DEVICE_CUDA) return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(device_index < 0 ? 0 : device_index));
  throw arg_error("unknown device type code");
}

c10::optional<at::Generator> opt_gen(rt_generator* g) {
  if (g == nullptr) return c10::nullopt;
  return g->g;
}

at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, bool causal) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  auto scores = at::matmul(q, k.transpose(-2, -1)).mul_(scale);
  if (causal) {
    const int64_t L = q.size(-2), S = k.size(-2);
    auto mask = at::ones({L, S}, q.options().dtype(at::kBool)).triu(S - L + 1);
    scores = scores.masked_fill(mask, -std::numeric_limits<double>::infinity());
  }
  return at::matmul(at::softmax(scores, -1), v);
}

}  // namespace rt

namespace {

using rt::get;
using rt::guard;
using rt::require;
using rt::wrap;

at::IntArrayRef dims_of(const int64_t* p, int n) {
  require(n >= 0 && (n == 0 || p != nullptr), "shape/dims pointer is NULL or count negative");
  return at::IntArrayRef(p, static_cast<size_t>(n));
}

std::vector<at::Tensor> list_of(const rt_tensor* const* ts, int n) {
  require(n > 0 && ts != nullptr, "tensor list is empty or NULL");
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v.push_back(get(ts[i]));
  return v;
}

at::Tensor unary(const at::Tensor& a, int op) {
  switch (op) {
    case RT_NEG: return at::neg(a);
    case RT_EXP: return at::exp(a);
    case RT_LOG: return at::log(a);
    case RT_SQRT: return at::sqrt(a);
    case RT_RSQRT: return at::rsqrt(a);
    case RT_ABS: return at::abs(a);
    case RT_SIGN: return at::sign(a);
    case RT_TANH: return at::tanh(a);
    case RT_SIGMOID: return at::sigmoid(a);
    case RT_RELU: return at::relu(a);
    case RT_GELU: return at::gelu(a);
    case RT_GELU_TANH: return at::gelu(a, "tanh");
    case RT_SILU: return at::silu(a);
    case RT_SIN: return at::sin(a);
    case RT_COS: return at::cos(a);
    case RT_LOG1P: return at::log1p(a);
    case RT_EXPM1: return at::expm1(a);
    case RT_SQUARE: return at::square(a);
    case RT_FLOOR: return at::floor(a);
    case RT_CEIL: return at::ceil(a);
    case RT_ROUND: return at::round(a);
    case RT_LOGICAL_NOT: return at::logical_not(a);
    case RT_RECIPROCAL: return at::reciprocal(a);
    case RT_SOFTPLUS: return at::softplus(a);
    default: throw rt::arg_error("unknown unary op code");
  }
}

at::Tensor binary(const at::Tensor& a, const at::Tensor& b, int op) {
  switch (op) {
    case RT_ADD: return at::add(a, b);
    case RT_SUB: return at::sub(a, b);
    case RT_MUL: return at::mul(a, b);
    case RT_DIV: return at::div(a, b);
    case RT_POW: return at::pow(a, b);
    case RT_MAXIMUM: return at::maximum(a, b);
    case RT_MINIMUM: return at::minimum(a, b);
    case RT_EQ: return at::eq(a, b);
    case RT_NE: return at::ne(a, b);
    case RT_LT: return at::lt(a, b);
    case RT_LE: return at::le(a, b);
    case RT_GT: return at::gt(a, b);
    case RT_GE: return at::ge(a, b);
    case RT_LOGICAL_AND: return at::logical_and(a, b);
    case RT_LOGICAL_OR: return at::logical_or(a, b);
    case RT_REMAINDER: return at::remainder(a, b);
    case RT_RSUB: return at::sub(b, a);
    case RT_RDIV: return at::div(b, a);
    case RT_ATAN2: return at::atan2(a, b);
    default: throw rt::arg_error("unknown binary op code");
  }
}

at::Tensor binary_scalar(const at::Tensor& a, double s, int op) {
  const at::Scalar sc(s);
  switch (op) {
    case RT_ADD: return at::add(a, sc);
    case RT_SUB: return at::sub(a, sc);
    case RT_MUL: return at::mul(a, sc);
    case RT_DIV: return at::div(a, sc);
    case RT_POW: return at::pow(a, sc);
    case RT_MAXIMUM: return at::clamp_min(a, sc);
    case RT_MINIMUM: return at::clamp_max(a, sc);
    case RT_EQ: return at::eq(a, sc);
    case RT_NE: return at::ne(a, sc);
    case RT_LT: return at::lt(a, sc);
    case RT_LE: return at::le(a, sc);
    case RT_GT: return at::gt(a, sc);
    case RT_GE: return at::ge(a, sc);
    case RT_REMAINDER: return at::remainder(a, sc);
    case RT_RSUB: return at::rsub(a, sc);
    case RT_RDIV: return at::mul(at::reciprocal(a), sc);
    default: throw rt::arg_error("binary op code not supported with a scalar");
  }
}

at::TensorOptions opts(int dtype, int device_type, int device_index) {
  return at::TensorOptions().dtype(rt::to_scalar_type(dtype)).device(rt::to_device(device_type, device_index));
}

}  // namespace

//---------------------------------- runtime -------------------------------------------------------

RT_API const char* rt_last_error(void) { return rt::last_error(); }

RT_API int rt_threads_set(int n) {
  return guard([&] {
    require(n >= 1, "thread count must be >= 1");
    at::set_num_threads(n);
    return RT_OK;
  });
}

RT_API int rt_threads_get(void) { return at::get_num_threads(); }

RT_API int rt_cuda_is_available(void) {
  try {
    return at::detail::getCUDAHooks().hasCUDA() && at::detail::getCUDAHooks().getNumGPUs() > 0 ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

RT_API int rt_cuda_device_count(void) {
  try {
    return at::detail::getCUDAHooks().hasCUDA() ? at::detail::getCUDAHooks().getNumGPUs() : 0;
  } catch (...) {
    return 0;
  }
}

//---------------------------------- lifetime -----------------------------------------------------

RT_API void rt_tensor_free(rt_tensor* t) {
  if (t == nullptr) return;
  delete t;
  rt::g_live_tensors.fetch_sub(1, std::memory_order_relaxed);
}

RT_API int64_t rt_tensor_live_count(void) { return rt::g_live_tensors.load(std::memory_order_relaxed); }

RT_API int rt_tensor_alias(const rt_tensor* t, rt_tensor** out) {
  return guard([&] { *out = wrap(get(t)); return RT_OK; });
}

//---------------------------------- creation and copies -------------------------------------------

RT_API int rt_tensor_from_blob(const void* data, const int64_t* shape, int ndim, int dtype, rt_tensor** out) {
  return guard([&] {
    auto t = at::empty(dims_of(shape, ndim), at::TensorOptions().dtype(rt::to_scalar_type(dtype)));
    const size_t nbytes = static_cast<size_t>(t.numel()) * t.element_size();
    if (nbytes > 0) {
      require(data != nullptr, "data is NULL");
      std::memcpy(t.data_ptr(), data, nbytes);
    }
    *out = wrap(std::move(t));
    return RT_OK;
  });
}

RT_API int rt_tensor_copy_to(const rt_tensor* t, void* data, int64_t nbytes) {
  return guard([&] {
    auto c = get(t).detach().to(at::kCPU).contiguous();
    const int64_t need = c.numel() * static_cast<int64_t>(c.element_size());
    require(need == nbytes, "buffer size does not match numel * itemsize");
    if (need > 0) {
      require(data != nullptr, "data is NULL");
      std::memcpy(data, c.data_ptr(), static_cast<size_t>(need));
    }
    return RT_OK;
  });
}

RT_API int rt_tensor_full(const int64_t* shape, int ndim, double value, int dtype, int device_type, int device_index, rt_tensor** out) {
  return guard([&] {
    *out = wrap(at::full(dims_of(shape, ndim), value, opts(dtype, device_type, device_index)));
    return RT_OK;
  });
}

RT_API int rt_tensor_arange(double start, double end, double step, int dtype, int device_type, int device_index, rt_tensor** out) {
  return guard([&] {
    *out = wrap(at::arange(start, end, step, opts(dtype, device_type, device_index)));
    return RT_OK;
  });
}

RT_API int rt_tensor_to(const rt_tensor* t, int dtype, int device_type, int device_index, rt_tensor** out) {
  return guard([&] {
    *out = wrap(get(t).to(rt::to_device(device_type, device_index), rt::to_scalar_type(dtype), false, true));
    return RT_OK;
  });
}

RT_API int rt_tensor_clone(const rt_tensor* t, rt_tensor** out) {
  return guard([&] { *out = wrap(get(t).clone()); return RT_OK; });
}

RT_API int rt_tensor_detach(const rt_tensor* t, rt_tensor** out) {
  return guard([&] { *out = wrap(get(t).detach()); return RT_OK; });
}

RT_API int rt_tensor_contiguous(const rt_tensor* t, rt_tensor** out) {
  return guard([&] { *out = wrap(get(t).contiguous()); return RT_OK; });
}

RT_API int rt_tensor_copy_(rt_tensor* dst, const rt_tensor* src) {
  return guard([&] {
    require(dst != nullptr, "dst is NULL");
    at::NoGradGuard no_grad;
    dst->t.copy_(get(src));
    return RT_OK;
  });
}

RT_API int rt_tensor_set_data(rt_tensor* dst, const rt_tensor* src) {
  return guard([&] {
    require(dst != nullptr, "dst is NULL");
    dst->t.set_data(get(src));
    return RT_OK;
  });
}

RT_API int rt_tensor_fill_(rt_tensor* t, double value) {
  return guard([&] {
    require(t != nullptr, "tensor is NULL");
    at::NoGradGuard no_grad;
    t->t.fill_(value);
    return RT_OK;
  });
}

//---------------------------------- metadata ------------------------------------------------------

RT_API int rt_tensor_ndim(const rt_tensor* t, int* ndim) {
  return guard([&] { *ndim = static_cast<int>(get(t).dim()); return RT_OK; });
}

RT_API int rt_tensor_shape(const rt_tensor* t, int64_t* shape, int capacity) {
  return guard([&] {
    const auto& x = get(t);
    const int n = std::min<int>(capacity, static_cast<int>(x.dim()));
    for (int i = 0; i < n; ++i) shape[i] = x.size(i);
    return RT_OK;
  });
}

RT_API int rt_tensor_numel(const rt_tensor* t, int64_t* numel) {
  return guard([&] { *numel = get(t).numel(); return RT_OK; });
}

RT_API int rt_tensor_dtype(const rt_tensor* t, int* dtype) {
  return guard([&] { *dtype = rt::from_scalar_type(get(t).scalar_type()); return RT_OK; });
}

RT_API int rt_tensor_device(const rt_tensor* t, int* device_type, int* device_index) {
  return guard([&] {
    const auto d = get(t).device();
    require(d.is_cpu() || d.is_cuda(), "tensor is on a device without an rt code");
    *device_type = d.is_cuda() ? RT_DEVICE_CUDA : RT_DEVICE_CPU;
    *device_index = d.has_index() ? d.index() : -1;
    return RT_OK;
  });
}

RT_API int rt_tensor_item(const rt_tensor* t, double* value) {
  return guard([&] { *value = get(t).item<double>(); return RT_OK; });
}

//---------------------------------- elementwise ---------------------------------------------------

RT_API int rt_tensor_unary(const rt_tensor* a, int op, rt_tensor** out) {
  return guard([&] { *out = wrap(unary(get(a), op)); return RT_OK; });
}

RT_API int rt_tensor_binary(const rt_tensor* a, const rt_tensor* b, int op, rt_tensor** out) {
  return guard([&] { *out = wrap(binary(get(a), get(b), op)); return RT_OK; });
}

RT_API int rt_tensor_binary_scalar(const rt_tensor* a, double s, int op, rt_tensor** out) {
  return guard([&] { *out = wrap(binary_scalar(get(a), s, op)); return RT_OK; });
}

RT_API int rt_tensor_binary_(rt_tensor* a, const rt_tensor* b, double s, int op) {
  return guard([&] {
    require(a != nullptr, "tensor is NULL");
    auto& x = a->t;
    if (b != nullptr) {
      const auto& y = b->t;
      switch (op) {
        case RT_ADD: x.add_(y); break;
        case RT_SUB: x.sub_(y); break;
        case RT_MUL: x.mul_(y); break;
        case RT_DIV: x.div_(y); break;
        default: throw rt::arg_error("in-place op must be add, sub, mul or div");
      }
    } else {
      switch (op) {
        case RT_ADD: x.add_(s); break;
        case RT_SUB: x.sub_(s); break;
        case RT_MUL: x.mul_(s); break;
        case RT_DIV: x.div_(s); break;
        default: throw rt::arg_error("in-place op must be add, sub, mul or div");
      }
    }
    return RT_OK;
  });
}

RT_API int rt_tensor_clamp(const rt_tensor* a, double lo, int has_lo, double hi, int has_hi, rt_tensor** out) {
  return guard([&] {
    c10::optional<at::Scalar> l, h;
    if (has_lo) l = lo;
    if (has_hi) h = hi;
    *out = wrap(at::clamp(get(a), l, h));
    return RT_OK;
  });
}

RT_API int rt_tensor_where(const rt_tensor* cond, const rt_tensor* a, const rt_tensor* b, rt_tensor** out) {
  return guard([&] { *out = wrap(at::where(get(cond), get(a), get(b))); return RT_OK; });
}

RT_API int rt_tensor_masked_fill(const rt_tensor* a, const rt_tensor* mask, double value, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).masked_fill(get(mask), value)); return RT_OK; });
}

//---------------------------------- reductions ----------------------------------------------------

RT_API int rt_tensor_reduce(const rt_tensor* a, int op, const int64_t* dims, int ndims, int keepdim, rt_tensor** out) {
  return guard([&] {
    const auto& x = get(a);
    const bool all = ndims == 0;
    std::vector<int64_t> d;
    if (all) {
      for (int64_t i = 0; i < x.dim(); ++i) d.push_back(i);
    } else {
      auto r = dims_of(dims, ndims);
      d.assign(r.begin(), r.end());
    }
    const bool k = keepdim != 0;
    at::Tensor r;
    switch (op) {
      case RT_SUM: r = all && !k ? at::sum(x) : at::sum(x, d, k); break;
      case RT_MEAN: r = all && !k ? at::mean(x) : at::mean(x, d, k); break;
      case RT_AMAX: r = at::amax(x, d, k); break;
      case RT_AMIN: r = at::amin(x, d, k); break;
      case RT_PROD: {
        r = x;
        if (all && !k) { r = at::prod(x); break; }
        std::vector<int64_t> sorted(d);
        for (auto& v : sorted) v = c10::maybe_wrap_dim(v, x.dim());
        std::sort(sorted.rbegin(), sorted.rend());
        for (auto v : sorted) r = at::prod(r, v, k);
        break;
      }
      case RT_VAR: r = at::var(x, at::OptionalIntArrayRef(d), true, k); break;
      case RT_STD: r = at::std(x, at::OptionalIntArrayRef(d), true, k); break;
      case RT_LOGSUMEXP: r = at::logsumexp(x, d, k); break;
      case RT_NORM2: r = at::linalg_vector_norm(x, 2, at::OptionalIntArrayRef(d), k); break;
      case RT_ALL: {
        r = x.to(at::kBool);
        if (all && !k) { r = at::all(r); break; }
        std::vector<int64_t> sorted(d);
        for (auto& v : sorted) v = c10::maybe_wrap_dim(v, x.dim());
        std::sort(sorted.rbegin(), sorted.rend());
        for (auto v : sorted) r = at::all(r, v, k);
        break;
      }
      case RT_ANY: {
        r = x.to(at::kBool);
        if (all && !k) { r = at::any(r); break; }
        std::vector<int64_t> sorted(d);
        for (auto& v : sorted) v = c10::maybe_wrap_dim(v, x.dim());
        std::sort(sorted.rbegin(), sorted.rend());
        for (auto v : sorted) r = at::any(r, v, k);
        break;
      }
      default: throw rt::arg_error("unknown reduce op code");
    }
    *out = wrap(std::move(r));
    return RT_OK;
  });
}

RT_API int rt_tensor_argmax(const rt_tensor* a, int64_t dim, int keepdim, int is_max, rt_tensor** out) {
  return guard([&] {
    *out = wrap(is_max ? at::argmax(get(a), dim, keepdim != 0) : at::argmin(get(a), dim, keepdim != 0));
    return RT_OK;
  });
}

RT_API int rt_tensor_cumsum(const rt_tensor* a, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(at::cumsum(get(a), dim)); return RT_OK; });
}

RT_API int rt_tensor_topk(const rt_tensor* a, int64_t k, int64_t dim, int largest, rt_tensor** values, rt_tensor** indices) {
  return guard([&] {
    auto r = at::topk(get(a), k, dim, largest != 0, true);
    auto* v = wrap(std::get<0>(r));
    *values = v;
    *indices = wrap(std::get<1>(r));
    return RT_OK;
  });
}

//---------------------------------- linear algebra ------------------------------------------------

RT_API int rt_tensor_matmul(const rt_tensor* a, const rt_tensor* b, rt_tensor** out) {
  return guard([&] { *out = wrap(at::matmul(get(a), get(b))); return RT_OK; });
}

RT_API int rt_tensor_bmm(const rt_tensor* a, const rt_tensor* b, rt_tensor** out) {
  return guard([&] { *out = wrap(at::bmm(get(a), get(b))); return RT_OK; });
}

//---------------------------------- shape ---------------------------------------------------------

RT_API int rt_tensor_reshape(const rt_tensor* a, const int64_t* shape, int ndim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).reshape(dims_of(shape, ndim))); return RT_OK; });
}

RT_API int rt_tensor_permute(const rt_tensor* a, const int64_t* dims, int ndim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).permute(dims_of(dims, ndim))); return RT_OK; });
}

RT_API int rt_tensor_expand(const rt_tensor* a, const int64_t* shape, int ndim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).expand(dims_of(shape, ndim))); return RT_OK; });
}

RT_API int rt_tensor_transpose(const rt_tensor* a, int64_t dim0, int64_t dim1, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).transpose(dim0, dim1)); return RT_OK; });
}

RT_API int rt_tensor_squeeze(const rt_tensor* a, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).squeeze(dim)); return RT_OK; });
}

RT_API int rt_tensor_unsqueeze(const rt_tensor* a, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).unsqueeze(dim)); return RT_OK; });
}

RT_API int rt_tensor_flatten(const rt_tensor* a, int64_t start_dim, int64_t end_dim, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).flatten(start_dim, end_dim)); return RT_OK; });
}

RT_API int rt_tensor_slice(const rt_tensor* a, int64_t dim, int64_t start, int64_t end, int64_t step, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).slice(dim, start, end, step)); return RT_OK; });
}

RT_API int rt_tensor_select(const rt_tensor* a, int64_t dim, int64_t index, rt_tensor** out) {
  return guard([&] { *out = wrap(get(a).select(dim, index)); return RT_OK; });
}

RT_API int rt_tensor_cat(const rt_tensor* const* ts, int n, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(at::cat(list_of(ts, n), dim)); return RT_OK; });
}

RT_API int rt_tensor_stack(const rt_tensor* const* ts, int n, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(at::stack(list_of(ts, n), dim)); return RT_OK; });
}

RT_API int rt_tensor_tril(const rt_tensor* a, int64_t diagonal, int upper, rt_tensor** out) {
  return guard([&] { *out = wrap(upper ? at::triu(get(a), diagonal) : at::tril(get(a), diagonal)); return RT_OK; });
}

//---------------------------------- indexing ------------------------------------------------------

RT_API int rt_tensor_index_select(const rt_tensor* a, int64_t dim, const rt_tensor* index, rt_tensor** out) {
  return guard([&] { *out = wrap(at::index_select(get(a), dim, get(index))); return RT_OK; });
}

RT_API int rt_tensor_gather(const rt_tensor* a, int64_t dim, const rt_tensor* index, rt_tensor** out) {
  return guard([&] { *out = wrap(at::gather(get(a), dim, get(index))); return RT_OK; });
}

RT_API int rt_tensor_scatter(const rt_tensor* a, int64_t dim, const rt_tensor* index, const rt_tensor* src, int add, rt_tensor** out) {
  return guard([&] {
    *out = wrap(add ? at::scatter_add(get(a), dim, get(index), get(src)) : at::scatter(get(a), dim, get(index), get(src)));
    return RT_OK;
  });
}

RT_API int rt_tensor_masked_select(const rt_tensor* a, const rt_tensor* mask, rt_tensor** out) {
  return guard([&] { *out = wrap(at::masked_select(get(a), get(mask))); return RT_OK; });
}

//---------------------------------- nn functions --------------------------------------------------

RT_API int rt_nn_linear(const rt_tensor* x, const rt_tensor* w, const rt_tensor* b, rt_tensor** out) {
  return guard([&] {
    c10::optional<at::Tensor> bias;
    if (b != nullptr) bias = b->t;
    *out = wrap(at::linear(get(x), get(w), bias));
    return RT_OK;
  });
}

RT_API int rt_nn_softmax(const rt_tensor* x, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(at::softmax(get(x), dim)); return RT_OK; });
}

RT_API int rt_nn_log_softmax(const rt_tensor* x, int64_t dim, rt_tensor** out) {
  return guard([&] { *out = wrap(at::log_softmax(get(x), dim)); return RT_OK; });
}

RT_API int rt_nn_layer_norm(const rt_tensor* x, const int64_t* shape, int ndim, const rt_tensor* w, const rt_tensor* b, double eps, rt_tensor** out) {
  return guard([&] {
    c10::optional<at::Tensor> wt, bt;
    if (w != nullptr) wt = w->t;
    if (b != nullptr) bt = b->t;
    *out = wrap(at::layer_norm(get(x), dims_of(shape, ndim), wt, bt, eps));
    return RT_OK;
  });
}

RT_API int rt_nn_conv2d(const rt_tensor* x, const rt_tensor* w, const rt_tensor* b, const int64_t* stride, const int64_t* padding, const int64_t* dilation, int64_t groups, rt_tensor** out) {
  return guard([&] {
    c10::optional<at::Tensor> bias;
    if (b != nullptr) bias = b->t;
    *out = wrap(at::conv2d(get(x), get(w), bias, dims_of(stride, 2), dims_of(padding, 2), dims_of(dilation, 2), groups));
    return RT_OK;
  });
}

RT_API int rt_nn_pool2d(const rt_tensor* x, const int64_t* kernel, const int64_t* stride, const int64_t* padding, int is_max, rt_tensor** out) {
  return guard([&] {
    *out = wrap(is_max ? at::max_pool2d(get(x), dims_of(kernel, 2), dims_of(stride, 2), dims_of(padding, 2))
                       : at::avg_pool2d(get(x), dims_of(kernel, 2), dims_of(stride, 2), dims_of(padding, 2)));
    return RT_OK;
  });
}

RT_API int rt_nn_adaptive_avg_pool2d(const rt_tensor* x, int64_t oh, int64_t ow, rt_tensor** out) {
  return guard([&] { *out = wrap(at::adaptive_avg_pool2d(get(x), {oh, ow})); return RT_OK; });
}

RT_API int rt_nn_embedding(const rt_tensor* w, const rt_tensor* indices, rt_tensor** out) {
  return guard([&] { *out = wrap(at::embedding(get(w), get(indices))); return RT_OK; });
}

RT_API int rt_nn_dropout(const rt_tensor* x, double p, int train, rt_generator* gen, rt_tensor** out) {
  return guard([&] {
    require(p >= 0.0 && p <= 1.0, "dropout probability must be in [0, 1]");
    const auto& t = get(x);
    if (!train || p == 0.0) {
      *out = wrap(t);
      return RT_OK;
    }
    if (p == 1.0) {
      *out = wrap(t * 0.0);
      return RT_OK;
    }
    auto keep = at::empty_like(t, at::MemoryFormat::Contiguous).bernoulli_(1.0 - p, rt::opt_gen(gen));
    *out = wrap(t * keep.div_(1.0 - p));
    return RT_OK;
  });
}

RT_API int rt_nn_scaled_dot_product_attention(const rt_tensor* q, const rt_tensor* k, const rt_tensor* v, int causal, rt_tensor** out) {
  return guard([&] { *out = wrap(rt::attention(get(q), get(k), get(v), causal != 0)); return RT_OK; });
}

RT_API int rt_nn_cross_entropy(const rt_tensor* logits, const rt_tensor* target, int reduction, int64_t ignore_index, double label_smoothing, rt_tensor** out) {
  return guard([&] {
    require(reduction >= 0 && reduction <= 2, "unknown reduction code");
    *out = wrap(at::cross_entropy_loss(get(logits), get(target), {}, reduction, ignore_index, label_smoothing));
    return RT_OK;
  });
}

RT_API int rt_nn_l1_loss(const rt_tensor* x, const rt_tensor* y, int reduction, rt_tensor** out) {
  return guard([&] {
    require(reduction >= 0 && reduction <= 2, "unknown reduction code");
    *out = wrap(at::l1_loss(get(x), get(y), reduction));
    return RT_OK;
  });
}

RT_API int rt_nn_mse_loss(const rt_tensor* x, const rt_tensor* y, int reduction, rt_tensor** out) {
  return guard([&] {
    require(reduction >= 0 && reduction <= 2, "unknown reduction code");
    *out = wrap(at::mse_loss(get(x), get(y), reduction));
    return RT_OK;
  });
}

//---------------------------------- random --------------------------------------------------------

RT_API int rt_generator_new(uint64_t seed, int device_type, int device_index, rt_generator** out) {
  return guard([&] {
    at::Generator g;
    if (device_type == RT_DEVICE_CPU) {
      g = at::detail::createCPUGenerator(seed);
    } else {
      const auto dev = rt::to_device(device_type, device_index);
      g = at::detail::getCUDAHooks().getDefaultCUDAGenerator(dev.index()).clone();
      std::lock_guard<std::mutex> lock(g.mutex());
      g.set_current_seed(seed);
    }
    *out = new rt_generator{std::move(g)};
    return RT_OK;
  });
}

RT_API void rt_generator_free(rt_generator* gen) { delete gen; }

RT_API int rt_generator_seed_set(rt_generator* gen, uint64_t seed) {
  return guard([&] {
    require(gen != nullptr, "generator is NULL");
    std::lock_guard<std::mutex> lock(gen->g.mutex());
    gen->g.set_current_seed(seed);
    return RT_OK;
  });
}

RT_API int rt_generator_state_get(const rt_generator* gen, rt_tensor** out) {
  return guard([&] {
    require(gen != nullptr, "generator is NULL");
    std::lock_guard<std::mutex> lock(gen->g.mutex());
    *out = wrap(gen->g.get_state());
    return RT_OK;
  });
}

RT_API int rt_generator_state_set(rt_generator* gen, const rt_tensor* state) {
  return guard([&] {
    require(gen != nullptr, "generator is NULL");
    std::lock_guard<std::mutex> lock(gen->g.mutex());
    gen->g.set_state(get(state));
    return RT_OK;
  });
}

RT_API int rt_random_manual_seed(uint64_t seed) {
  return guard([&] {
    {
      auto g = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> lock(g.mutex());
      g.set_current_seed(seed);
    }
    if (rt_cuda_is_available()) {
      const int n = rt_cuda_device_count();
      for (int i = 0; i < n; ++i) {
        auto g = at::detail::getCUDAHooks().getDefaultCUDAGenerator(static_cast<c10::DeviceIndex>(i));
        std::lock_guard<std::mutex> lock(g.mutex());
        g.set_current_seed(seed);
      }
    }
    return RT_OK;
  });
}

RT_API int rt_random_normal(const int64_t* shape, int ndim, double mean, double std, int dtype, int device_type, int device_index, rt_generator* gen, rt_tensor** out) {
  return guard([&] {
    auto t = at::empty(dims_of(shape, ndim), opts(dtype, device_type, device_index));
    t.normal_(mean, std, rt::opt_gen(gen));
    *out = wrap(std::move(t));
    return RT_OK;
  });
}

RT_API int rt_random_uniform(const int64_t* shape, int ndim, double lo, double hi, int dtype, int device_type, int device_index, rt_generator* gen, rt_tensor** out) {
  return guard([&] {
    auto t = at::empty(dims_of(shape, ndim), opts(dtype, device_type, device_index));
    t.uniform_(lo, hi, rt::opt_gen(gen));
    *out = wrap(std::move(t));
    return RT_OK;
  });
}

RT_API int rt_random_randint(const int64_t* shape, int ndim, int64_t lo, int64_t hi, int device_type, int device_index, rt_generator* gen, rt_tensor** out) {
  return guard([&] {
    *out = wrap(at::randint(lo, hi, dims_of(shape, ndim), rt::opt_gen(gen), opts(RT_INT64, device_type, device_index)));
    return RT_OK;
  });
}

RT_API int rt_random_multinomial(const rt_tensor* probs, int64_t n, int replacement, rt_generator* gen, rt_tensor** out) {
  return guard([&] { *out = wrap(at::multinomial(get(probs), n, replacement != 0, rt::opt_gen(gen))); return RT_OK; });
}

RT_API int rt_random_bernoulli(const rt_tensor* p, rt_generator* gen, rt_tensor** out) {
  return guard([&] { *out = wrap(at::bernoulli(get(p), rt::opt_gen(gen))); return RT_OK; });
}

//---------------------------------- autograd ------------------------------------------------------

RT_API int rt_autograd_requires_grad_set(rt_tensor* t, int requires_grad) {
  return guard([&] {
    require(t != nullptr, "tensor is NULL");
    t->t.requires_grad_(requires_grad != 0);
    return RT_OK;
  });
}

RT_API int rt_autograd_requires_grad_get(const rt_tensor* t, int* requires_grad) {
  return guard([&] { *requires_grad = get(t).requires_grad() ? 1 : 0; return RT_OK; });
}

RT_API int rt_autograd_backward(const rt_tensor* t, const rt_tensor* grad, int retain_graph) {
  return guard([&] {
    at::Tensor g;
    if (grad != nullptr) g = grad->t;
    get(t).backward(g, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt);
    return RT_OK;
  });
}

RT_API int rt_autograd_grad(const rt_tensor* t, rt_tensor** out) {
  return guard([&] {
    const auto& g = get(t).grad();
    *out = g.defined() ? wrap(g) : nullptr;
    return RT_OK;
  });
}

RT_API int rt_autograd_grad_clear(rt_tensor* t) {
  return guard([&] {
    require(t != nullptr, "tensor is NULL");
    t->t.mutable_grad().reset();
    return RT_OK;
  });
}

RT_API int rt_autograd_grad_mode_set(int enabled, int* previous) {
  return guard([&] {
    if (previous != nullptr) *previous = at::GradMode::is_enabled() ? 1 : 0;
    at::GradMode::set_enabled(enabled != 0);
    return RT_OK;
  });
}

RT_API int rt_autograd_grad_mode_get(void) { return at::GradMode::is_enabled() ? 1 : 0; }
