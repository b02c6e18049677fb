namespace HoaxScreen.Api.Modeling;

/// <summary>
/// The served model's snapshot. One field read with <see cref="Volatile"/>, so a request takes a consistent model
/// without locks and keeps scoring with it to the end, even if a reload swaps in another meanwhile. Loading, checking
/// and deciding when to swap are <see cref="ModelReloader"/>'s.
/// </summary>
public sealed class ModelHolder
{
    private LoadedModel? _current;

    /// <summary>The model being served; throws if called before start-up loaded one.</summary>
    public LoadedModel Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("No model is loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>Makes <paramref name="next"/> current in one atomic exchange; returns the model it replaced, if any.</summary>
    public LoadedModel? Swap(LoadedModel next) => Interlocked.Exchange(ref _current, next);
}
