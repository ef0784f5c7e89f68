namespace Journeyscope.IO;

/// <summary>Which budget of <see cref="ImportOptions"/> an import exceeded.</summary>
public enum ImportBudget
{
    /// <summary><see cref="ImportOptions.MaxEvents"/>: CLI <c>--max-events</c>, server <c>Journeyscope:Imports:MaxEvents</c>.</summary>
    MaxEvents,

    /// <summary><see cref="ImportOptions.MaxDecompressedBytes"/>: CLI <c>--max-bytes</c>, server <c>Journeyscope:Imports:MaxDecompressedBytes</c>.</summary>
    MaxDecompressedBytes,

    /// <summary><see cref="ImportOptions.MaxRows"/>: server <c>Journeyscope:Imports:MaxRows</c>.</summary>
    MaxRows,

    /// <summary><see cref="ImportOptions.MaxDuration"/>: server <c>Journeyscope:Imports:MaxDuration</c>.</summary>
    MaxDuration,
}
