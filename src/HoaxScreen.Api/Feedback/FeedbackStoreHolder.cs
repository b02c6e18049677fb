using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Feedback;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>
/// The service's one <see cref="FeedbackStore"/>, opened on first use: the shared PostgreSQL database when
/// <c>ConnectionStrings:HoaxScreen</c> is set, else the SQLite file of <c>Feedback:Path</c>; null while neither is set.
/// </summary>
public sealed class FeedbackStoreHolder(IOptions<FeedbackOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment, TimeProvider clock)
{
    private readonly FeedbackOptions _options = options.Value;
    private readonly OpenedOnFirstUse<FeedbackStore> _store = new(() => FeedbackStore.Open(
        database.Value.StoreLocation(() => FeedbackOptionsValidator.ResolveStore(options.Value, environment.ContentRootPath)), clock));

    public bool Enabled => _options.Enabled || database.Value.Shared;

    public int RetentionDays => _options.RetentionDays;

    /// <exception cref="FeedbackStoreException">The store cannot be opened.</exception>
    public FeedbackStore? Store => Enabled ? _store.Value : null;
}
