namespace Journeyscope.Storage;

/// <summary>SQL text helpers.</summary>
internal static class SqlText
{
    /// <summary>The identifier double-quoted, with embedded quotes doubled.</summary>
    public static string Quoted(this string identifier) => StoreSchema.Quote(identifier);
}
