namespace Journeyscope.Erasure;

/// <summary>
/// The verification after an erasure: every byte of every file of the workspace folder (and the server's uploads) searched
/// for each erased id and marker value, and every text column of the database queried for them.
/// </summary>
/// <param name="FilesScanned">Files read.</param>
/// <param name="BytesScanned">Bytes read.</param>
/// <param name="Needles">How many strings were searched for: the erased ids and the customer's own attribute values (markers).</param>
/// <param name="Occurrences">Occurrences found in files, all needles together; 0 when the erasure reached every copy.</param>
/// <param name="DatabaseRows">Rows of the database whose text still contains a needle; 0 when the erasure reached every row.</param>
/// <param name="Findings">Where something was found, per file and needle (the needle is named by kind and number, never shown).</param>
/// <param name="Unverifiable">
/// How many erased ids were too short (under <see cref="MinimumNeedleBytes"/> bytes) to be searched for meaningfully: they
/// were removed from the tables but the byte scan cannot tell their copies from other data.
/// </param>
public sealed record ErasureVerification(
    int FilesScanned,
    long BytesScanned,
    int Needles,
    long Occurrences,
    long DatabaseRows,
    IReadOnlyList<ScanFinding> Findings,
    int Unverifiable)
{
    /// <summary>The shortest id or value (UTF-8 bytes) the scan searches for.</summary>
    public const int MinimumNeedleBytes = 4;

    /// <summary>Whether nothing was found anywhere.</summary>
    public bool Clean => Occurrences == 0 && DatabaseRows == 0;
}
