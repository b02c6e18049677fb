namespace HoaxScreen.Api.Hosting;

/// <summary>
/// A store (or any resource) opened on first use, once, thread-safe. Unlike <see cref="Lazy{T}"/> a failed open is not
/// remembered: the next use tries again, so a store whose folder appears later opens then.
/// </summary>
public sealed class OpenedOnFirstUse<T>(Func<T> open)
    where T : class
{
    private readonly Lock _gate = new();
    private T? _value;

    public T Value
    {
        get
        {
            if (Volatile.Read(ref _value) is { } value)
            {
                return value;
            }

            // Its own gate: a caller may hold a longer lock (a matcher rebuild) while it asks for the store.
            lock (_gate)
            {
                if (_value is null)
                {
                    Volatile.Write(ref _value, open());
                }

                return _value;
            }
        }
    }
}
