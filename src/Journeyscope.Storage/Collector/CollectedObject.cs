namespace Journeyscope.Storage.Collector;

/// <summary>A business object a collected message touches: stored in the object-centric tables.</summary>
/// <param name="Type">The object type, for example <c>order</c>.</param>
/// <param name="Id">The object id, for example <c>o-1001</c>.</param>
/// <param name="Qualifier">How the event relates to it (empty when not given).</param>
public sealed record CollectedObject(string Type, string Id, string Qualifier);
