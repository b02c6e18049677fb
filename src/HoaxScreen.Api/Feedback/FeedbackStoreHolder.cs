using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Feedback;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>The service's one <see cref="FeedbackStore"/>, opened on first use; null while <c>Feedback:Path</c> is not set.</summary>
public sealed class FeedbackStoreHolder(IOptions<FeedbackOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    private readonly FeedbackOptions _options = options.Value;
    private readonly OpenedOnFirstUse<FeedbackStore> _store = new(() => FeedbackStore.Open(FeedbackOptionsValidator.ResolveStore(options.Value, environment.ContentRootPath), clock));

    public bool Enabled => _options.Enabled;

    public int RetentionDays => _options.RetentionDays;

    /// <exception cref="FeedbackStoreException">The store cannot be opened.</exception>
    public FeedbackStore? Store => _options.Enabled ? _store.Value : null;
}
