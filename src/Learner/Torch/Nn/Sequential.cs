namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>A chain of tensor modules applied in order, registered as "0", "1", … (PyTorch's keys).</summary>
    public sealed class Sequential : Module<Tensor, Tensor>
    {
        private readonly List<Module<Tensor, Tensor>> _layers = new();

        public Sequential(params Module<Tensor, Tensor>[] layers)
        {
            foreach (var l in layers) Add(l);
        }

        /// <summary>Appends a module under the next index; returns this.</summary>
        public Sequential Add(Module<Tensor, Tensor> layer)
        {
            Register(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);
            _layers.Add(layer);
            return this;
        }

        public int Count => _layers.Count;

        public Module<Tensor, Tensor> this[int index] => _layers[index];

        /// <summary>Applies each layer; intermediate results are disposed as soon as the next exists.</summary>
        public override Tensor Forward(Tensor input)
        {
            var x = input;
            foreach (var layer in _layers)
            {
                var y = layer.Forward(x);
                if (!ReferenceEquals(x, input) && !ReferenceEquals(x, y)) x.Dispose();
                x = y;
            }
            return ReferenceEquals(x, input) ? input.Alias() : x;
        }
    }

    /// <summary>An activation function as a module (no parameters).</summary>
    public sealed class Activation : Module<Tensor, Tensor>
    {
        private readonly Func<Tensor, Tensor> _f;

        public Activation(Func<Tensor, Tensor> f) => _f = f;

        public static Activation Relu() => new(x => x.Relu());
        public static Activation Gelu() => new(x => x.Gelu());
        public static Activation Silu() => new(x => x.Silu());
        public static Activation Tanh() => new(x => x.Tanh());
        public static Activation Sigmoid() => new(x => x.Sigmoid());

        public override Tensor Forward(Tensor input) => _f(input);
    }

    /// <summary>Dropout with probability p while the module is training.</summary>
    public sealed class Dropout : Module<Tensor, Tensor>
    {
        private readonly double _p;
        private readonly Generator? _generator;

        public Dropout(double p = 0.5, Generator? generator = null)
        {
            _p = p;
            _generator = generator;
        }

        public override Tensor Forward(Tensor input) => Functional.Dropout(input, _p, IsTraining, _generator);
    }
}
