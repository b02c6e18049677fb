using Microsoft.AspNetCore.Http.Metadata;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// A route's own body limit in place of <c>Limits:MaxRequestBodyBytes</c> (a claims file is far larger than a post),
/// applied by <see cref="RequestBodyLimitMiddleware"/>; <see cref="Setting"/> names it in the 413 answer. The limit is
/// read on first use, not when routes are mapped: an invalid setting is then reported by the start-up options check in
/// one line instead of failing route mapping with a stack trace.
/// </summary>
public sealed class RequestBodyLimitMetadata(Func<long> maxBytes, string setting) : IRequestSizeLimitMetadata
{
    private readonly Lazy<long> _maxBytes = new(maxBytes);

    public long? MaxRequestBodySize => _maxBytes.Value;

    public string Setting => setting;
}
