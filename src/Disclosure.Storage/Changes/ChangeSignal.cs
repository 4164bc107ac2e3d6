namespace Disclosure.Storage.Changes;

/// <summary>
/// Tells followers on this node (page caches, the search indexer) that the change log has grown, the moment the
/// transaction that grew it commits. Followers still poll the change log, which is what keeps other nodes and
/// restarts correct; the signal only removes the polling delay for changes made here.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Raised after a commit that appended to the change log.</summary>
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
