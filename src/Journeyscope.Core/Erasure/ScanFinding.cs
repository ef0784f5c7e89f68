namespace Journeyscope.Erasure;

/// <summary>One place where the verification found an erased id or marker value.</summary>
/// <param name="File">The file, relative to the folder scanned (prefixed with <c>uploads/</c> for the server's uploads).</param>
/// <param name="Needle">What was found, by kind and number: <c>id 1</c> (the customer id), <c>id 2</c>..., <c>value 1</c>...</param>
/// <param name="Occurrences">How many times.</param>
public sealed record ScanFinding(string File, string Needle, long Occurrences);
