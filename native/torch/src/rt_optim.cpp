// libripttorch, optimiser side: AdamW (torch::optim::AdamW) with parameter groups, state access,
// gradient clipping. Implements rt_optim.h.
#include <torch/optim/adamw.h>
#include <torch/nn/utils/clip_grad.h>

#include <vector>

#include "rt_internal.h"
#include "rt_optim.h"

struct rt_optim {
  std::unique_ptr<torch::optim::AdamW> opt;
};

namespace {

using rt::get;
using rt::guard;
using rt::require;

std::vector<at::Tensor> params_of(const rt_tensor* const* ps, int n) {
  require(n >= 0 && (n == 0 || ps != nullptr), "parameter list is NULL");
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v.push_back(get(ps[i]));
  return v;
}

torch::optim::AdamWOptions& group_options(torch::optim::AdamW& opt, int group) {
  require(group >= 0 && group < static_cast<int>(opt.param_groups().size()), "parameter group index out of range");
  return static_cast<torch::optim::AdamWOptions&>(opt.param_groups()[static_cast<size_t>(group)].options());
}

std::string key_of(const at::Tensor& p) { return c10::guts::to_string(p.unsafeGetTensorImpl()); }

}  // namespace

RT_API int rt_optim_adamw_new(const rt_tensor* const* params, int n, double lr, double beta1, double beta2, double eps, double weight_decay, rt_optim** out) {
  return guard([&] {
    auto options = torch::optim::AdamWOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(params_of(params, n), std::make_unique<torch::optim::AdamWOptions>(options));
    auto o = std::make_unique<torch::optim::AdamW>(std::move(groups), options);
    *out = new rt_optim{std::move(o)};
    return RT_OK;
  });
}

RT_API int rt_optim_add_group(rt_optim* opt, const rt_tensor* const* params, int n, double lr, double weight_decay) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    auto options = std::make_unique<torch::optim::AdamWOptions>(static_cast<const torch::optim::AdamWOptions&>(opt->opt->defaults()));
    options->lr(lr).weight_decay(weight_decay);
    opt->opt->add_param_group(torch::optim::OptimizerParamGroup(params_of(params, n), std::move(options)));
    return RT_OK;
  });
}

RT_API void rt_optim_free(rt_optim* opt) { delete opt; }

RT_API int rt_optim_step(rt_optim* opt) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    opt->opt->step();
    return RT_OK;
  });
}

RT_API int rt_optim_zero_grad(rt_optim* opt, int set_to_none) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    for (auto& g : opt->opt->param_groups())
      for (auto& p : g.params()) {
        if (!p.mutable_grad().defined()) continue;
        if (set_to_none) {
          p.mutable_grad().reset();
        } else {
          p.mutable_grad().detach_();
          p.mutable_grad().zero_();
        }
      }
    return RT_OK;
  });
}

RT_API int rt_optim_group_count(const rt_optim* opt, int* count) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    *count = static_cast<int>(opt->opt->param_groups().size());
    return RT_OK;
  });
}

RT_API int rt_optim_group_get(const rt_optim* opt, int group, double* lr, double* weight_decay) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    auto& o = group_options(*opt->opt, group);
    *lr = o.lr();
    *weight_decay = o.weight_decay();
    return RT_OK;
  });
}

RT_API int rt_optim_group_set(rt_optim* opt, int group, double lr, double weight_decay) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    group_options(*opt->opt, group).lr(lr).weight_decay(weight_decay);
    return RT_OK;
  });
}

RT_API int rt_optim_state_get(const rt_optim* opt, const rt_tensor* param, int* has_state, int64_t* step, rt_tensor** exp_avg, rt_tensor** exp_avg_sq) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    const auto& state = opt->opt->state();
    auto it = state.find(key_of(get(param)));
    *has_state = 0;
    *step = 0;
    *exp_avg = nullptr;
    *exp_avg_sq = nullptr;
    if (it == state.end()) return RT_OK;
    const auto& s = static_cast<const torch::optim::AdamWParamState&>(*it->second);
    auto a = s.exp_avg().detach().clone();
    auto b = s.exp_avg_sq().detach().clone();
    *has_state = 1;
    *step = s.step();
    *exp_avg = rt::wrap(std::move(a));
    *exp_avg_sq = rt::wrap(std::move(b));
    return RT_OK;
  });
}

RT_API int rt_optim_state_set(rt_optim* opt, const rt_tensor* param, int64_t step, const rt_tensor* exp_avg, const rt_tensor* exp_avg_sq) {
  return guard([&] {
    require(opt != nullptr, "optimizer is NULL");
    const auto& p = get(param);
    const auto& a = get(exp_avg);
    const auto& b = get(exp_avg_sq);
    require(a.sizes() == p.sizes() && b.sizes() == p.sizes(), "optimizer state shape differs from the parameter's");
    auto s = std::make_unique<torch::optim::AdamWParamState>();
    s->step(step);
    s->exp_avg(a.detach().to(p.options()).clone());
    s->exp_avg_sq(b.detach().to(p.options()).clone());
    opt->opt->state()[key_of(p)] = std::move(s);
    return RT_OK;
  });
}

RT_API int rt_optim_clip_grad_norm(const rt_tensor* const* params, int n, double max_norm, double norm_type, double* total_norm) {
  return guard([&] {
    *total_norm = torch::nn::utils::clip_grad_norm_(params_of(params, n), max_norm, norm_type);
    return RT_OK;
  });
}
