namespace Disclosure.Storage.Changes;

/// <summary>
/// Tells followers on this node (page caches, the search indexer, the outbox) that the change log has grown or the
/// <see cref="PublicRevision"/> moved: the moment a transaction here that did it commits, and when another node's
/// notification of one arrives (<see cref="ChangeListener"/>). Followers still poll the change log, which is what
/// keeps a node correct across restarts and while notifications cannot reach it; the signal only removes the delay.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Raised after a commit that appended to the change log or bumped the public revision.</summary>
    public event Action? Changed;

    /// <summary>Completes at the next signal (or never, until cancelled).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    public void Pulse()
    {
        Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
        Changed?.Invoke();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
