namespace Journeyscope.Journeys;

/// <summary>
/// Who the customer of a case is when the log's case is not the customer (YAML <c>customer:</c>): the case attribute that
/// identifies the customer, for example <c>customer_unique_id</c> in a log of orders.
/// </summary>
/// <param name="Attribute">The case attribute whose value identifies the customer.</param>
/// <remarks>
/// Cases with the same value belong to one customer; a case without a value is its own customer. Without a
/// <c>customer:</c> the case is the customer. The improvement agenda counts distinct customers with it (docs/agenda.md).
/// </remarks>
public sealed record JourneyCustomer(string Attribute)
{
    /// <summary>Where it was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
