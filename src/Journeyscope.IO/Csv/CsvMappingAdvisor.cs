using System.Globalization;

namespace Journeyscope.IO;

/// <summary>
/// Proposes a mapping for a CSV file from its header and its sample values, so that the import wizard never dead-ends:
/// columns whose names are known get their role with high confidence, the others are guessed from their values (dates,
/// repeated ids, small sets of labels, 0–10 scores, long texts) with a lower confidence and a reason.
/// </summary>
internal static class CsvMappingAdvisor
{
    private const int MaxSamples = 5;
    private const int MaxSampleLength = 80;
    private const int PreviewRows = 10;

    private static readonly string[] TimeHints = ["date", "time", "created", "timestamp", "at"];
    private static readonly string[] CaseHints = ["customer", "client", "user", "order", "ticket", "session", "case", "account", "dossier"];
    private static readonly string[] ActivityHints = ["status", "state", "type", "theme", "topic", "reason", "stage", "event", "action", "sentiment", "category"];
    private static readonly string[] ScoreHints = ["nps", "score", "rating", "csat", "ces", "satisf", "recommend", "effort", "stars"];
    private static readonly string[] CommentHints = ["comment", "text", "message", "explication", "feedback", "review", "verbatim", "remark", "why"];

    /// <summary>What each column's sample looks like.</summary>
    private sealed record Profile(int NonEmpty, int Distinct, bool Dates, bool Integers, bool Numbers, long Min, long Max, double MeanLength, List<string> Samples);

    public static CsvInspection Inspect(CsvDialect dialect, string[] names, List<string[]> rows, CsvLayout layout, CsvImportOptions csv)
    {
        var profiles = new Profile[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            profiles[i] = ProfileOf(i, rows);
        }

        var proposals = new List<CsvRoleProposal>();
        var surveyGiven = csv.SurveyActivity is not null;
        AddAssigned(proposals, layout, csv);
        var taken = new HashSet<string>(proposals.Select(p => p.Column), StringComparer.Ordinal);

        var dates = Enumerable.Range(0, names.Length).Where(i => profiles[i].Dates && layout.Roles[i] is "attribute" or "timestamp" or "start_timestamp" or "wide_timestamp").ToList();
        var score = BestScore(names, profiles, layout);
        var comment = BestComment(names, profiles, layout, score);
        var kind = surveyGiven ? "survey"
            : layout.Wide.Length > 0 ? "wide"
            : layout.Activity >= 0 ? "events"
            : score >= 0 ? "survey"
            : dates.Count >= 2 ? "wide"
            : "events";

        if (layout.Case < 0)
        {
            AddBest(proposals, "case", CaseCandidates(names, profiles, taken));
            if (proposals.FirstOrDefault(p => p.Role == "case") is { } key)
            {
                taken.Add(key.Column); // the key is no activity
            }
        }

        if (layout.Timestamp < 0)
        {
            var ordered = dates.Where(i => !taken.Contains(names[i])).OrderByDescending(i => HasHint(names[i], TimeHints)).ToList();
            if (ordered.Count > 0)
            {
                var hinted = HasHint(names[ordered[0]], TimeHints);
                proposals.Add(new CsvRoleProposal("timestamp", names[ordered[0]], hinted ? 0.7 : 0.5,
                    hinted ? "every sampled value is a date and the name says so" : "every sampled value is a date"));
            }
        }

        if (layout.Activity < 0 && kind == "events")
        {
            AddBest(proposals, "activity", ActivityCandidates(names, profiles, taken, dates));
        }

        if (layout.Channel < 0)
        {
            var channel = Array.FindIndex(names, n => !taken.Contains(n) && n.Contains("channel", StringComparison.OrdinalIgnoreCase));
            if (channel >= 0)
            {
                proposals.Add(new CsvRoleProposal("channel", names[channel], 0.6, "the name contains 'channel'"));
            }
        }

        if (layout.Wide.Length == 0 && kind == "wide")
        {
            foreach (var i in dates.Where(i => !taken.Contains(names[i])))
            {
                proposals.Add(new CsvRoleProposal("wide_timestamp", names[i], 0.6, "one of several date columns: a step of each row's journey"));
            }
        }

        if (layout.Score < 0 && score >= 0)
        {
            var p = profiles[score];
            proposals.Add(new CsvRoleProposal("score", names[score], 0.8, $"whole numbers from {p.Min} to {p.Max} in a column named like a survey score"));
        }

        if (layout.Comment < 0 && comment >= 0)
        {
            proposals.Add(new CsvRoleProposal("comment", names[comment], HasHint(names[comment], CommentHints) ? 0.7 : 0.4,
                $"free text, {profiles[comment].MeanLength:0} characters on average"));
        }

        var columns = new CsvColumnInspection[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            columns[i] = new CsvColumnInspection(names[i], layout.Roles[i], layout.Types[i], layout.Formats[i]?.Display, profiles[i].Samples, profiles[i].Distinct);
        }

        var surveyName = csv.SurveyActivity ?? (score >= 0 ? SurveyName(names[score]) : null);
        var preview = new List<IReadOnlyList<string>>();
        for (var i = 0; i < rows.Count && i < PreviewRows; i++)
        {
            preview.Add(rows[i]);
        }

        var timestampColumn = layout.Timestamp >= 0 ? layout.Timestamp
            : layout.Wide.Length > 0 ? layout.Wide[0]
            : proposals.FirstOrDefault(p => p.Role is "timestamp" or "wide_timestamp") is { } guess ? Array.IndexOf(names, guess.Column)
            : -1;
        var check = timestampColumn < 0 ? null : Check(timestampColumn, names, rows, layout, csv);
        return new CsvInspection(dialect.Encoding.WebName, dialect.HasByteOrderMark, dialect.Delimiter, dialect.LineEnding, columns, preview,
            layout.Warnings, kind, surveyName, proposals, layout.Missing, check);
    }

