namespace Journeyscope.Journeys;

/// <summary>Where an element of a journey definition was written: file, 1-based line and column.</summary>
/// <param name="File">The file the element came from, as the user named it; empty when built in code.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>No location: the element was built in code.</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    /// <summary>Formats the location as <c>file:line:column</c>, the form editors and compilers use.</summary>
    public override string ToString() => Line == 0 ? File : $"{File}:{Line}:{Column}";
}
