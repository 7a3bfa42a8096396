using System.Threading.Channels;

namespace RiptOrleans.Silo.Hosting;

/// <summary>One grain activation's queue of calls: they run one turn at a time, in arrival order, on the thread pool.</summary>
/// <param name="gate">Limits how many turns of gated grains run at once across the silo (the worker count); null for ungated grains.</param>
internal sealed class Mailbox(SemaphoreSlim? gate)
{
    private readonly Channel<Func<Task>> _calls = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public Task<T> Post<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls.Writer.TryWrite(async () =>
        {
            if (ct.IsCancellationRequested)
            {
                result.TrySetCanceled(ct);
                return;
            }
            try
            {
                result.TrySetResult(await call());
            }
            catch (OperationCanceledException e)
            {
                result.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                result.TrySetException(e);
            }
        });
        lock (_calls)
            _loop ??= Task.Run(RunAsync);
        return result.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var call in _calls.Reader.ReadAllAsync())
        {
            if (gate is not null) await gate.WaitAsync();
            try
            {
                // A turn runs to completion on a pool thread before the next one starts.
                await Task.Run(call);
            }
            finally
            {
                gate?.Release();
            }
        }
    }

    /// <summary>Accepts no more calls and waits for the queued ones.</summary>
    public Task CloseAsync()
    {
        _calls.Writer.TryComplete();
        lock (_calls)
            return _loop ?? Task.CompletedTask;
    }
}
