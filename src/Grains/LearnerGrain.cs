using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Randomness;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// The learner of one run (key: run id), placed on the GPU silo when one declares it: owns the learning policy, its
/// optimizer, the scheduler and the checkpoint, and drives the run inside the cluster. Per iteration: collect D at the
/// current version through the context groups, turn accepted groups into RLOO samples, run the RIPT update on all
/// cores of its own thread, publish the next version, evaluate when due, append the metrics line, checkpoint, report.
/// Deterministic for a seed: a resumed run continues the same stream, so its final weights equal an uninterrupted run's.
/// </summary>
[KeepAlive]
// Never on a worker-only silo: the run directory lives on the learner's host; without a learner silo the client waits for one.
[PreferSiloMetadata($"{SiloMetadataKeys.Gpu}=true", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.Learner}", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.All}")]
public sealed class LearnerGrain(TaskModelCache tasks, PolicyLoader policies, WorkerPool workers, IHostApplicationLifetime lifetime) : Grain, ILearnerGrain
{
    private static readonly ILogger Logger = Log.ForContext<LearnerGrain>();
    private readonly List<RiptMetricsLine> _reports = [];
    private readonly List<GroupEvent> _groups = [];
    private DedicatedThread? _thread;
    private CancellationTokenSource _stop = new();
    private CancellationTokenRegistration _onSiloStopping;
    private Session? _session;
    private RunPhase _phase = RunPhase.Idle;
    private RunFailure _failure;
    private string? _error;
    private RunResult? _result;
    private int _iteration;
    private Guid _sessionId = Guid.NewGuid();

