using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Journeyscope.Server.Collector;

/// <summary>
/// Reads a collector request body and undoes the encodings the SDKs use: gzip (header, <c>compression</c> query or
/// magic bytes), base64, and PostHog's form <c>data=&lt;base64&gt;</c>. Every stage is bounded by the same limit, so a
/// gzip bomb stops at the limit.
/// </summary>
internal static class CollectorBody
{
    /// <summary>Reads and decodes the body of <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The largest body accepted, raw and decoded, bytes.</param>
    /// <param name="cancellationToken">The request's token.</param>
    /// <returns>The JSON bytes, or why they could not be had.</returns>
    public static async Task<DecodedBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        byte[] raw;
        try
        {
            raw = await ReadBoundedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DecodedBody.TooLarge(limit);
        }

        if (raw.Length > limit)
        {
            return DecodedBody.TooLarge(limit);
        }

        var compression = request.Query["compression"].ToString();
        if (string.Equals(compression, "lz64", StringComparison.OrdinalIgnoreCase))
        {
            return DecodedBody.Unsupported("LZ-string bodies (compression=lz64) are not supported: configure the SDK for gzip or no compression.");
        }

        try
        {
            var bytes = raw;
            if (StartsWith(bytes, "data="u8))
            {
                // PostHog's form body: data=<url-encoded base64 of JSON or of gzip>.
                var text = Uri.UnescapeDataString(Encoding.ASCII.GetString(bytes, 5, bytes.Length - 5).Replace('+', ' '));
                var end = text.IndexOf('&', StringComparison.Ordinal);
                bytes = FromBase64(end < 0 ? text : text[..end]);
            }
            else if (bytes.Length > 0 && !IsGzip(bytes) && LooksLikeBase64(bytes))
            {
                bytes = FromBase64(Encoding.ASCII.GetString(bytes));
            }

            // gzip is recognised by its magic bytes, whatever the headers say (Content-Encoding, ?compression=gzip-js).
            if (IsGzip(bytes))
            {
                bytes = await GunzipAsync(bytes, limit, cancellationToken).ConfigureAwait(false);
                if (bytes.Length > limit)
                {
                    return DecodedBody.TooLarge(limit);
                }
            }

            return DecodedBody.Of(bytes);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or UriFormatException)
        {
            return DecodedBody.Invalid("The body could not be decoded (gzip or base64): " + e.Message);
        }
    }

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static bool StartsWith(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);

    /// <summary>A body that is not JSON (does not start with '{' or '[' after white space) and only holds base64 characters.</summary>
    private static bool LooksLikeBase64(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.TrimStart(" \t\r\n"u8);
        if (trimmed.Length == 0 || trimmed[0] == (byte)'{' || trimmed[0] == (byte)'[')
        {
            return false;
        }

        foreach (var b in trimmed)
        {
            var ok = b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'-' or (byte)'_' or (byte)'\r' or (byte)'\n';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] FromBase64(string text)
    {
        var clean = text.Trim().Replace('-', '+').Replace('_', '/').Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal).Replace(' ', '+');
        var padding = (4 - (clean.Length % 4)) % 4;
        return Convert.FromBase64String(padding == 0 ? clean : clean + new string('=', padding));
    }

    private static async Task<byte[]> GunzipAsync(byte[] bytes, long limit, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(bytes, writable: false);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        return await ReadBoundedAsync(gzip, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes: a result longer than the limit means "too large".</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (output.Length <= limit)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit + 1 - output.Length)), cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}

/// <summary>A decoded collector body, or why there is none.</summary>
internal sealed record DecodedBody(byte[]? Json, DecodeFailure Failure, string? Detail)
{
    public static DecodedBody Of(byte[] json) => new(json, DecodeFailure.None, null);

    public static DecodedBody TooLarge(long limit) => new(null, DecodeFailure.TooLarge, $"The body is larger than {limit:N0} bytes (decoded): send smaller batches.");

    public static DecodedBody Invalid(string detail) => new(null, DecodeFailure.Invalid, detail);

    public static DecodedBody Unsupported(string detail) => new(null, DecodeFailure.Unsupported, detail);
}

/// <summary>Why a collector body could not be decoded.</summary>
internal enum DecodeFailure
{
    None,
    TooLarge,
    Invalid,
    Unsupported,
}