    private static void AddAssigned(List<CsvRoleProposal> proposals, CsvLayout layout, CsvImportOptions csv)
    {
        void Add(string role, int index, string? given)
        {
            if (index >= 0)
            {
                proposals.Add(given is null
                    ? new CsvRoleProposal(role, layout.Names[index], 0.9, "a known column name")
                    : new CsvRoleProposal(role, layout.Names[index], 1, "chosen"));
            }
        }

        Add("case", layout.Case, csv.CaseColumn);
        Add("activity", layout.Activity, csv.ActivityColumn);
        Add("timestamp", layout.Timestamp, csv.TimestampColumn);
        Add("start_timestamp", layout.Start, csv.StartTimestampColumn);
        Add("resource", layout.Resource, csv.ResourceColumn);
        Add("channel", layout.Channel, csv.ChannelColumn);
        Add("lifecycle", layout.Lifecycle, csv.LifecycleColumn);
        Add("event_id", layout.EventId, csv.EventIdColumn);
        Add("score", layout.Score, csv.ScoreColumn);
        Add("comment", layout.Comment, csv.CommentColumn);
        foreach (var wide in layout.Wide)
        {
            proposals.Add(new CsvRoleProposal("wide_timestamp", layout.Names[wide], 1, "chosen"));
        }
    }

