// Internal to libripttorch: handle structs, the one exception wrapper, conversions. Not installed.
#ifndef RT_INTERNAL_H_
#define RT_INTERNAL_H_
#include <ATen/ATen.h>
#include <atomic>
#include <cstring>
#include <exception>
#include <utility>

#include "rt_runtime.h"
#include "rt_tensor.h"
#include "rt_random.h"

struct rt_tensor {
  at::Tensor t;
};

struct rt_generator {
  mutable at::Generator g;  // mutable: reading state takes the generator lock
};

namespace rt {

extern std::atomic<int64_t> g_live_tensors;

// Copies msg into the calling thread's fixed-size last-error buffer (truncating).
void set_error(const char* msg) noexcept;
const char* last_error() noexcept;

// Fails with RT_E_ARG and a message unless cond holds (used inside guard bodies).
struct arg_error : std::exception {
  const char* msg;
  explicit arg_error(const char* m) : msg(m) {}
  const char* what() const noexcept override { return msg; }
};
inline void require(bool cond, const char* msg) {
  if (!cond) throw arg_error(msg);
}

// The one wrapper around every exported body: no exception crosses extern "C".
template <class F>
inline int guard(F&& body) noexcept {
  try {
    return body();
  } catch (const arg_error& e) {
    set_error(e.msg);
    return RT_E_ARG;
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
    return RT_E_TORCH;
  } catch (const std::exception& e) {
    set_error(e.what());
    return RT_E_STD;
  } catch (...) {
    set_error("unknown exception in libripttorch");
    return RT_E_UNKNOWN;
  }
}

// Wraps a tensor into a new owned handle (counted).
inline rt_tensor* wrap(at::Tensor t) {
  auto* h = new rt_tensor{std::move(t)};
  g_live_tensors.fetch_add(1, std::memory_order_relaxed);
  return h;
}

inline const at::Tensor& get(const rt_tensor* h) {
  require(h != nullptr, "tensor handle is NULL");
  return h->t;
}

at::ScalarType to_scalar_type(int dtype);
int from_scalar_type(at::ScalarType st);
at::Device to_device(int device_type, int device_index);
c10::optional<at::Generator> opt_gen(rt_generator* g);

// The shim's attention: matmul + causal mask + softmax (libtorch 1.13 has no fused SDPA everywhere).
at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, bool causal);

}  // namespace rt

// Exception guard for exported functions returning int.
#define RT_GUARD(...) return rt::guard([&]() -> int { __VA_ARGS__ return RT_OK; })

#endif  // RT_INTERNAL_H_
