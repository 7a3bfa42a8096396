using System.Net;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Hosting;
using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Inspection;

/// <summary>
/// An embedded silo serving the dashboard and inspection pages, with one finished 2-iteration run of
/// metaworld-mini/reach on it: trained once for all the inspection tests, which only read it.
/// </summary>
public sealed class InspectedRunFixture : IAsyncLifetime
{
    public const string Task = "metaworld-mini/reach";
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-pages-").FullName;

    private EmbeddedSilo? _silo;

    /// <summary>Where the silo serves its pages (http://127.0.0.1:port).</summary>
    public string WebUrl => _silo!.WebUrl!;

    public string RunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(new SiloSettings { Web = new WebEndpoint(IPAddress.Loopback, 0) });
        var run = new RiptRunOptions(Path.Combine(_dir, "paged"), [Task], UntrainedCheckpoint.Save(Path.Combine(_dir, "start"), Task),
            new RiptOptions { K = 4, BatchSize = 8, Epochs = 1, MinibatchSize = 4, DynamicRejection = false }, 2)
        {
            ContextsPerTask = 3, EvalInits = 0, Workers = 2, Seed = 2,
        };
        RunId = run.RunId;
        await RunClient.RunAsync(_silo.Grains, run, null, null, default).WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