    private static void AddBest(List<CsvRoleProposal> proposals, string role, IEnumerable<(int Index, double Confidence, string Reason, string Name)> candidates)
    {
        foreach (var (_, confidence, reason, name) in candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Index).Take(3))
        {
            proposals.Add(new CsvRoleProposal(role, name, confidence, reason));
        }
    }

    private static IEnumerable<(int, double, string, string)> CaseCandidates(string[] names, Profile[] profiles, HashSet<string> taken)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var p = profiles[i];
            if (taken.Contains(names[i]) || p.NonEmpty == 0 || p.Dates || p.MeanLength > 64 || (p.Numbers && !p.Integers))
            {
                continue;
            }

            var idName = names[i].EndsWith("id", StringComparison.OrdinalIgnoreCase) || names[i].EndsWith("key", StringComparison.OrdinalIgnoreCase);
            var hinted = HasHint(names[i], CaseHints);
            var repeats = p.Distinct < p.NonEmpty;
            if (idName || hinted)
            {
                yield return (i, (idName && hinted ? 0.7 : 0.5) + (repeats ? 0.1 : 0),
                    repeats ? "an id column whose values repeat (several rows per case)" : "an id column (one row per case in the sample)", names[i]);
            }
        }
    }

    private static IEnumerable<(int, double, string, string)> ActivityCandidates(string[] names, Profile[] profiles, HashSet<string> taken, List<int> dates)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var p = profiles[i];
            if (taken.Contains(names[i]) || dates.Contains(i) || p.Integers || p.NonEmpty == 0 || p.Distinct < 2 || p.Distinct > 100 || p.Distinct * 2 > p.NonEmpty)
            {
                continue;
            }

            var hinted = HasHint(names[i], ActivityHints);
            yield return (i, hinted ? 0.5 : 0.3, $"{p.Distinct} distinct labels repeated over {p.NonEmpty} sampled rows", names[i]);
        }
    }

    private static int BestScore(string[] names, Profile[] profiles, CsvLayout layout)
    {
        if (layout.Score >= 0)
        {
            return layout.Score;
        }

        for (var i = 0; i < names.Length; i++)
        {
            var p = profiles[i];
            if (layout.Roles[i] == "attribute" && p.Integers && p.NonEmpty > 0 && p.Min >= 0 && p.Max <= 10 && HasHint(names[i], ScoreHints))
            {
                return i;
            }
        }

        return -1;
    }

    private static int BestComment(string[] names, Profile[] profiles, CsvLayout layout, int score)
    {
        if (layout.Comment >= 0)
        {
            return layout.Comment;
        }

        var best = -1;
        var bestRank = 0.0;
        for (var i = 0; i < names.Length; i++)
        {
            var p = profiles[i];
            if (i == score || layout.Roles[i] != "attribute" || p.Integers || p.Dates || p.MeanLength < 15)
            {
                continue;
            }

            var rank = p.MeanLength * (HasHint(names[i], CommentHints) ? 4 : 1) * (p.Distinct * 2 > p.NonEmpty ? 1 : 0.1);
            if (rank > bestRank)
            {
                (best, bestRank) = (i, rank);
            }
        }

        return best;
    }

    private static string SurveyName(string scoreColumn)
    {
        var name = scoreColumn.ToLowerInvariant();
        return name.Contains("nps", StringComparison.Ordinal) || name.Contains("recommend", StringComparison.Ordinal) ? "nps"
            : name.Contains("csat", StringComparison.Ordinal) || name.Contains("satisf", StringComparison.Ordinal) ? "csat"
            : name.Contains("ces", StringComparison.Ordinal) || name.Contains("effort", StringComparison.Ordinal) ? "ces"
            : name.Replace("_score", "", StringComparison.Ordinal).Replace("score", "", StringComparison.Ordinal).Trim('_', ' ', '-') is { Length: > 0 } rest ? rest
            : "survey";
    }

    private static CsvTimestampCheck Check(int column, string[] names, List<string[]> rows, CsvLayout layout, CsvImportOptions csv)
    {
        var zone = csv.TimeZone ?? TimeZoneInfo.Utc;
        var format = layout.Formats[column] ?? (csv.TimestampFormat is { } given ? TimestampFormat.FromOption(given) : Detect(column, rows));
        int parsed = 0, total = 0, withOffset = 0;
        var preview = new List<CsvTimestampRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var text = column < rows[r].Length ? rows[r][column] : string.Empty;
            var empty = string.IsNullOrWhiteSpace(text);
            var ok = format.TryParse(text, zone, out var ticks, out var offset);
            if (!empty)
            {
                total++;
                parsed += ok ? 1 : 0;
                withOffset += ok && CarriesOffset(format, text) ? 1 : 0;
            }

            if (preview.Count < PreviewRows)
            {
                preview.Add(ok
                    ? new CsvTimestampRow(r + 1, text, new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset)), null)
                    : new CsvTimestampRow(r + 1, text, null, empty ? "the timestamp is empty" : $"'{Cut(text)}' is not a timestamp in the format {format.Display}"));
            }
        }

        return new CsvTimestampCheck(names[column], format.Display, parsed, total, withOffset, zone.Id, preview);
    }

    private static TimestampFormat Detect(int column, List<string[]> rows)
    {
        var values = rows.Where(r => column < r.Length && !string.IsNullOrWhiteSpace(r[column])).Select(r => r[column]).ToList();
        return TimestampFormat.Detect(values, allowUnix: true, out _) ?? TimestampFormat.Iso;
    }

    private static bool CarriesOffset(TimestampFormat format, string text) => format.Kind switch
    {
        TimestampKind.Iso => TimestampFormat.TryParseIso(text.AsSpan().Trim(), out _, out var minutes) && minutes is not null,
        TimestampKind.Custom => format.CustomHasOffset,
        _ => false,
    };

    private static Profile ProfileOf(int column, List<string[]> rows)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<string>();
        var values = new List<string>();
        int nonEmpty = 0;
        long min = long.MaxValue, max = long.MinValue, length = 0;
        var integers = true;
        foreach (var row in rows)
        {
            if (column >= row.Length || string.IsNullOrWhiteSpace(row[column]) || row[column] is "NA" or "N/A")
            {
                continue;
            }

            var value = row[column];
            nonEmpty++;
            length += value.Length;
            values.Add(value);
            if (distinct.Add(value) && samples.Count < MaxSamples)
            {
                samples.Add(Cut(value));
            }

            if (integers && long.TryParse(value.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                (min, max) = (Math.Min(min, number), Math.Max(max, number));
            }
            else
            {
                integers = false;
            }
        }

        // A date column has separators: plain numbers (ids, amounts) are never proposed as dates, only given as unix times.
        // Up to one value in five may be broken (the timestamp check then shows which), so a few bad cells do not hide it.
        var numbers = nonEmpty > 0 && values.TrueForAll(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var candidates = values.FindAll(v => v.AsSpan().IndexOfAny('-', '/', '.') >= 0 && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var dates = nonEmpty > 0 && !numbers && candidates.Count * 5 >= nonEmpty * 4 && TimestampFormat.Detect(candidates, allowUnix: false, out _) is not null;
        return new Profile(nonEmpty, distinct.Count, dates, integers && nonEmpty > 0, numbers, min, max, nonEmpty == 0 ? 0 : (double)length / nonEmpty, samples);
    }

    private static bool HasHint(string name, string[] hints)
    {
        foreach (var hint in hints)
        {
            if (hint.Length <= 3
                ? name.Split('_', ' ', '-', ':').Any(w => w.Equals(hint, StringComparison.OrdinalIgnoreCase)) || name.EndsWith("_" + hint, StringComparison.OrdinalIgnoreCase)
                : name.Contains(hint, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Cut(string text) => text.Length <= MaxSampleLength ? text : string.Concat(text.AsSpan(0, MaxSampleLength), "…");
}