    /// <summary>Threads libtorch uses for the update (rollouts use one per group).</summary>
    public static int UpdateThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Everything of the run in progress; created and disposed on the learner's thread.</summary>
    private sealed class Session(RiptRunOptions run, IReadOnlyList<TaskSpec> specs, PolicyConfig config, IPolicy policy, Optim.AdamW optimizer,
        ContextCatalog contexts, int start, long version, bool resuming, ContextStats[] registry, RunDirectory directory) : IDisposable
    {
        public RiptRunOptions Run { get; } = run;
        public IReadOnlyList<TaskSpec> Specs { get; } = specs;
        public PolicyConfig Config { get; } = config;
        public IPolicy Policy { get; } = policy;
        public Optim.AdamW Optimizer { get; } = optimizer;
        public ContextCatalog Contexts { get; } = contexts;
        public int Start { get; } = start;
        public long Version { get; set; } = version;
        public bool Resuming { get; } = resuming;
        public ContextStats[] Registry { get; } = registry;
        public WeightsBlob? Published { get; set; }

        /// <summary>The run directory's ownership, released with the session or as soon as the silo stops.</summary>
        public RunDirectory Directory { get; } = directory;

        public void Dispose()
        {
            Optimizer.Dispose();
            Policy.Dispose();
            Directory.Dispose();
        }
    }

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _thread = new DedicatedThread($"learner {this.GetPrimaryKeyString()}");
        // A silo that stops (or, in tests, is killed in-process) must not write the run's files any more.
        _onSiloStopping = lifetime.ApplicationStopping.Register(() =>
        {
            _stop.Cancel();
            // Let the learner that resumes the run elsewhere own its directory now; nothing is written here any more.
            _session?.Directory.Dispose();
        });
        return Task.CompletedTask;
    }

    public async Task<RunProgress> StartAsync(RiptRunOptions run, CancellationToken ct)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            _phase = RunPhase.Interrupted;
            return Progress(0, 0);
        }
        var same = _session is not null && _session.Run.OutDirectory == run.OutDirectory && _session.Run.Iterations == run.Iterations;
        // Asked again for the run going on (or just finished) here, e.g. by a client that lost its gateway: report it.
        if (_phase == RunPhase.Running || (_phase == RunPhase.Finished && same))
            return same
                ? Progress(0, 0)
                : Failed(RunFailure.Input, $"learner {this.GetPrimaryKeyString()} already runs {_session!.Run.OutDirectory}");
        if (run.RunId != this.GetPrimaryKeyString())
            return Failed(RunFailure.Input, $"run {run.OutDirectory} has run id {run.RunId}, this learner is {this.GetPrimaryKeyString()}");
        _reports.Clear();
        _groups.Clear();
        _sessionId = Guid.NewGuid();
        (_phase, _failure, _error, _result, _session) = (RunPhase.Idle, RunFailure.None, null, null, null);
        try
        {
            _session = await _thread!.RunAsync(() => Open(run));
            await PublishAsync();
            var registry = GrainFactory.GetGrain<IGrainRegistry>(run.RunId);
            if (_session.Resuming)
                await registry.RestoreAsync(_session.Registry);
        }
        catch (Exception e)
        {
            await CloseSessionAsync();
            return Failed(Classify(e), e.Message);
        }
        _phase = RunPhase.Running;
        _iteration = _session.Start;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        // The loop runs on this activation's scheduler between other calls (progress reads interleave with it).
        _ = RunLoopAsync(_session, _stop.Token);
        return Progress(0, 0);
    }

    public Task<RunProgress> GetProgressAsync(int iterationsSeen, int groupsSeen, CancellationToken ct) =>
        Task.FromResult(Progress(iterationsSeen, groupsSeen));

    public Task CancelAsync()
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }

    public Task<LearnerState> GetState() => Task.FromResult(new LearnerState(this.GetPrimaryKeyString(), _phase, _iteration,
        _session?.Run.Iterations ?? 0, _session?.Version ?? -1, RuntimeIdentity, _error) { OutDirectory = _session?.Run.OutDirectory });

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        _stop.Cancel();
        _onSiloStopping.Dispose();
        if (_thread is not null)
            await _thread.StopAsync();
    }

    /// <summary>Loads the start (or the run's own) checkpoint, the context set and the policy; trims metrics past the checkpoint.</summary>
    private Session Open(RiptRunOptions o)
    {
        o.Ript.Validate();
        if (o.Iterations < 1) throw new ArgumentException($"train.iterations must be ≥ 1, got {o.Iterations}");
        var specs = o.TaskIds.Select(tasks.Spec).ToList();
        // One owner per run directory. A resumed run waits a little for the lock: after a silo dies in-process (tests) or a
        // learner moves, the previous owner may still be closing.
        var directory = RunDirectory.Claim(o.OutDirectory, o.Resume ? RunStart.Resume : o.Force ? RunStart.Force : RunStart.Fresh, "ript train",
            wait: o.Resume ? TimeSpan.FromSeconds(30) : TimeSpan.Zero);
        try
        {
            return Open(o, specs, directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private Session Open(RiptRunOptions o, List<TaskSpec> specs, RunDirectory directory)
    {
        // Resume continues the newest intact checkpoint; with none left it stops rather than silently starting over.
        var latest = o.Resume ? Checkpoint.LoadLatest(o.CheckpointDirectory) : null;
        if (o.Resume && latest is null)
        {
            if (MetricsLog.ReadLines(o.MetricsPath).Count > 0)
                throw new InvalidDataException($"{o.OutDirectory}: metrics.jsonl records iterations but no checkpoint is left to resume from; start over with --force");
            if (string.IsNullOrEmpty(o.StartCheckpoint))
                throw new InvalidDataException($"{o.OutDirectory} holds no run to resume, and no train.checkpoint was given to start one");
            Logger.Information("Run directory {Path} holds no run to resume: starting one", o.OutDirectory);
        }
        var resuming = latest is not null;
        var checkpoint = latest?.Checkpoint ?? Checkpoint.Load(o.StartCheckpoint);
        if (resuming && checkpoint.State.Stage != RiptRun.Stage)
            throw new InvalidDataException($"{o.CheckpointDirectory}: a {checkpoint.State.Stage} checkpoint, not a {RiptRun.Stage} run's");
        var config = checkpoint.Policy with
        {
            Temperature = o.Temperature ?? checkpoint.Policy.Temperature,
            TopK = o.TopK ?? checkpoint.Policy.TopK,
        };
        var start = resuming ? (int)checkpoint.State.Step : 0;
        if (start >= o.Iterations)
            throw new InvalidOperationException($"{o.CheckpointDirectory} already holds iteration {start} of {o.Iterations}; raise train.iterations to go on");
        var contexts = RiptRun.BuildContexts(o, specs, tasks);
        var policy = policies.Load(config, checkpoint.Weights);
        Optim.AdamW optimizer;
        try
        {
            optimizer = RiptUpdate.CreateOptimizer(policy, o.Ript);
            if (resuming && checkpoint.Optimizer is { } state)
                optimizer.LoadStateFromBytes(state);
        }
        catch
        {
            policy.Dispose();
            throw;
        }
        MetricsLog.KeepLines(o.MetricsPath, line => RiptMetricsLine.Parse(line).Iteration < start);
        return new Session(o, specs, config, policy, optimizer, contexts, start, resuming ? checkpoint.State.Version : 0, resuming,
            resuming ? RegistrySnapshot(checkpoint.State) : [], directory);
    }

    /// <summary>The per-context statistics a checkpoint saved; none when it holds another shape (they only feed inspection).</summary>
    private static ContextStats[] RegistrySnapshot(CheckpointState state)
    {
        try
        {
            return state.Custom?.Deserialize<ContextStats[]>() ?? [];
        }
        catch (JsonException e)
        {
            Logger.Warning("The checkpoint's registry snapshot is unreadable ({Error}); per-context statistics start over", e.Message);
            return [];
        }
    }

    private async Task RunLoopAsync(Session s, CancellationToken ct)
    {
        var o = s.Run;
        var runId = o.RunId;
        var registry = GrainFactory.GetGrain<IGrainRegistry>(runId);
        var scheduler = new RolloutScheduler(GrainFactory, s.Contexts, runId, o.Seed, o.Workers)
        {
            Workers = workers,
            SkipSolvedForIterations = o.SkipSolvedIterations,
            BeforeReissue = PublishAsync,
        };
        try
        {
            TaskScore[] before = [];
            if (o.EvalInits > 0 && !s.Resuming)
                before = await _thread!.RunAsync(() => Evaluate(s));
            var after = before;
            double rolloutSeconds = 0, learnerSeconds = 0;
            string? endedEarly = null;
            for (var it = s.Start; it < o.Iterations; it++)
            {
                _iteration = it;
                Torch.Threads = 1;
                Collection collection;
                try
                {
                    collection = await scheduler.CollectAsync(it, s.Version, o.Ript, registry, _groups.Add, ct);
                }
                catch (RiptRejectionException e) when (e.Solved)
                {
                    // Every rollout succeeds: no group can be mixed again, so the run ends here with the weights of the last iteration.
                    endedEarly = $"ended after {it} of {o.Iterations} iterations: {e.Message}";
                    Logger.Information("Run {RunId} {Ended}", runId, endedEarly);
                    if (o.EvalInits > 0) after = await _thread!.RunAsync(() => Evaluate(s));
                    break;
                }
                var iteration = it;
                var updated = await _thread!.RunAsync(() => Update(tasks, s, collection, iteration));
                s.Version++;
                await PublishAsync();
                var last = it == o.Iterations - 1;
                double? eval = null;
                if (o.EvalInits > 0 && (last || (o.EvalEvery > 0 && (it + 1) % o.EvalEvery == 0)))
                {
                    after = await _thread.RunAsync(() => Evaluate(s));
                    eval = after.Average(x => x.SuccessRate);
                }
                var report = updated with { PolicyVersion = s.Version, LearningRate = o.Ript.LearningRate, EvalSuccessRate = eval };
                var stats = await registry.GetContextsAsync(null);
                // Nothing is written once the run is cancelled or its silo stops: the checkpoint stays at the last whole iteration.
                ct.ThrowIfCancellationRequested();
                var (beforeNow, afterNow) = (before, after);
                await _thread.RunAsync(() => Persist(s, report, stats, beforeNow, afterNow));
                rolloutSeconds += report.RolloutSeconds;
                learnerSeconds += report.LearnerSeconds;
                _reports.Add(report);
            }
            _result = new RunResult(before, after, s.Start, rolloutSeconds, learnerSeconds) { EndedEarly = endedEarly };
            _phase = RunPhase.Finished;
        }
        catch (Exception e) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The silo is going away (or was killed): not a failure of the run, which resumes from its checkpoint elsewhere.
            Logger.Warning("Run {RunId} interrupted at iteration {Iteration}: its silo is stopping ({Error})", runId, _iteration, e.Message);
            _phase = RunPhase.Interrupted;
        }
        catch (Exception e)
        {
            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            _failure = cancelled ? RunFailure.Internal : Classify(e);
            _error = cancelled ? $"run {runId} was cancelled at iteration {_iteration} (its checkpoint holds the last whole iteration)" : e.Message;
            _phase = RunPhase.Failed;
            if (!cancelled && _failure != RunFailure.Rejection)
                Logger.Error(e, "Run {RunId} failed at iteration {Iteration}", runId, _iteration);
        }
        finally
        {
            await CloseSessionAsync(keep: true);
        }
    }

    /// <summary>The PPO update on the accepted groups: the collection's metrics with the update's filled in.</summary>
    private static RiptMetricsLine Update(TaskModelCache tasks, Session s, Collection collection, int iteration)
    {
        var learner = Stopwatch.StartNew();
        Torch.Threads = UpdateThreads;
        var samples = ToSamples(tasks, s.Contexts, collection.Accepted);
        var metrics = RiptUpdate.Update(s.Policy, s.Optimizer, samples, s.Run.Ript, new Random(Seeds.UpdateShuffle(s.Run.Seed, iteration)), collection.Metrics);
        Logger.Information("Iteration {Iteration}: v{Version}, loss {Loss:F4}, clip {Clip:F3}, kl {Kl:F5}, {Seconds:F1}s update",
            iteration, s.Version + 1, metrics.PolicyLoss, metrics.ClipFraction, metrics.ApproxKl, learner.Elapsed.TotalSeconds);
        return metrics with { LearnerSeconds = learner.Elapsed.TotalSeconds };
    }

    /// <summary>K samples per accepted group, each with its leave-one-out advantage.</summary>
    private static List<RiptSample> ToSamples(TaskModelCache tasks, ContextCatalog contexts, IReadOnlyList<GroupResult> groups)
    {
        var samples = new List<RiptSample>();
        foreach (var g in groups)
        {
            var instruction = contexts.InstructionOf(g.ContextId);
            // Policies that read named state fields gather them by the task's observation layout.
            var fields = tasks.Get(contexts.Get(g.ContextId).TaskId).Observation.Fields;
            var advantages = RiptUpdate.LeaveOneOutAdvantages(g.Rewards);
            for (var k = 0; k < g.Trajectories.Length; k++)
            {
                var t = g.Trajectories[k];
                var decisions = t.Decisions.Select(d => new ScoredDecision(new PolicyObservation(d.State, d.Images, instruction, fields), d.Tokens, d.Sampled)).ToList();
                samples.Add(new RiptSample(g.ContextId, decisions, t.Decisions.Select(d => d.LogProb).ToArray(), advantages[k], t.Success));
            }
        }
        return samples;
    }

    private static TaskScore[] Evaluate(Session s)
    {
        s.Policy.Train(false);
        return PolicyEvaluation.Run(s.Policy, s.Specs, new EvaluationOptions(s.Run.EvalInits, s.Run.Workers > 0 ? s.Run.Workers : Environment.ProcessorCount)).ToArray();
    }

    private static int Persist(Session s, RiptMetricsLine report, ContextStats[] stats, TaskScore[] before, TaskScore[] after)
    {
        var o = s.Run;
        var iteration = report.Iteration;
        using (var log = new MetricsLog(o.MetricsPath, append: true))
            log.Append(report.ToJson());
        new Checkpoint(s.Config, RiptRun.Training(o), s.Published!.Weights, s.Optimizer.StateToBytes(), new CheckpointState
        {
            Stage = RiptRun.Stage,
            Step = iteration + 1,
            Version = s.Version,
            Custom = JsonSerializer.SerializeToNode(stats),
        }).Save(o.CheckpointDirectory);
        RiptReport.Write(o.ReportPath, o.RunId, RiptMetricsLine.ReadAll(o.MetricsPath), before, after);
        return 0;
    }

    /// <summary>Exports the current version (on the learner's thread) and publishes it to the run's weights grain.</summary>
    private async Task PublishAsync()
    {
        var s = _session ?? throw new InvalidOperationException("no run in progress");
        if (s.Published?.Version != s.Version)
        {
            var version = s.Version;
            s.Published = await _thread!.RunAsync(() =>
            {
                var bytes = s.Policy.ExportWeights(version);
                return new WeightsBlob(s.Run.RunId, version, bytes, Checkpoint.Sha256Hex(bytes), PolicyConfigJson.Serialize(s.Config));
            });
        }
        await GrainFactory.GetGrain<IWeightsGrain>(s.Run.RunId).PublishAsync(s.Published);
    }

    private async Task CloseSessionAsync(bool keep = false)
    {
        var s = _session;
        if (s is null) return;
        if (!keep) _session = null;
        await _thread!.RunAsync(() =>
        {
            s.Dispose();
            return 0;
        });
    }

    private RunProgress Progress(int iterationsSeen, int groupsSeen) => new(_phase,
        _reports.Skip(iterationsSeen).ToArray(), _groups.Skip(groupsSeen).ToArray(), _reports.Count, _groups.Count, _result, _failure, _error,
        _session?.Start ?? 0, _sessionId);

    private RunProgress Failed(RunFailure failure, string error)
    {
        (_phase, _failure, _error) = (RunPhase.Failed, failure, error);
        return Progress(0, 0);
    }

    private static RunFailure Classify(Exception e) => e switch
    {
        RiptRejectionException => RunFailure.Rejection,
        IOException or InvalidDataException or KeyNotFoundException or InvalidOperationException or ArgumentException => RunFailure.Input,
        _ => RunFailure.Internal,
    };
}
