using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

public static partial class ValueStream
{
    internal enum LifecycleKind : byte
    {
        Other,
        Start,
        Complete,
    }

    /// <summary>
    /// Result columns shared by all chunks. Step k of case c lives in slot <c>CaseStart(c) + k</c> (a case has at most
    /// as many steps as events), so chunks write disjoint slots and nothing needs merging.
    /// </summary>
    internal sealed class StepColumns
    {
        public StepColumns(int events, int cases)
        {
            Activity = new int[events];
            Processing = new long[events];
            Edge = new long[events];
            Wait = new long[events];
            CaseLead = new long[cases];
            CaseProcessing = new long[cases];
            CaseMeasured = new bool[cases];
        }

        /// <summary>Activity of the step, -1 for an unused slot.</summary>
        public int[] Activity { get; }

        public long[] Processing { get; }

        /// <summary>from * activityCount + to for a step with a predecessor, else -1.</summary>
        public long[] Edge { get; }

        public long[] Wait { get; }

        public long[] CaseLead { get; }

        public long[] CaseProcessing { get; }

        public bool[] CaseMeasured { get; }
    }

    /// <summary>Per-thread scratch for one case's steps; grows to the longest case seen.</summary>
    private sealed class Scratch
    {
        public long[] Start = new long[16];
        public long[] End = new long[16];
        public int[] Activity = new int[16];
        public long[] SortedStart = new long[16];
        public long[] SortedEnd = new long[16];
        public int[] OpenActivity = new int[16];
        public long[] OpenStart = new long[16];

        public void Ensure(int length)
        {
            if (Start.Length >= length)
            {
                return;
            }

            var size = Math.Max(length, Start.Length * 2);
            Start = new long[size];
            End = new long[size];
            Activity = new int[size];
            SortedStart = new long[size];
            SortedEnd = new long[size];
            OpenActivity = new int[size];
            OpenStart = new long[size];
        }
    }

    /// <summary>Turns one case into steps and measures it.</summary>
    private sealed class CaseMeasurer
    {
        private readonly EventLog _log;
        private readonly ProcessingTimeSource _source;
        private readonly BusinessCalendar? _calendar;
        private readonly bool _localTime;
        private readonly StepColumns _steps;
        private readonly LifecycleKind[] _kinds;

        public CaseMeasurer(EventLog log, ProcessingTimeSource source, BusinessCalendar? calendar, StepColumns steps)
        {
            _log = log;
            _source = source;
            _calendar = calendar;
            _localTime = log.TimeBasis == TimeBasis.WallClock;
            _steps = steps;
            _kinds = source == ProcessingTimeSource.LifecyclePairs ? LifecycleKinds(log.Lifecycle!) : [];
        }

        public void Measure(int c, Scratch scratch)
        {
            var first = _log.CaseStart(c);
            var length = _log.CaseLength(c);
            scratch.Ensure(length);
            var count = _source switch
            {
                ProcessingTimeSource.StartTimestamps => FromStartTimestamps(first, length, scratch),
                ProcessingTimeSource.LifecyclePairs => FromLifecycle(first, length, scratch),
                _ => FromInstants(first, length, scratch),
            };

            var activityCount = (long)Math.Max(1, _log.ActivityCount);
            var minStart = long.MaxValue;
            for (var k = 0; k < count; k++)
            {
                var slot = first + k;
                minStart = Math.Min(minStart, scratch.Start[k]);
                _steps.Activity[slot] = scratch.Activity[k];
                _steps.Processing[slot] = Elapsed(scratch.Start[k], scratch.End[k]);
                if (k == 0)
                {
                    _steps.Edge[slot] = -1;
                }
                else
                {
                    _steps.Edge[slot] = (scratch.Activity[k - 1] * activityCount) + scratch.Activity[k];
                    _steps.Wait[slot] = Elapsed(scratch.End[k - 1], scratch.Start[k]);
                }
            }

            for (var k = count; k < length; k++)
            {
                _steps.Activity[first + k] = -1;
                _steps.Edge[first + k] = -1;
            }

            if (count == 0)
            {
                return;
            }

            _steps.CaseMeasured[c] = true;
            _steps.CaseLead[c] = Elapsed(minStart, scratch.End[count - 1]);
            _steps.CaseProcessing[c] = _source == ProcessingTimeSource.None ? 0 : Busy(count, scratch);
        }

