namespace Journeyscope.EventLogs;

/// <summary>A typed column of attribute values, one row per event or per case, with missing values allowed.</summary>
/// <remarks>Immutable and thread-safe. Hot code casts to the typed subclass and reads its spans.</remarks>
public abstract class AttributeColumn
{
    private protected AttributeColumn(string name, int length)
    {
        Name = name;
        Length = length;
    }

    /// <summary>The attribute's name, for example <c>org:group</c> or <c>amount</c>.</summary>
    public string Name { get; }

    /// <summary>The value type of this column.</summary>
    public abstract AttributeType Type { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>Whether row <paramref name="row"/> has a value.</summary>
    public abstract bool IsValid(int row);

    /// <summary>The value at <paramref name="row"/>, or <c>null</c> when missing. Allocation-free except for lookups of strings.</summary>
    public abstract AttributeValue? GetValue(int row);

    /// <summary>Number of rows with a value.</summary>
    public int CountValid()
    {
        var count = 0;
        for (var i = 0; i < Length; i++)
        {
            if (IsValid(i))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A new column with the rows at <paramref name="rows"/>, in that order.</summary>
    public abstract AttributeColumn Gather(ReadOnlySpan<int> rows);
}
