namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// The stored activities in order of their first stored event: the order in which <see cref="LoadEventLog"/> numbers
    /// them. One aggregate over the activity and sequence columns, no event read into memory.
    /// </summary>
    public IReadOnlyList<string> ReadActivityOrder(CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = new List<string>();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT activity FROM events GROUP BY activity ORDER BY min(seq)";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                order.Add(reader.GetString(0));
            }

            return order;
        }
        finally
        {
            _gate.Release();
        }
    }
}
