using System.Threading.RateLimiting;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// One caller's share of a lane: a permit from the caller's own concurrency limiter, then one from the lane's limiter
/// that every caller shares. The lease holds both. Disposing this limiter (the rate limiter drops idle callers) disposes
/// only the caller's part: the lane outlives its callers.
/// </summary>
internal sealed class CallerShareLimiter(ConcurrencyLimiter caller, RateLimiter lane) : RateLimiter
{
    public override TimeSpan? IdleDuration => caller.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => caller.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var own = caller.AttemptAcquire(permitCount);
        if (!own.IsAcquired)
        {
            return own;
        }

        var shared = lane.AttemptAcquire(permitCount);
        return Combine(own, shared);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var own = await caller.AcquireAsync(permitCount, cancellationToken);
        if (!own.IsAcquired)
        {
            return own;
        }

        RateLimitLease shared;
        try
        {
            shared = await lane.AcquireAsync(permitCount, cancellationToken);
        }
        catch
        {
            own.Dispose();
            throw;
        }

        return Combine(own, shared);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            caller.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => caller.DisposeAsync();

    private static RateLimitLease Combine(RateLimitLease own, RateLimitLease shared)
    {
        if (shared.IsAcquired)
        {
            return new BothLease(own, shared);
        }

        own.Dispose();
        return shared;
    }

    private sealed class BothLease(RateLimitLease own, RateLimitLease shared) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                own.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
