namespace Journeyscope.Conformance;

/// <summary>
/// An unplanned channel switch inside a stage: two consecutive events of the same stage in a case, mapped to touchpoints
/// <see cref="FromTouchpoint"/> then <see cref="ToTouchpoint"/>, carried different channels, and the design did not plan
/// that pair of channels (both touchpoints designed on exactly the channels used).
/// </summary>
/// <param name="StageId">The stage.</param>
/// <param name="FromTouchpoint">The touchpoint of the earlier event.</param>
/// <param name="FromChannel">The channel of the earlier event.</param>
/// <param name="ToTouchpoint">The touchpoint of the later event.</param>
/// <param name="ToChannel">The channel of the later event.</param>
/// <param name="Switches">How many times it happened.</param>
/// <param name="Cases">Cases where it happened at least once.</param>
/// <param name="ExampleCaseIds">Up to <see cref="DeviationOptions.ExampleCases"/> case ids, in log order.</param>
public sealed record ChannelSwitch(
    string StageId,
    string FromTouchpoint,
    string FromChannel,
    string ToTouchpoint,
    string ToChannel,
    int Switches,
    int Cases,
    IReadOnlyList<string> ExampleCaseIds);
