using System.Globalization;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Persists, inside the commit's transaction, that the commit from <paramref name="from"/> to <paramref name="to"/>
    /// touched <paramref name="rawCaseIds"/>, so the journal survives a restart exactly as far as the data does.
    /// </summary>
    /// <remarks>
    /// A commit naming more than <see cref="ChangeJournal.MaxPersistedCaseIds"/> ids is not written: after a restart it is a
    /// gap, which readers take as an unknown change (a full re-read), never as "nothing changed". Every
    /// <see cref="ChangeJournal.PruneEvery"/> versions the table is cut to the newest <see cref="ChangeJournal.Capacity"/>
    /// commits holding at most <see cref="ChangeJournal.MaxPersistedRows"/> ids.
    /// </remarks>
    private void WriteJournal(long from, long to, IReadOnlyCollection<string> rawCaseIds)
    {
        if (to == from || rawCaseIds.Count > ChangeJournal.MaxPersistedCaseIds)
        {
            return;
        }

        using (var appender = _connection.CreateAppender("change_journal"))
        {
            if (rawCaseIds.Count == 0)
            {
                // A commit that named no case (quarantine only): known, and nothing to read again.
                appender.CreateRow().AppendValue(from).AppendValue(to).AppendNullValue().EndRow();
            }

            foreach (var id in rawCaseIds)
            {
                appender.CreateRow().AppendValue(from).AppendValue(to).AppendValue(id).EndRow();
            }
        }

        if (to / ChangeJournal.PruneEvery != from / ChangeJournal.PruneEvery)
        {
            Execute(string.Create(CultureInfo.InvariantCulture, $"""
                DELETE FROM change_journal WHERE to_version < (
                    SELECT coalesce(min(to_version), 0) FROM (
                        SELECT to_version,
                               sum(n) OVER (ORDER BY to_version DESC) AS running,
                               row_number() OVER (ORDER BY to_version DESC) AS rank
                        FROM (SELECT to_version, count(*) AS n FROM change_journal GROUP BY to_version))
                    WHERE running <= {ChangeJournal.MaxPersistedRows} AND rank <= {ChangeJournal.Capacity})
                """));
        }
    }

    /// <summary>The case ids an import touched, without an erased customer's (refused, and never to be written again).</summary>
    private IReadOnlyCollection<string> TouchedCases(EventLogs.EventLog log)
    {
        if (Erasure.SuppressionList.Read(_connection) is not { } suppression)
        {
            return log.CaseIds;
        }

        var touched = new List<string>(log.CaseCount);
        foreach (var id in log.CaseIds)
        {
            if (!suppression.Contains(id))
            {
                touched.Add(id);
            }
        }

        return touched;
    }

    /// <summary>The persisted journal, one entry per commit in version order (read on the first open of the process).</summary>
    private List<(long From, long To, HashSet<string> Ids)> ReadJournal()
    {
        var entries = new List<(long From, long To, HashSet<string> Ids)>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT from_version, to_version, case_id FROM change_journal ORDER BY to_version, from_version";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var from = reader.GetInt64(0);
            var to = reader.GetInt64(1);
            if (entries.Count == 0 || entries[^1].To != to || entries[^1].From != from)
            {
                entries.Add((from, to, new HashSet<string>(StringComparer.Ordinal)));
            }

            if (!reader.IsDBNull(2))
            {
                entries[^1].Ids.Add(reader.GetString(2));
            }
        }

        return entries;
    }
}
