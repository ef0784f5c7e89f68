namespace Journeyscope.IO;

/// <summary>A record an importer could not use, with where it was and why.</summary>
/// <param name="Source">The file (or stream) name.</param>
/// <param name="Line">1-based line number, or 0 when the format has no lines (then see <paramref name="ByteOffset"/>).</param>
/// <param name="ByteOffset">Byte offset of the record, or -1 when unknown.</param>
/// <param name="Field">The column, attribute or field at fault, or null when the whole record is bad.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="RawText">The record's text, cut to 1,000 characters, when available.</param>
public sealed record QuarantinedRecord(string Source, long Line, long ByteOffset, string? Field, string Reason, string? RawText)
{
    /// <summary>Where and why, in the form <c>file:line: field 'x': reason</c>.</summary>
    public override string ToString() => ImportException.Describe(Source, Line, ByteOffset, Field, Reason);
}
