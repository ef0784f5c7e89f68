namespace Journeyscope.IO;

/// <summary>An import stopped: the file is unreadable, or (in strict mode) a record is bad.</summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the exception for a bad record or file.</summary>
    public ImportException(string source, long line, long byteOffset, string? field, string reason, Exception? inner = null)
        : base(Describe(source, line, byteOffset, field, reason), inner)
    {
        Source = source;
        Line = line;
        ByteOffset = byteOffset;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file (or stream) name.</summary>
    public new string Source { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>Byte offset, or -1 when unknown.</summary>
    public long ByteOffset { get; }

    /// <summary>The field at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The budget the import exceeded, or null when the file itself is at fault.</summary>
    public ImportBudget? ExceededBudget { get; init; }

    internal static string Describe(string source, long line, long byteOffset, string? field, string reason)
    {
        var where = line > 0 ? $"{source}:{line}" : byteOffset >= 0 ? $"{source}@byte {byteOffset}" : source;
        return field is null ? $"{where}: {reason}" : $"{where}: field '{field}': {reason}";
    }
}
