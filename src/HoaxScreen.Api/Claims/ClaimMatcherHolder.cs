using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary>
/// The matcher in service: built from the store's snapshot and the trained matcher folder, with the serving model's
/// normaliser, and rebuilt whole when the store's revision moves, then swapped in atomically (a request matches against
/// one snapshot). Null while matching is off. It also holds the service's one <see cref="ClaimStore"/>, which the claims
/// routes read and write: the shared PostgreSQL database when <c>ConnectionStrings:HoaxScreen</c> is set, else the
/// SQLite file of <c>Claims:Path</c>.
/// </summary>
public sealed class ClaimMatcherHolder(
    IOptions<ClaimsOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment, ModelHolder models, ILogger<ClaimMatcherHolder> logger)
{
    private readonly ClaimsOptions _options = options.Value;
    private readonly Lock _refreshGate = new();
    private readonly OpenedOnFirstUse<ClaimStore> _store = new(() => ClaimStore.Open(
        database.Value.StoreLocation(() => ClaimsOptionsValidator.ResolveStore(options.Value, environment.ContentRootPath))));
    private ClaimMatcher? _current;
    private long _revision = -1;

    public ClaimMatcher? Current => Volatile.Read(ref _current);

    public bool Enabled => _options.Enabled || database.Value.Shared;

    /// <summary>The store, opened on first use; null while matching is off.</summary>
    /// <exception cref="ClaimStoreException">The store cannot be opened.</exception>
    public ClaimStore? Store => Enabled ? _store.Value : null;

    /// <summary>Rebuilds the matcher when the store changed since the last build; false when nothing had to change.</summary>
    public bool Refresh()
    {
        if (!Enabled)
        {
            return false;
        }

        lock (_refreshGate)
        {
            var store = Store!;
            if (store.Revision == _revision && _current is not null)
            {
                return false;
            }

            var snapshot = store.Snapshot();
            var folder = ClaimsOptionsValidator.ResolveMatcher(_options, environment.ContentRootPath)
                ?? throw new InvalidOperationException($"Claims:MatcherPath '{_options.MatcherPath}' is not a trained matcher folder.");
            var matcher = ClaimMatcher.Load(folder, snapshot.Claims, models.Current.Model.Normalizer);
            Volatile.Write(ref _current, matcher);
            _revision = snapshot.Revision;
            logger.ClaimMatcherBuilt(matcher.Count, snapshot.Revision);
            return true;
        }
    }
}
