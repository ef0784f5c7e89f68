namespace Journeyscope.TestSupport;

/// <summary>One order of the shop (<see cref="ShopJourney"/>): placed, maybe delivered, maybe answered with an NPS score.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Placed">When the order was placed (the <c>Order</c> event).</param>
/// <param name="Channel">The order's channel (<c>web</c>, <c>store</c>).</param>
/// <param name="DeliveredAfter">When it was delivered after placing (the <c>Deliver</c> event), or null when it was not.</param>
/// <param name="Score">
/// The NPS answer a day after delivery (the <c>NPS survey</c> event, comment <c>great</c> from 9 up, else <c>terrible service</c>),
/// or null when the customer did not answer.
/// </param>
public sealed record ShopOrder(string Id, DateTimeOffset Placed, string Channel, TimeSpan? DeliveredAfter, int? Score)
{
    /// <summary>The customer who placed it (the case attribute <c>customer</c>), or null when the CSV has no customers.</summary>
    public string? Customer { get; init; }
}
