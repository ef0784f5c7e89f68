namespace Journeyscope.Identity;

/// <summary>
/// Ids that SDKs and applications send when they have no real id (<c>null</c>, <c>undefined</c>, <c>anonymous</c>,
/// <c>0</c>, <c>guest</c>, an empty string ...). Such an id never names a customer and never merges (docs/identity.md).
/// </summary>
public static class JunkIds
{
    private static readonly HashSet<string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "null", "undefined", "none", "nil", "nan", "0", "-1", "guest", "unknown", "true", "false", "id",
        "distinct_id", "distinctid", "user", "user_id", "userid", "email", "not_authenticated", "[object object]",
        "00000000-0000-0000-0000-000000000000",
    };

    /// <summary>Whether <paramref name="id"/> is missing, blank or one of the known placeholder values.</summary>
    public static bool IsJunk(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        var trimmed = id.AsSpan().Trim();
        return Values.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed);
    }
}
