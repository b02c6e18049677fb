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
/// one snapshot). Null while matching is off.
/// </summary>
public sealed class ClaimMatcherHolder(IOptions<ClaimsOptions> options, IHostEnvironment environment, ModelHolder models, ILogger<ClaimMatcherHolder> logger)
{
    private readonly ClaimsOptions _options = options.Value;
    private readonly Lock _refreshGate = new();
    private ClaimStore? _store;
    private ClaimMatcher? _current;
    private long _revision = -1;

    public ClaimMatcher? Current => Volatile.Read(ref _current);

    public bool Enabled => _options.Enabled;

    /// <summary>Rebuilds the matcher when the store changed since the last build; false when nothing had to change.</summary>
    public bool Refresh()
    {
        if (!_options.Enabled)
        {
            return false;
        }

        lock (_refreshGate)
        {
            _store ??= ClaimStore.Open(ClaimsOptionsValidator.ResolveStore(_options, environment.ContentRootPath));
            if (_store.Revision == _revision && _current is not null)
            {
                return false;
            }

            var snapshot = _store.Snapshot();
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
