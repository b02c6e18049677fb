using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary>
/// Builds the matcher before the service takes requests, then checks the store's revision every
/// <c>Claims:RefreshSeconds</c>, so an import (<c>claims import</c>, another replica's admin import) applies without a
/// restart. A failed rebuild keeps the previous matcher and is retried at the next check.
/// </summary>
public sealed class ClaimStoreWatcher(ClaimMatcherHolder holder, IOptions<ClaimsOptions> options, ILogger<ClaimStoreWatcher> logger) : StorePollingService
{
    protected override bool Enabled => holder.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    protected override void Refresh() => holder.Refresh();

    protected override void RefreshFailed(string reason) => logger.ClaimMatcherRefreshFailed(reason);
}
