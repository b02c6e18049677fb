using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.TermLists;

/// <summary>
/// Builds the term-list matcher before requests come, then checks the store every <c>TermLists:RefreshSeconds</c>, so a
/// list changed through another replica (or a model reload) applies without a restart.
/// </summary>
public sealed class TermListStoreWatcher(TermListMatcherHolder holder, IOptions<TermListsOptions> options, ILogger<TermListStoreWatcher> logger) : StorePollingService
{
    protected override bool Enabled => holder.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    protected override void Refresh() => holder.Refresh();

    protected override void RefreshFailed(string reason) => logger.TermListRefreshFailed(reason);
}
