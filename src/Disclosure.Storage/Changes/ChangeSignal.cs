namespace Disclosure.Storage.Changes;

/// <summary>
/// Tells followers on this node (page caches, the search indexer) that the change log has grown or the
/// <see cref="PublicRevision"/> moved, the moment the transaction that did it commits. Followers still poll the change log, which is what keeps other nodes and
/// restarts correct; the signal only removes the polling delay for changes made here.
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
