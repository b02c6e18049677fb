namespace HoaxScreen.Api.Limits;

/// <summary>
/// A read-only view of the request body that throws a 413 <see cref="BadHttpRequestException"/> once more than
/// <c>limit</c> bytes have been read, and remembers that it did. Asynchronous reads also observe the request's
/// <see cref="HttpContext.RequestAborted"/> as it is when they run (the request-timeout middleware replaces it), so a body
/// that stalls cannot outlast the request timeout even when its reader passes no token.
/// </summary>
internal sealed class LimitedRequestStream(Stream inner, long limit, HttpContext context) : Stream
{
    public long BytesRead { get; private set; }

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(Guard(() => inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(inner.Read(buffer));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var aborted = context.RequestAborted;
        CancellationTokenSource? linked = null;
        if (cancellationToken.CanBeCanceled && aborted.CanBeCanceled && cancellationToken != aborted)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted);
        }

        try
        {
            return Count(await inner.ReadAsync(buffer, linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : aborted)));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
        finally
        {
            linked?.Dispose();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Guard(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
    }

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > limit)
        {
            Exceeded = true;
            throw new BadHttpRequestException(
                $"The request body is larger than the limit of {limit:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return read;
    }
}
