namespace Journeyscope.EventLogs;

public sealed partial class EventLog
{
    /// <summary>
    /// This log with its activity codes numbered in <paramref name="order"/> (activities it lacks are skipped; activities
    /// <paramref name="order"/> lacks follow, in their current order); every other column is shared.
    /// </summary>
    /// <remarks>
    /// Analyses break ties by activity code, so a log assembled from parts numbers its activities as a whole read of the store
    /// does (by their first stored event) to give the same results byte for byte. O(n).
    /// </remarks>
    internal EventLog WithActivityOrder(IReadOnlyList<string> order)
    {
        var rank = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            rank.TryAdd(order[i], i);
        }

        var used = new bool[_activityNames.Length];
        foreach (var code in _activities)
        {
            used[code] = true;
        }

        var codes = new List<int>(_activityNames.Length);
        for (var code = 0; code < _activityNames.Length; code++)
        {
            if (used[code])
            {
                codes.Add(code);
            }
        }

        codes.Sort((x, y) =>
        {
            var byRank = (rank.TryGetValue(_activityNames[x], out var rx) ? rx : int.MaxValue)
                .CompareTo(rank.TryGetValue(_activityNames[y], out var ry) ? ry : int.MaxValue);
            return byRank != 0 ? byRank : x.CompareTo(y);
        });

        var recode = new int[_activityNames.Length];
        var names = new string[codes.Count];
        var unchanged = codes.Count == _activityNames.Length;
        for (var i = 0; i < codes.Count; i++)
        {
            recode[codes[i]] = i;
            names[i] = _activityNames[codes[i]];
            unchanged &= codes[i] == i;
        }

        if (unchanged)
        {
            return this;
        }

        var activities = new int[_activities.Length];
        for (var e = 0; e < activities.Length; e++)
        {
            activities[e] = recode[_activities[e]];
        }

        return new EventLog(_caseIds, _caseStarts, activities, names, _timestamps, _offsetMinutes, Standard, _eventAttributes, _caseAttributes, TimeBasis);
    }
}
