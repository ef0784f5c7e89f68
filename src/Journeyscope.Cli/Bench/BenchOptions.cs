using System.CommandLine;
using System.Globalization;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The options the bench commands share, defined and checked in one place so that every benchmark words, defaults and
/// bounds them alike: the generated log's <c>--events</c>, <c>--runs</c>, <c>--batch</c>, <c>--rounds</c> and <c>--verbose</c>.
/// </summary>
internal static class BenchOptions
{
    /// <summary>The <c>--events</c> option of a benchmark on the generated log (<see cref="GeneratedLog"/>).</summary>
    public static Option<long> GeneratedEvents(long defaultEvents = 10_000_000, string description = "Events in the generated log (about 6.7 per case).") => new("--events")
    {
        Description = WithExample(description, "--events", defaultEvents),
        DefaultValueFactory = _ => defaultEvents,
    };

    /// <summary>The <c>--runs</c> option: how many times each side runs; the best counts (<see cref="Measure.Best{T}"/>).</summary>
    public static Option<int> Runs() => new("--runs")
    {
        Description = "Runs per side (ours and the baseline alike); the best counts. Example: --runs 3",
        DefaultValueFactory = _ => 3,
    };

    /// <summary>The value of <paramref name="runs"/>: 1 to 100.</summary>
    public static int Runs(ParseResult parse, Option<int> runs) => InRange(parse, runs, 1, 100);

    /// <summary>A <c>--batch</c> option: <paramref name="description"/>, then its default as the example.</summary>
    public static Option<int> Batch(string description, int defaultValue) => new("--batch")
    {
        Description = WithExample(description, "--batch", defaultValue),
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>The <c>--rounds</c> option of the benchmarks that append in rounds.</summary>
    public static Option<int> Rounds() => new("--rounds")
    {
        Description = WithExample("Appends measured.", "--rounds", 3),
        DefaultValueFactory = _ => 3,
    };

    /// <summary>A <c>--verbose</c> switch; <paramref name="description"/> says what it adds to the report.</summary>
    public static Option<bool> Verbose(string description) => new("--verbose") { Description = description };

    /// <summary>The value of <paramref name="option"/>, which must be <paramref name="min"/> to <paramref name="max"/>: a usage error otherwise.</summary>
    public static int InRange(ParseResult parse, Option<int> option, int min, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        var value = parse.GetValue(option);
        if (value >= min && value <= max)
        {
            return value;
        }

        throw new UsageException(max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {min:N0}.")
            : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be {min:N0} to {max:N0}."));
    }

    private static string WithExample(string description, string name, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{description} Example: {name} {value}");
}