        private int FromInstants(int first, int length, Scratch scratch)
        {
            var times = _log.Timestamps;
            var activities = _log.Activities;
            for (var k = 0; k < length; k++)
            {
                scratch.Start[k] = scratch.End[k] = times[first + k];
                scratch.Activity[k] = activities[first + k];
            }

            return length;
        }

        private int FromStartTimestamps(int first, int length, Scratch scratch)
        {
            var column = _log.StartTimestamps!;
            var utc = column.UtcTicks;
            var offsets = column.OffsetMinutes;
            var times = _log.Timestamps;
            var activities = _log.Activities;
            for (var k = 0; k < length; k++)
            {
                var e = first + k;
                var end = times[e];
                var start = end;
                if (column.Validity[e])
                {
                    start = _localTime ? utc[e] + (offsets[e] * TimeSpan.TicksPerMinute) : utc[e];
                }

                // A start after the completion is bad data: the step is treated as an instant.
                scratch.Start[k] = Math.Min(start, end);
                scratch.End[k] = end;
                scratch.Activity[k] = activities[e];
            }

            return length;
        }

        private int FromLifecycle(int first, int length, Scratch scratch)
        {
            var codes = _log.Lifecycle!.Codes;
            var times = _log.Timestamps;
            var activities = _log.Activities;
            var open = 0;
            var count = 0;
            for (var e = first; e < first + length; e++)
            {
                var code = codes[e];
                var kind = code < 0 ? LifecycleKind.Complete : _kinds[code];
                var activity = activities[e];
                if (kind == LifecycleKind.Start)
                {
                    scratch.OpenActivity[open] = activity;
                    scratch.OpenStart[open++] = times[e];
                    continue;
                }

                if (kind != LifecycleKind.Complete)
                {
                    continue;
                }

                // Pair with the most recent unmatched start of the same activity; none: an instant step.
                var start = times[e];
                for (var j = open - 1; j >= 0; j--)
                {
                    if (scratch.OpenActivity[j] == activity)
                    {
                        start = scratch.OpenStart[j];
                        open--;
                        Array.Copy(scratch.OpenActivity, j + 1, scratch.OpenActivity, j, open - j);
                        Array.Copy(scratch.OpenStart, j + 1, scratch.OpenStart, j, open - j);
                        break;
                    }
                }

                scratch.Start[count] = start;
                scratch.End[count] = times[e];
                scratch.Activity[count++] = activity;
            }

            return count;
        }

        /// <summary>Length of the union of the steps' intervals: time in which at least one step was in progress.</summary>
        private long Busy(int count, Scratch scratch)
        {
            var starts = scratch.SortedStart.AsSpan(0, count);
            var ends = scratch.SortedEnd.AsSpan(0, count);
            scratch.Start.AsSpan(0, count).CopyTo(starts);
            scratch.End.AsSpan(0, count).CopyTo(ends);
            starts.Sort(ends);
            long busy = 0;
            var from = starts[0];
            var to = ends[0];
            for (var k = 1; k < count; k++)
            {
                if (starts[k] > to)
                {
                    busy += Elapsed(from, to);
                    from = starts[k];
                    to = ends[k];
                }
                else
                {
                    to = Math.Max(to, ends[k]);
                }
            }

            return busy + Elapsed(from, to);
        }

        private long Elapsed(long from, long to)
        {
            if (to <= from)
            {
                return 0;
            }

            if (_calendar is null)
            {
                return to - from;
            }

            return _localTime ? _calendar.DurationLocal(from, to).Ticks : _calendar.Duration(from, to).Ticks;
        }
    }
}
