using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Sft;
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
    private sealed class Session(RiptRunOptions run, IReadOnlyList<TaskSpec> specs, PolicyConfig config, IPolicy policy, Optim.AdamW? optimizer,
        IreVlaLearner? ireVla, ContextCatalog contexts, int start, long version, bool resuming, ContextStats[] registry, RunDirectory directory) : IDisposable
    {
        public RiptRunOptions Run { get; } = run;
        public IReadOnlyList<TaskSpec> Specs { get; } = specs;
        public PolicyConfig Config { get; } = config;
        public IPolicy Policy { get; } = policy;

        /// <summary>RIPT's optimizer (RIPT, and the RL iterations of ript-replay); null for iRe-VLA, whose stages own theirs.</summary>
        public Optim.AdamW? Optimizer { get; } = optimizer;

        /// <summary>iRe-VLA's state between iterations (value head, D_RL, D_e), ript-replay's supervised rounds too; null for RIPT.</summary>
        public IreVlaLearner? IreVla { get; } = ireVla;
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
            Optimizer?.Dispose();
            IreVla?.Dispose();
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
        if (o.IreVla?.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems));
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
        if (resuming && checkpoint.State.Stage != o.Algorithm)
            throw new InvalidDataException($"{o.CheckpointDirectory}: a {checkpoint.State.Stage} checkpoint, not a {o.Algorithm} run's (train.algorithm must match the run's)");
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
        Optim.AdamW? optimizer = null;
        IreVlaLearner? ireVla = null;
        try
        {
            if (o.IreVla is { } irevla)
            {
                ireVla = OpenIreVla(o, irevla, specs, policy, checkpoint, start);
                if (o.RiptRl)
                {
                    // ript-replay: RIPT's optimiser runs through every round (the supervised iterations use their own), saved in each checkpoint.
                    optimizer = RiptUpdate.CreateOptimizer(policy, o.Ript);
                    if (resuming && checkpoint.Optimizer is { } state)
                        optimizer.LoadStateFromBytes(state);
                }
                else if (resuming && !irevla.StartsRound(start) && !irevla.IsSupervised(start))
                    ireVla.LoadState(checkpoint.Optimizer ?? throw new InvalidDataException($"{o.CheckpointDirectory}: no iRe-VLA state to continue round {irevla.RoundOf(start)} from"), start);
            }
            else
            {
                optimizer = RiptUpdate.CreateOptimizer(policy, o.Ript);
                if (resuming && checkpoint.Optimizer is { } state)
                    optimizer.LoadStateFromBytes(state);
            }
        }
        catch
        {
            ireVla?.Dispose();
            optimizer?.Dispose();
            policy.Dispose();
            throw;
        }
        MetricsLog.KeepLines(o.MetricsPath, line => RiptMetricsLine.Parse(line).Iteration < start);
        return new Session(o, specs, config, policy, optimizer, ireVla, contexts, start, resuming ? checkpoint.State.Version : 0, resuming,
            resuming ? RegistrySnapshot(checkpoint.State) : [], directory);
    }

    /// <summary>
    /// iRe-VLA's state at <paramref name="start"/>: D_e (the demos of the run's tasks: train.sl_demo_dir, else train.demo_dir,
    /// else the directory the checkpoint's training config names, as many per task as it says unless train.sl_demos does)
    /// and D_RL as the iterations before start built it.
    /// </summary>
    private static IreVlaLearner OpenIreVla(RiptRunOptions o, IreVlaOptions irevla, IReadOnlyList<TaskSpec> specs, IPolicy policy, Checkpoint checkpoint, int start)
    {
        if (policy is not (IFrozenBackbone and ISupervisedStages))
            throw new ArgumentException($"train.algorithm ire-vla needs a policy split into backbone and head (the tokenized or regression family); this checkpoint's policy is a {policy.GetType().Name}");
        DemoDataset? demos = null;
        string? dir = null;
        var perTask = 0;
        if (irevla.DemoReplay)
        {
            var training = checkpoint.Training;
            string? Recorded(string key) => training?[key]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? training[key]!.GetValue<string>() : null;
            int? RecordedInt(string key) => training?[key]?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? training[key]!.GetValue<int>() : null;
            dir = irevla.SlDemoDir ?? o.DemoDirectory ?? Recorded("sl_demo_dir") ?? Recorded("demo_dir")
                ?? throw new ArgumentException($"train.sl_demo_dir is needed: stage 2 replays the expert demos, and the checkpoint {o.StartCheckpoint} records no demo_dir (or turn train.demo_replay off)");
            perTask = irevla.SlDemos > 0 ? irevla.SlDemos : RecordedInt("sl_demos") ?? RecordedInt("demos")
                ?? throw new ArgumentException($"train.sl_demos is needed: the checkpoint {o.StartCheckpoint} records no demos per task");
            demos = DemoDataset.Load(Path.GetFullPath(dir), specs, perTask, policy.Config.Cameras);
            Logger.Information("iRe-VLA D_e: {Episodes} demos ({PerTask} per task) from {Directory}", demos.Episodes, perTask, dir);
        }
        var online = OnlineDataset.Load(o.OnlineDirectory, start);
        return new IreVlaLearner(policy, irevla, o.Seed, demos, online) { DemoDirectory = dir is null ? null : Path.GetFullPath(dir), DemosPerTask = perTask };
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
            // iRe-VLA learns from every rollout: failures train its value head, all-fail groups included. ript-replay keeps
            // the successes of all-success groups for its supervised rounds.
            ShipUniform = o.IreVla is not null,
        };
        try
        {
            TaskScore[] before = [];
            if (o.EvalInits > 0 && !s.Resuming)
                before = await _thread!.RunAsync(() => Evaluate(s));
            var after = before;
            double rolloutSeconds = 0, learnerSeconds = 0;
            string? endedEarly = null;
            // Steps spent before a resume count against the budget too (metrics.jsonl holds the iterations before the checkpoint).
            var simSteps = RiptMetricsLine.ReadAll(o.MetricsPath).Sum(l => l.SimSteps);
            var evaluatedVersion = s.Version;
            for (var it = s.Start; it < o.Iterations; it++)
            {
                // iRe-VLA whose budget ran out inside an RL stage: no more rollouts, straight to the round's supervised iteration.
                if (o.IreVla is { } budgeted && o.SimStepBudget > 0 && simSteps >= o.SimStepBudget && !budgeted.IsSupervised(it))
                {
                    it = budgeted.RoundOf(it) * budgeted.RoundLength + budgeted.RlIterations;
                    if (it >= o.Iterations) break;
                }
                _iteration = it;
                Torch.Threads = 1;
                var iteration = it;
                RiptMetricsLine updated;
                IReadOnlyList<IreVlaTrajectory> added = [];
                if (o.IreVla is { } irevla)
                {
                    // iRe-VLA: an RL iteration collects exactly batch_size rollouts of the round's task(s), every group kept;
                    // the round's last iteration is supervised and runs no rollouts.
                    var round = irevla.RoundOf(it);
                    var task = irevla.JointRounds ? null : s.Specs[round % s.Specs.Count].Id;
                    var line = new RiptMetricsLine { Iteration = it, Round = round, RlTask = task ?? "all" };
                    var ids = task is null ? null : s.Contexts.Ids.Where(id => s.Contexts.Get(id).TaskId == task).ToList();
                    if (irevla.IsSupervised(it))
                        updated = await _thread!.RunAsync(() => SuperviseIreVla(s, iteration, line with { Stage = "sl", RlTask = null }));
                    else if (o.RiptRl)
                    {
                        Collection collection;
                        try
                        {
                            collection = await scheduler.CollectAsync(it, s.Version, o.Ript, registry, _groups.Add, ct, ids);
                        }
                        catch (RiptRejectionException e) when (e.Solved)
                        {
                            // Every rollout of the round's task(s) succeeds: no RIPT update is possible, the round goes on to its supervised iteration.
                            Logger.Information("Run {RunId} iteration {Iteration}: {Reason}; on to round {Round}'s supervised iteration", runId, it, e.Message, round);
                            it = round * irevla.RoundLength + irevla.RlIterations - 1;
                            continue;
                        }
                        (updated, added) = await _thread!.RunAsync(() => UpdateWithReplay(tasks, s, collection, iteration));
                        updated = updated with { Stage = "rl", Round = round, RlTask = task ?? "all" };
                    }
                    else
                    {
                        var collection = await scheduler.CollectAsync(it, s.Version, o.Ript with { DynamicRejection = false }, registry, _groups.Add, ct, ids);
                        (updated, added) = await _thread!.RunAsync(() => ReinforceIreVla(tasks, s, collection, iteration));
                        updated = updated with { Stage = "rl", Round = round, RlTask = task ?? "all" };
                    }
                }
                else
                {
                    Collection collection;
                    try
                    {
                        collection = await scheduler.CollectAsync(it, s.Version, o.Ript, registry, _groups.Add, ct);
                    }
                    catch (RiptRejectionException e) when (e.Solved)
                    {
                        // Every rollout succeeds: no group can be mixed again, so the run ends with the weights of the last iteration.
                        endedEarly = $"ended after {it} of {o.Iterations} iterations: {e.Message}";
                        Logger.Information("Run {RunId} {Ended}", runId, endedEarly);
                        break;
                    }
                    updated = await _thread!.RunAsync(() => Update(tasks, s, collection, iteration));
                }
                s.Version++;
                await PublishAsync();
                simSteps += updated.SimSteps;
                var spent = o.SimStepBudget > 0 && simSteps >= o.SimStepBudget && (o.IreVla is null || o.IreVla.IsSupervised(it));
                if (spent)
                    Logger.Information("Run {RunId}: the budget of {Budget} env steps is spent ({Steps} steps after iteration {Iteration}); ending the run", runId, o.SimStepBudget, simSteps, it);
                var last = it == o.Iterations - 1 || spent;
                double? eval = null;
                if (o.EvalInits > 0 && (last || (o.EvalEvery > 0 && (it + 1) % o.EvalEvery == 0)))
                {
                    after = await _thread.RunAsync(() => Evaluate(s));
                    eval = after.Average(x => x.SuccessRate);
                    evaluatedVersion = s.Version;
                }
                // RIPT's update reports the rate in force (it adapts to the KL it produces)
                var rate = o.IreVla is null ? updated.LearningRate : updated.Stage == "sl" ? o.IreVla.SlLr : o.RiptRl ? updated.LearningRate : o.IreVla.HeadLr;
                var report = updated with { PolicyVersion = s.Version, LearningRate = rate, EvalSuccessRate = eval };
                var stats = await registry.GetContextsAsync(null);
                // Nothing is written once the run is cancelled or its silo stops: the checkpoint stays at the last whole iteration.
                ct.ThrowIfCancellationRequested();
                var (beforeNow, afterNow) = (before, after);
                var addedNow = added;
                await _thread.RunAsync(() => Persist(s, report, stats, beforeNow, afterNow, addedNow));
                rolloutSeconds += report.RolloutSeconds;
                learnerSeconds += report.LearnerSeconds;
                _reports.Add(report);
                if (spent) break;
            }
            // A run that ended before its last scheduled iteration (budget spent, every rollout a success): the final weights
            // still get their evaluation.
            if (o.EvalInits > 0 && evaluatedVersion != s.Version)
                after = await _thread!.RunAsync(() => Evaluate(s));
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

    /// <summary>ript-replay's RL iteration: RIPT's update on the accepted groups; the successes of every group of the version (rejected all-success ones too) join D_RL.</summary>
    private static (RiptMetricsLine Metrics, IReadOnlyList<IreVlaTrajectory> Added) UpdateWithReplay(TaskModelCache tasks, Session s, Collection collection, int iteration)
    {
        var metrics = Update(tasks, s, collection, iteration);
        var successful = collection.Accepted.Concat(collection.Rejected).Where(g => g.Successes > 0).ToList();
        var added = s.IreVla!.Online.AddSuccesses(ToTrajectories(tasks, s.Contexts, successful, s.Policy.ActionDim));
        return (metrics with { OnlineAdded = added.Count, OnlineTrajectories = s.IreVla.Online.Trajectories.Count }, added);
    }

    /// <summary>iRe-VLA stage 1 on every rollout of the collection (groups in issue order): PPO on the head, successes into D_RL.</summary>
    private static (RiptMetricsLine Metrics, IReadOnlyList<IreVlaTrajectory> Added) ReinforceIreVla(TaskModelCache tasks, Session s, Collection collection, int iteration)
    {
        var learner = Stopwatch.StartNew();
        Torch.Threads = UpdateThreads;
        var rollouts = ToTrajectories(tasks, s.Contexts, collection.Accepted, s.Policy.ActionDim);
        var (metrics, added) = s.IreVla!.Reinforce(iteration, rollouts, collection.Metrics);
        Logger.Information("iRe-VLA iteration {Iteration} (RL): v{Version}, policy loss {Loss:F4}, value loss {ValueLoss:F4}, clip {Clip:F3}, {Added} successes into D_RL ({Total}), {Seconds:F1}s update",
            iteration, s.Version + 1, metrics.PolicyLoss, metrics.ValueLoss, metrics.ClipFraction, added.Count, s.IreVla.Online.Trajectories.Count, learner.Elapsed.TotalSeconds);
        return (metrics with { LearnerSeconds = learner.Elapsed.TotalSeconds }, added);
    }

    /// <summary>iRe-VLA stage 2: supervised learning of the whole policy on D_e ∪ D_RL.</summary>
    private static RiptMetricsLine SuperviseIreVla(Session s, int iteration, RiptMetricsLine line)
    {
        var learner = Stopwatch.StartNew();
        Torch.Threads = UpdateThreads;
        var metrics = s.IreVla!.Supervise(iteration, line);
        Logger.Information("iRe-VLA iteration {Iteration} (SL): v{Version}, supervised loss {Loss:F4} over {Steps} steps, {Online:P0} of windows from D_RL, {Seconds:F1}s",
            iteration, s.Version + 1, metrics.SupervisedLoss, metrics.OptimizerSteps, metrics.OnlineFraction, learner.Elapsed.TotalSeconds);
        return metrics with { LearnerSeconds = learner.Elapsed.TotalSeconds };
    }

    /// <summary>Every trajectory of the groups as iRe-VLA reads them: decisions with their observations, and the actions the env executed.</summary>
    private static List<IreVlaTrajectory> ToTrajectories(TaskModelCache tasks, ContextCatalog contexts, IReadOnlyList<GroupResult> groups, int actionDim)
    {
        var rollouts = new List<IreVlaTrajectory>();
        foreach (var g in groups)
        {
            var instruction = contexts.InstructionOf(g.ContextId);
            var taskId = contexts.Get(g.ContextId).TaskId;
            var fields = tasks.Get(taskId).Observation.Fields;
            foreach (var t in g.Trajectories)
            {
                var decisions = t.Decisions.Select(d => new ScoredDecision(new PolicyObservation(d.State, d.Images, instruction, fields), d.Tokens, d.Sampled)).ToList();
                var executed = t.Decisions.SelectMany(d => d.Actions ?? throw new InvalidDataException($"a rollout of {g.ContextId} carries no executed actions (a worker of an older version?)"))
                    .Take(t.Length * actionDim).ToArray();
                if (executed.Length != t.Length * actionDim)
                    throw new InvalidDataException($"a rollout of {g.ContextId} ran {t.Length} steps but its decisions carry {executed.Length / actionDim} executed actions");
                rollouts.Add(new IreVlaTrajectory(taskId, g.ContextId, decisions, t.Decisions.Select(d => d.LogProb).ToArray(), executed, t.Length, t.Success));
            }
        }
        return rollouts;
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

    private static int Persist(Session s, RiptMetricsLine report, ContextStats[] stats, TaskScore[] before, TaskScore[] after, IReadOnlyList<IreVlaTrajectory> added)
    {
        var o = s.Run;
        var iteration = report.Iteration;
        using (var log = new MetricsLog(o.MetricsPath, append: true))
            log.Append(report.ToJson());
        // D_RL's additions first: a crash before the checkpoint leaves a file of an iteration past it, which a resume deletes.
        if (s.IreVla is not null)
            OnlineDataset.Save(o.OnlineDirectory, iteration, added);
        var training = RiptRun.Training(o);
        if (s.IreVla is { DemoDirectory: { } demoDir } learner)
        {
            training["sl_demo_dir"] = demoDir;
            training["sl_demos"] = learner.DemosPerTask;
        }
        new Checkpoint(s.Config, training, s.Published!.Weights, s.Optimizer?.StateToBytes() ?? s.IreVla!.StateToBytes(), new CheckpointState
        {
            Stage = o.Algorithm,
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
