using System.Collections.Concurrent;

namespace RiptOrleans.Grains;

/// <summary>
/// One OS thread that runs queued work in order, for a grain's CPU-bound native work (rollouts, updates): the grain's
/// turn awaits the returned task, so the Orleans thread pool is never blocked (blocking it delays every silo message).
/// Thread-bound state (GL render contexts, libtorch grad mode, tensor scopes) lives on it for the grain's lifetime.
/// </summary>
public sealed class DedicatedThread
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    /// <param name="onExit">Runs on the thread as it ends (frees its thread-bound resources).</param>
    public DedicatedThread(string name, Action? onExit = null)
    {
        _thread = new Thread(() =>
        {
            try
            {
                foreach (var work in _work.GetConsumingEnumerable())
                    work();
            }
            finally
            {
                try
                {
                    onExit?.Invoke();
                }
                finally
                {
                    _exited.TrySetResult();
                }
            }
        }) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Queues work; the task completes (on the awaiting grain's scheduler) with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(() =>
            {
                try
                {
                    done.TrySetResult(work());
                }
                catch (OperationCanceledException e)
                {
                    done.TrySetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    done.TrySetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            done.TrySetException(new ObjectDisposedException(_thread.Name, "the grain's worker thread has stopped"));
        }
        return done.Task;
    }

    /// <summary>Accepts no more work; completes once the queued work has run and the thread has exited.</summary>
    public Task StopAsync()
    {
        _work.CompleteAdding();
        return _exited.Task;
    }
}
