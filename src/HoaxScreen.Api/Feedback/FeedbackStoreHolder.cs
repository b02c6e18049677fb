using HoaxScreen.Api.Options;
using HoaxScreen.Core.Feedback;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>The service's one <see cref="FeedbackStore"/>, opened on first use; null while <c>Feedback:Path</c> is not set.</summary>
public sealed class FeedbackStoreHolder(IOptions<FeedbackOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    private readonly FeedbackOptions _options = options.Value;
    private readonly Lock _gate = new();
    private FeedbackStore? _store;

    public bool Enabled => _options.Enabled;

    public int RetentionDays => _options.RetentionDays;

    /// <exception cref="FeedbackStoreException">The store cannot be opened.</exception>
    public FeedbackStore? Store
    {
        get
        {
            if (!_options.Enabled)
            {
                return null;
            }

            if (Volatile.Read(ref _store) is { } store)
            {
                return store;
            }

            lock (_gate)
            {
                if (_store is null)
                {
                    Volatile.Write(ref _store, FeedbackStore.Open(FeedbackOptionsValidator.ResolveStore(_options, environment.ContentRootPath), clock));
                }

                return _store;
            }
        }
    }
}
