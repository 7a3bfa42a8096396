using System.CommandLine;
using System.Globalization;
using RiptOrleans.Learner.Configuration;
using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Cli;

[Trait("Category", "Fast")]
public sealed class OptionsBinderTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-binder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainOptions BindTrain(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var command = new Command("train");
        TrainCommand.Binder.AddTo(command);
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0) throw new FormatException(parse.Errors[0].Message);
        return TrainCommand.Binder.Bind(parse, environment);
    }

    private static SftOptions BindSft(params string[] args)
    {
        var command = new Command("sft");
        SftCommand.Binder.AddTo(command);
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0) throw new FormatException(parse.Errors[0].Message);
        return SftCommand.Binder.Bind(parse, NoEnvironment);
    }

    private string Config(string json)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Bind_NothingGiven_IsTheRecordsDefaults() =>
        Assert.Equal(new RiptOptions().LearningRate, BindTrain(NoEnvironment).Ript.LearningRate);

    [Fact]
    public void Bind_FlagOverEnvironmentOverConfig_LastSourceWins()
    {
        var config = Config("""{"learning_rate": 1e-4, "epochs": 3, "k": 4}""");
        var environment = new Dictionary<string, string> { ["RIPT_TRAIN_LEARNING_RATE"] = "2e-4", ["RIPT_TRAIN_EPOCHS"] = "5" };

        var o = BindTrain(environment, "--config", config, "--lr", "3e-4");

        Assert.Equal((3e-4, 5, 4), (o.Ript.LearningRate, o.Ript.Epochs, o.Ript.K));
    }

    [Fact]
    public void Bind_GroupKeysFlatInTheConfig_LandInTheGroup()
    {
        var o = BindTrain(NoEnvironment, "--config", Config("""{"k": 16, "batch_size": 32, "ratio": "per_decision", "iterations": 3}"""));

        Assert.Equal((16, 32, RatioMode.PerDecision, 3), (o.Ript.K, o.Ript.BatchSize, o.Ript.Ratio, o.Iterations));
    }

    [Fact]
    public void Bind_UnknownConfigKey_IsRefusedNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(() => BindTrain(NoEnvironment, "--config", Config("""{"learning_rte": 1e-4}""")));

        Assert.Contains("learning_rte", e.Message);
    }

    [Fact]
    public void Bind_TaskFlag_ClearsAConfiguredSuite()
    {
        var o = BindTrain(NoEnvironment, "--config", Config("""{"suite": "metaworld-mini"}"""), "--task", "reach");

        Assert.Equal(("reach", (string?)null), (o.Task, o.Suite));
    }

    [Fact]
    public void Bind_SuiteFlag_ClearsAConfiguredTask()
    {
        var o = BindTrain(NoEnvironment, "--config", Config("""{"task": "reach"}"""), "-s", "libero-goal");

        Assert.Equal(((string?)null, "libero-goal"), (o.Task, o.Suite));
    }

    [Fact]
    public void Bind_GroupLearningRates_ParsesNameValuePairs()
    {
        var o = BindTrain(NoEnvironment, "--group-lr", "head=1e-5", "--group-lr", "trunk=2e-6");

        Assert.Equal(new Dictionary<string, double> { ["head"] = 1e-5, ["trunk"] = 2e-6 }, o.Ript.GroupLearningRates);
    }

    [Fact]
    public void Bind_BooleanWithValue_TurnsADefaultOff() =>
        Assert.False(BindTrain(NoEnvironment, "--dynamic-rejection", "false").Ript.DynamicRejection);

    [Fact]
    public void Bind_IreVlaFlags_SetTheAlgorithmAndItsGroup()
    {
        var o = BindTrain(NoEnvironment, "--algorithm", "ire-vla", "--rl-iterations", "3", "--gamma", "0.995", "--demo-replay", "false", "--joint-rounds", "true");

        Assert.Equal("ire-vla", o.Algorithm);
        Assert.Equal(new IreVlaOptions { RlIterations = 3, Gamma = 0.995, DemoReplay = false, JointRounds = true }, o.IreVla);
    }

    [Fact]
    public void Bind_BooleanFlagsNotGiven_KeepTheirTrueDefaults()
    {
        // System.CommandLine gives an absent bool option an implicit result of false; it must not count as given.
        Assert.True(BindTrain(NoEnvironment).Ript.DynamicRejection);
        Assert.Equal(new IreVlaOptions(), BindTrain(NoEnvironment, "--algorithm", "ire-vla").IreVla);
    }

    [Fact]
    public void Validate_UnknownAlgorithm_NamesTheFieldAndTheValue() =>
        Assert.Contains(BindTrain(NoEnvironment, "--checkpoint", "c", "--task", "t", "--algorithm", "ppo").Validate(), e => e.Contains("train.algorithm") && e.Contains("'ppo'"));

    [Fact]
    public void Bind_ListFlag_TakesEveryValue() =>
        Assert.Equal([8, 8, 8], BindSft("--fsq-levels", "8", "8", "8").FsqLevels);

    [Theory]
    [InlineData("--checkpoint"), InlineData("--task"), InlineData("-t"), InlineData("--suite"), InlineData("-s"), InlineData("--demo-dir"),
     InlineData("--contexts-per-task"), InlineData("--out"), InlineData("-o"), InlineData("--iterations"), InlineData("--k"), InlineData("--batch-size"),
     InlineData("--epochs"), InlineData("--minibatch-size"), InlineData("--clip-epsilon"), InlineData("--lr"), InlineData("--group-lr"), InlineData("--ratio"),
     InlineData("--dynamic-rejection"), InlineData("--temperature"), InlineData("--top-k"), InlineData("--seed"), InlineData("--workers"),
     InlineData("--eval-every"), InlineData("--eval-inits"), InlineData("--skip-solved-iterations"), InlineData("--resume"), InlineData("--force"),
     InlineData("--config"), InlineData("-c")]
    public void TrainFlags_EarlierNames_StillExist(string flag) =>
        Assert.Contains(TrainCommand.Binder.Options, o => o.Name == flag || o.Aliases.Contains(flag));

    [Theory]
    [InlineData("--demo-dir"), InlineData("--suite"), InlineData("--task"), InlineData("--demos"), InlineData("--policy"), InlineData("--cameras"),
     InlineData("--steps"), InlineData("--autoencoder-steps"), InlineData("--scale-steps"), InlineData("--batch-size"), InlineData("--lr"),
     InlineData("--chunk-length"), InlineData("--execute-steps"), InlineData("--d-model"), InlineData("--eval-every"), InlineData("--eval-inits"),
     InlineData("--eval-threads"), InlineData("--log-every"), InlineData("--init-from"), InlineData("--out"), InlineData("--seed"), InlineData("--force")]
    public void SftFlags_EarlierNames_StillExist(string flag) =>
        Assert.Contains(SftCommand.Binder.Options, o => o.Name == flag || o.Aliases.Contains(flag));

    [Theory]
    [InlineData(typeof(TrainOptions)), InlineData(typeof(RiptOptions)), InlineData(typeof(IreVlaOptions)), InlineData(typeof(SftOptions))]
    public void OptionsRecord_EverySettableProperty_IsDeclared(Type type) => Assert.Empty(OptionRules.Undeclared(type));

    public static TheoryData<string> TrainNumericFlags() => [.. NumericFlags(typeof(TrainOptions))];
    public static TheoryData<string> SftNumericFlags() => [.. NumericFlags(typeof(SftOptions))];

    private static IEnumerable<string> NumericFlags(Type type) => OptionRules.Of(type)
        .Where(d => !d.Option.ConfigOnly && ElementType(d) is var t && (t == typeof(double) || t == typeof(int) || t == typeof(long) || t == typeof(ulong)))
        .Select(d => d.Flag);

    /// <summary>The number type an option holds: itself, a list's element or a map's value.</summary>
    private static Type ElementType(OptionRules.Declared d)
    {
        var t = Nullable.GetUnderlyingType(d.Property.PropertyType) ?? d.Property.PropertyType;
        return t.IsGenericType ? t.GetGenericArguments()[^1] : t;
    }

    [Theory]
    [MemberData(nameof(TrainNumericFlags))]
    public void Validate_EveryTrainNumber_RefusesNonFiniteAndOutOfRangeValues(string flag)
    {
        var d = OptionRules.Of(typeof(TrainOptions)).Single(x => x.Flag == flag);
        foreach (var bad in BadValues(d))
        {
            var o = BindTrain(NoEnvironment, "--checkpoint", "c", "--task", "reach", flag, bad);
            Assert.Contains(o.Validate(), e => e.Contains($"train.{d.JsonKey}") && e.Contains(flag));
        }
    }

    [Theory]
    [MemberData(nameof(SftNumericFlags))]
    public void Validate_EverySftNumber_RefusesNonFiniteAndOutOfRangeValues(string flag)
    {
        var d = OptionRules.Of(typeof(SftOptions)).Single(x => x.Flag == flag);
        foreach (var bad in BadValues(d))
        {
            var o = BindSft("--task", "reach", flag, bad);
            Assert.Contains(o.Validate(), e => e.Contains($"sft.{d.JsonKey}") && e.Contains(flag));
        }
    }

    /// <summary>Values the option must refuse: NaN and ±∞ where it holds reals, and a value past each declared bound.</summary>
    private static IEnumerable<string> BadValues(OptionRules.Declared d)
    {
        var element = ElementType(d);
        var isMap = d.Property.PropertyType.IsGenericType && d.Property.PropertyType.GetGenericArguments().Length == 2;
        string Wrap(double v) => (isMap ? "head=" : "") + v.ToString("R", CultureInfo.InvariantCulture);
        if (element == typeof(double))
        {
            yield return isMap ? "head=NaN" : "NaN";
            yield return isMap ? "head=Infinity" : "Infinity";
            yield return isMap ? "head=-Infinity" : "-Infinity";
        }
        if (!double.IsNegativeInfinity(d.Option.Min) && !(element == typeof(ulong) && d.Option.Min <= 0))
            yield return Wrap(d.Option.MinExclusive ? d.Option.Min : d.Option.Min - 1);
        if (!double.IsPositiveInfinity(d.Option.Max))
            yield return Wrap(d.Option.MaxExclusive ? d.Option.Max : d.Option.Max * 2 + 1);
    }

    [Fact]
    public void Validate_ANumberWithoutDeclaredRange_StillRefusesNaN()
    {
        var o = new TrainOptions { Checkpoint = "c", Task = "reach", Ript = new RiptOptions { MaxLogRatio = double.NaN } };

        Assert.Contains(o.Validate(), e => e.StartsWith("train.max_log_ratio must be a finite number"));
    }
}
