using System.Globalization;
using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

public static partial class Optim
{
    /// <summary>
    /// One AdamW optimiser (decoupled weight decay, libtorch's torch::optim::AdamW) over parameter
    /// groups, each with its own lr and weight decay. Holds references to its parameters.
    /// </summary>
    public sealed class AdamW : IDisposable
    {
        private readonly OptimizerHandle _handle;
        private readonly List<List<Tensor>> _groups = new();

        /// <summary>One group of parameters with lr and weightDecay.</summary>
        public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2)
            : this([new ParamGroup(parameters, lr, weightDecay)], beta1, beta2, eps) { }

        /// <summary>Several groups, each with its lr and weight decay; betas and eps shared.</summary>
        public unsafe AdamW(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        {
            var gs = groups.ToList();
            if (gs.Count == 0) throw new ArgumentException("AdamW needs at least one parameter group", nameof(groups));
            Beta1 = beta1;
            Beta2 = beta2;
            Eps = eps;
            for (var i = 0; i < gs.Count; i++)
            {
                var ps = gs[i].Parameters.ToList();
                var hs = Tensor.Handles(ps);
                fixed (nint* p = hs)
                {
                    if (i == 0)
                        TorchNative.Check(TorchNative.rt_optim_adamw_new(p, hs.Length, gs[i].Lr, beta1, beta2, eps, gs[i].WeightDecay, out _handle), "AdamW");
                    else
                        TorchNative.Check(TorchNative.rt_optim_add_group(_handle!, p, hs.Length, gs[i].Lr, gs[i].WeightDecay), $"AdamW group {i}");
                }
                _groups.Add(ps);
            }
        }

        public double Beta1 { get; }
        public double Beta2 { get; }
        public double Eps { get; }

        /// <summary>Number of parameter groups.</summary>
        public int GroupCount => _groups.Count;

        /// <summary>The parameters of group i.</summary>
        public IReadOnlyList<Tensor> GroupParameters(int group) => _groups[group];

        /// <summary>Learning rate of group i.</summary>
        public double GetLr(int group = 0)
        {
            TorchNative.Check(TorchNative.rt_optim_group_get(_handle, group, out var lr, out _));
            return lr;
        }

        /// <summary>Weight decay of group i.</summary>
        public double GetWeightDecay(int group = 0)
        {
            TorchNative.Check(TorchNative.rt_optim_group_get(_handle, group, out _, out var wd));
            return wd;
        }

        /// <summary>Sets the learning rate of group i (every group when group is null).</summary>
        public void SetLr(double lr, int? group = null)
        {
            for (var g = group ?? 0; g < (group.HasValue ? group.Value + 1 : _groups.Count); g++)
                TorchNative.Check(TorchNative.rt_optim_group_set(_handle, g, lr, GetWeightDecay(g)));
        }

        /// <summary>Sets the weight decay of group i.</summary>
        public void SetWeightDecay(double weightDecay, int group = 0)
            => TorchNative.Check(TorchNative.rt_optim_group_set(_handle, group, GetLr(group), weightDecay));

        /// <summary>Clears the gradients of every parameter (dropped when setToNone, else zeroed).</summary>
        public void ZeroGrad(bool setToNone = true) => TorchNative.Check(TorchNative.rt_optim_zero_grad(_handle, setToNone ? 1 : 0));

        /// <summary>One AdamW update of every parameter that has a gradient.</summary>
        public void Step() => TorchNative.Check(TorchNative.rt_optim_step(_handle));

        //---------------------------------- state ---------------------------------------------------

        /// <summary>
        /// The optimiser state as safetensors bytes: per parameter (numbered over groups in order)
        /// `state.{i}.exp_avg`, `state.{i}.exp_avg_sq`, `state.{i}.step` (int64 scalar); group lr and
        /// weight decay in the metadata (`group.{g}.lr`, `group.{g}.weight_decay`).
        /// </summary>
        public byte[] StateToBytes()
        {
            using var scope = TensorScope.Open();
            var entries = new List<KeyValuePair<string, Tensor>>();
            var meta = new Dictionary<string, string>
            {
                ["optimizer"] = "AdamW",
                ["groups"] = GroupCount.ToString(CultureInfo.InvariantCulture),
                ["betas"] = string.Create(CultureInfo.InvariantCulture, $"{Beta1:R},{Beta2:R}"),
                ["eps"] = Eps.ToString("R", CultureInfo.InvariantCulture),
            };
            var i = 0;
            for (var g = 0; g < _groups.Count; g++)
            {
                meta[$"group.{g}.lr"] = GetLr(g).ToString("R", CultureInfo.InvariantCulture);
                meta[$"group.{g}.weight_decay"] = GetWeightDecay(g).ToString("R", CultureInfo.InvariantCulture);
                meta[$"group.{g}.size"] = _groups[g].Count.ToString(CultureInfo.InvariantCulture);
                foreach (var p in _groups[g])
                {
                    TorchNative.Check(TorchNative.rt_optim_state_get(_handle, p.Handle, out var has, out var step, out var a, out var b));
                    if (has != 0)
                    {
                        entries.Add(new($"state.{i}.exp_avg", new Tensor(a)));
                        entries.Add(new($"state.{i}.exp_avg_sq", new Tensor(b)));
                        entries.Add(new($"state.{i}.step", Tensor.FromSpan<long>(new[] { step }, ReadOnlySpan<long>.Empty)));
                    }
                    else
                    {
                        a.Dispose();
                        b.Dispose();
                    }
                    i++;
                }
            }
            return SafeTensors.Serialize(entries, meta);
        }

        /// <summary>Restores state written by <see cref="StateToBytes"/> into an optimiser over the same parameters.</summary>
        public void LoadStateFromBytes(ReadOnlySpan<byte> bytes)
        {
            using var scope = TensorScope.Open();
            var file = SafeTensors.Deserialize(bytes);
            if (file.Metadata.TryGetValue("groups", out var gc) && gc != GroupCount.ToString(CultureInfo.InvariantCulture))
                throw new InvalidDataException($"optimizer state has {gc} parameter groups, this AdamW has {GroupCount}");
            var i = 0;
            for (var g = 0; g < _groups.Count; g++)
            {
                if (file.Metadata.TryGetValue($"group.{g}.size", out var size) && size != _groups[g].Count.ToString(CultureInfo.InvariantCulture))
                    throw new InvalidDataException($"optimizer state group {g} has {size} parameters, this AdamW has {_groups[g].Count}");
                if (file.Metadata.TryGetValue($"group.{g}.lr", out var lr) && file.Metadata.TryGetValue($"group.{g}.weight_decay", out var wd))
                    TorchNative.Check(TorchNative.rt_optim_group_set(_handle, g, double.Parse(lr, CultureInfo.InvariantCulture), double.Parse(wd, CultureInfo.InvariantCulture)));
                foreach (var p in _groups[g])
                {
                    if (file.Tensors.TryGetValue($"state.{i}.exp_avg", out var a)
                        && file.Tensors.TryGetValue($"state.{i}.exp_avg_sq", out var b)
                        && file.Tensors.TryGetValue($"state.{i}.step", out var s))
                        TorchNative.Check(TorchNative.rt_optim_state_set(_handle, p.Handle, s.Item<long>(), a.Handle, b.Handle), $"optimizer state {i}");
                    i++;
                }
            }
        }

        /// <summary>Writes <see cref="StateToBytes"/> to path (temp file + rename).</summary>
        public void SaveState(string path)
        {
            var full = Path.GetFullPath(path);
            var tmp = full + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(tmp, StateToBytes());
            File.Move(tmp, full, overwrite: true);
        }

        /// <summary>Reads state written by <see cref="SaveState"/>.</summary>
        public void LoadState(string path) => LoadStateFromBytes(File.ReadAllBytes(path));

        public void Dispose() => _handle.Dispose();
    }
}
