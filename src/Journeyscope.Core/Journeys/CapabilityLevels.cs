namespace Journeyscope.Journeys;

/// <summary>
/// The readiness scale of capabilities: five levels in the manner of a maturity model, written in YAML as the number or
/// the name (docs/canvas.md).
/// </summary>
public static class CapabilityLevels
{
    /// <summary>The lowest level.</summary>
    public const int Min = 1;

    /// <summary>The highest level.</summary>
    public const int Max = 5;

    /// <summary>
    /// The level names in order, from 1 to 5: <c>missing</c> (not there), <c>initial</c> (ad hoc, depends on people),
    /// <c>defined</c> (designed and documented, not yet reliable), <c>managed</c> (works reliably and is measured),
    /// <c>optimised</c> (improved continuously).
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = ["missing", "initial", "defined", "managed", "optimised"];

    /// <summary>The YAML names of the capability kinds, in <see cref="CapabilityKind"/> order.</summary>
    public static IReadOnlyList<string> KindNames { get; } = ["people", "process", "technology", "data"];

    /// <summary>The name of a level, or its number as text when out of range.</summary>
    public static string Name(int level) =>
        level is >= Min and <= Max ? Names[level - 1] : level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The YAML name of a capability kind.</summary>
    public static string KindName(CapabilityKind kind) => KindNames[(int)kind];

    /// <summary>Reads a level written as a number from 1 to 5 or as one of <see cref="Names"/> (case-insensitive).</summary>
    public static bool TryParse(string text, out int level)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out level))
        {
            return level is >= Min and <= Max;
        }

        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], trimmed, StringComparison.OrdinalIgnoreCase))
            {
                level = i + 1;
                return true;
            }
        }

        level = 0;
        return false;
    }

    /// <summary>Reads a capability kind from its YAML name.</summary>
    public static bool TryParseKind(string text, out CapabilityKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < KindNames.Count; i++)
        {
            if (string.Equals(KindNames[i], text, StringComparison.Ordinal))
            {
                kind = (CapabilityKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
