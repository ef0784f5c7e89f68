namespace Journeyscope.IO;

/// <summary>
/// A third file that looks up each row's case: maps the key column of the imported file to another case id and/or adds
/// case attributes. Olist: orders keyed by <c>customer_id</c> looked up in the customers file give one journey per
/// <c>customer_unique_id</c>, with the customer's city and state as case attributes.
/// </summary>
/// <remarks>
/// CLI: <c>--lookup FILE --lookup-on COLUMN --lookup-key COLUMN --lookup-case COLUMN --lookup-attribute COLUMN</c>; API and wizard: the
/// <c>lookup*</c> fields (docs/formats/csv.md). A row whose key the lookup does not have is quarantined and counted; a
/// key on two lines of the lookup stops the import with the file, line and field.
/// </remarks>
public sealed class CsvLookup
{
    /// <summary>The lookup CSV file (its dialect is detected as for any CSV file).</summary>
    public required string Path { get; init; }

    /// <summary>The name the lookup file is reported under in errors; its file name when null.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// The imported file's column whose value is looked up; the case column when null. A column other than the case
    /// joins on a case attribute: Olist orders (case <c>order_id</c>) joined on <c>customer_id</c> with the customers
    /// file get the customer's unique id, city and state as case attributes of each order's journey.
    /// </summary>
    public string? JoinColumn { get; init; }

    /// <summary>The lookup's column holding the key; the name of <see cref="JoinColumn"/> (else the case column) when null.</summary>
    public string? KeyColumn { get; init; }

    /// <summary>The lookup's column whose value becomes the case id; null keeps the key as the case id.</summary>
    public string? CaseColumn { get; init; }

    /// <summary>
    /// The lookup's columns added as case attributes; when empty, every column other than the key and the case column.
    /// </summary>
    public IReadOnlyList<string> AttributeColumns { get; init; } = [];
}
