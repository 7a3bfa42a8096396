// libripttorch, bench reference: the reference causal transformer of `ript bench learner` written
// directly with libtorch's C++ modules, trained with torch::optim::AdamW. Implements rt_bench.h.
// It mirrors src/Learner/Benchmarks/ReferenceTransformer.cs op for op (pre-LN blocks, the shim's
// matmul+mask+softmax attention, GELU MLP 4x, next-token cross entropy).
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/optim/adamw.h>

#include <chrono>

#include "rt_internal.h"
#include "rt_bench.h"

namespace {

struct BlockImpl : torch::nn::Module {
  BlockImpl(int64_t d, int64_t heads) : n_head(heads) {
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    qkv = register_module("qkv", torch::nn::Linear(d, 3 * d));
    proj = register_module("proj", torch::nn::Linear(d, d));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    fc1 = register_module("fc1", torch::nn::Linear(d, 4 * d));
    fc2 = register_module("fc2", torch::nn::Linear(4 * d, d));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    const int64_t B = x.size(0), T = x.size(1), C = x.size(2), D = C / n_head;
    auto qkv_ = qkv(ln1(x)).reshape({B, T, 3, n_head, D}).permute({2, 0, 3, 1, 4});
    auto y = rt::attention(qkv_.select(0, 0), qkv_.select(0, 1), qkv_.select(0, 2), true);
    auto h = x + proj(y.transpose(1, 2).reshape({B, T, C}));
    return h + fc2(at::gelu(fc1(ln2(h))));
  }
  int64_t n_head;
  torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
  torch::nn::Linear qkv{nullptr}, proj{nullptr}, fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Block);

struct TransformerImpl : torch::nn::Module {
  TransformerImpl(int64_t vocab, int64_t d, int64_t layers, int64_t heads, int64_t seq) {
    tok = register_module("tok", torch::nn::Embedding(vocab, d));
    pos = register_parameter("pos", torch::randn({seq, d}) * 0.02);
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < layers; ++i) blocks->push_back(Block(d, heads));
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    head = register_module("head", torch::nn::Linear(d, vocab));
  }
  torch::Tensor forward(const torch::Tensor& idx) {
    const int64_t T = idx.size(1);
    auto x = tok(idx) + pos.slice(0, 0, T);
    for (auto& b : *blocks) x = b->as<BlockImpl>()->forward(x);
    return head(ln_f(x));
  }
  torch::nn::Embedding tok{nullptr};
  torch::Tensor pos;
  torch::nn::ModuleList blocks{nullptr};
  torch::nn::LayerNorm ln_f{nullptr};
  torch::nn::Linear head{nullptr};
};
TORCH_MODULE(Transformer);

}  // namespace

struct rt_bench_model {
  Transformer model{nullptr};
  std::unique_ptr<torch::optim::AdamW> opt;
  int64_t seq_len = 0;
  at::Device device{at::kCPU};
};

RT_API int rt_bench_model_new(int64_t vocab, int64_t d_model, int64_t n_layer, int64_t n_head, int64_t seq_len, double lr, double weight_decay, uint64_t seed, int device_type, int device_index, rt_bench_model** out) {
  return rt::guard([&] {
    rt::require(n_head > 0 && d_model % n_head == 0, "d_model must be a multiple of n_head");
    auto m = std::make_unique<rt_bench_model>();
    m->device = rt::to_device(device_type, device_index);
    {
      auto g = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> lock(g.mutex());
      g.set_current_seed(seed);
    }
    m->model = Transformer(vocab, d_model, n_layer, n_head, seq_len);
    m->model->to(m->device);
    m->seq_len = seq_len;
    m->opt = std::make_unique<torch::optim::AdamW>(m->model->parameters(), torch::optim::AdamWOptions(lr).weight_decay(weight_decay));
    *out = m.release();
    return RT_OK;
  });
}

RT_API void rt_bench_model_free(rt_bench_model* m) { delete m; }

RT_API int rt_bench_model_param_count(const rt_bench_model* m, int64_t* count) {
  return rt::guard([&] {
    rt::require(m != nullptr, "model is NULL");
    int64_t n = 0;
    for (const auto& p : m->model->parameters()) n += p.numel();
    *count = n;
    return RT_OK;
  });
}

RT_API int rt_bench_model_train(rt_bench_model* m, const rt_tensor* tokens, int steps, double* seconds, double* loss) {
  return rt::guard([&] {
    rt::require(m != nullptr, "model is NULL");
    auto tok = rt::get(tokens).to(m->device);
    rt::require(tok.dim() == 2 && tok.size(1) == m->seq_len + 1, "tokens must be (B x seq_len+1)");
    m->model->train();
    const auto t0 = std::chrono::steady_clock::now();
    double last = 0.0;
    for (int s = 0; s < steps; ++s) {
      auto x = tok.slice(1, 0, m->seq_len);
      auto y = tok.slice(1, 1, m->seq_len + 1);
      auto logits = m->model->forward(x);
      auto l = at::cross_entropy_loss(logits.reshape({-1, logits.size(-1)}), y.reshape({-1}));
      m->opt->zero_grad();
      l.backward();
      m->opt->step();
      if (s == steps - 1) last = l.item<double>();
    }
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    *loss = last;
    return RT_OK;
  });
}
