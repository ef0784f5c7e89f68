namespace Journeyscope.Agenda;

/// <summary>The segment an opportunity is concentrated in: a case attribute and its value.</summary>
/// <param name="Attribute">The case attribute, one of the <c>--by</c> attributes.</param>
/// <param name="Value">Its value.</param>
public sealed record AgendaSegment(string Attribute, string Value);
