using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>One stored attribute with its type and cardinality.</summary>
/// <param name="Scope">Event or case attribute.</param>
/// <param name="Name">The attribute name as imported.</param>
/// <param name="Type">The stored value type.</param>
/// <param name="DistinctCount">Number of distinct non-missing values.</param>
/// <param name="NullCount">Number of rows (events or cases) without a value.</param>
public sealed record AttributeInfo(AttributeScope Scope, string Name, AttributeType Type, long DistinctCount, long NullCount);
