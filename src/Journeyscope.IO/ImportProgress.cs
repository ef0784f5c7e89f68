namespace Journeyscope.IO;

/// <summary>How far an import has got.</summary>
/// <param name="BytesRead">Bytes of the (possibly compressed) file consumed so far.</param>
/// <param name="TotalBytes">The file's size in bytes, or -1 when unknown.</param>
/// <param name="RecordsRead">Records (events or rows) read so far.</param>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long RecordsRead);
