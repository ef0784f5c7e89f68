namespace Journeyscope.IO;

/// <summary>What an importer does with a bad record.</summary>
public enum ImportMode
{
    /// <summary>Quarantine each bad record with its reason and go on (the default): imported + quarantined == read.</summary>
    Lenient,

    /// <summary>Stop at the first bad record with an <see cref="ImportException"/> naming file, line, field and reason.</summary>
    Strict,
}
