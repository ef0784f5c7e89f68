using System.Text;

namespace Journeyscope.TestSupport;

/// <summary>
/// Journeys with <c>rules:</c> for the rule and live-monitoring tests (docs/monitoring.md): one stage <c>buy</c>, touchpoints
/// written by <see cref="Touchpoint"/>, an optional flow and the rules, such as <see cref="AbandonedCart"/>.
/// </summary>
public static class RuleSnippets
{
    /// <summary>
    /// A journey with the stage <c>buy</c>, the <paramref name="touchpoints"/>, the flow <c>sequence: [<paramref name="sequence"/>]</c>
    /// (none when null) and <c>rules:</c> followed by <paramref name="rules"/>.
    /// </summary>
    public static string Journey(string id, string name, IEnumerable<string> touchpoints, string? sequence, string rules)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        var text = new StringBuilder($"journey: {id}\nname: {name}\nstages:\n  - id: buy\n    name: Buy\ntouchpoints:\n");
        foreach (var touchpoint in touchpoints)
        {
            text.Append(touchpoint);
        }

        if (sequence is not null)
        {
            text.Append("flow:\n  sequence: [").Append(sequence).Append("]\n");
        }

        return text.Append("rules:\n").Append(rules).ToString();
    }

    /// <summary>
    /// The journey <c>shop</c>: <c>browse</c> (activity <c>Browse</c>), <c>cart</c> (<c>Add to cart</c>) and <c>checkout</c>
    /// (<c>Checkout</c>) in sequence, with <paramref name="rules"/>.
    /// </summary>
    public static string Shop(string rules) => Journey(
        "shop", "Shop", [Touchpoint("browse", "Browse"), Touchpoint("cart", "Add to cart"), Touchpoint("checkout", "Checkout")], "browse, cart, checkout", rules);

    /// <summary>A touchpoint of the stage <c>buy</c> named after its id (<c>cart</c>: <c>Cart</c>) that matches one activity.</summary>
    public static string Touchpoint(string id, string activity, string lane = "customer-action")
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"  - id: {id}\n    name: {char.ToUpperInvariant(id[0])}{id[1..]}\n    stage: buy\n    lane: {lane}\n    match: {{ activity: {activity} }}\n";
    }

    /// <summary>The rule <c>abandoned_cart</c>: a <c>cart</c> not followed by a <c>checkout</c> within <paramref name="within"/> (<c>3s</c>, <c>2h</c>).</summary>
    public static string AbandonedCart(string within) =>
        $"  - id: abandoned_cart\n    name: Abandoned cart\n    on: cart\n    unless: checkout\n    within: {within}\n";
}
