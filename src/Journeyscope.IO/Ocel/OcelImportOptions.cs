namespace Journeyscope.IO;

/// <summary>Options for reading OCEL 2.0 files: chiefly which object type is the case notion of the flattened log.</summary>
public sealed class OcelImportOptions
{
    /// <summary>The defaults: the case notion is chosen automatically (see <see cref="CaseObjectType"/>).</summary>
    public static OcelImportOptions Default { get; } = new();

    /// <summary>
    /// The object type used as case notion when flattening: each event related to an object of this type becomes one
    /// event of the case named by that object's id. When null, the object type related to the most events is chosen
    /// and a warning names the choice and the other types.
    /// </summary>
    public string? CaseObjectType { get; init; }
}
