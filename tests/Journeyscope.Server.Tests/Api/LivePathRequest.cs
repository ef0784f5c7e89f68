namespace Journeyscope.Server.Tests.Api;

/// <summary>One request of a <see cref="LivePathComparison"/>: a GET of <paramref name="Path"/>, or a POST of <paramref name="Body"/> (JSON).</summary>
/// <param name="Path">The path under the workspace, e.g. <c>throughput?granularity=day</c>.</param>
/// <param name="Body">The JSON body of a POST; null for a GET.</param>
/// <param name="FromPartials">Whether the live path answers it from partials (<c>LiveLogCache.Answer</c>) rather than the assembled whole log.</param>
internal sealed record LivePathRequest(string Path, string? Body = null, bool FromPartials = false)
{
    /// <summary>The unfiltered requests a followed workspace answers from partials, with a funnel over <paramref name="steps"/> (activity names).</summary>
    public static List<LivePathRequest> Partials(IReadOnlyList<string> steps, string? breakdown = null)
    {
        var funnel = System.Text.Json.JsonSerializer.Serialize(new
        {
            steps = steps.Select(s => new { activities = new[] { s } }).ToList(),
            breakdown,
            window = "30d",
            dropOffs = new { step = 1, pageSize = 1000 },
        });
        return
        [
            new("funnels", funnel, true),
            new("funnels", System.Text.Json.JsonSerializer.Serialize(new { steps = steps.Select(s => new { activities = new[] { s } }).ToList(), order = "strict" }), true),
            new("voc", null, true),
            new("voc?top=3&examples=0", null, true),
            new("throughput", null, true),
            new("throughput?granularity=day", null, true),
            new("performance", null, true),
            new("performance?granularity=day", null, true),
            new("bottlenecks", null, true),
            new("bottlenecks?top=2", null, true),
        ];
    }

    /// <summary>What the answers are filed under: the path, and for a POST its body.</summary>
    public string Name => Body is null ? Path : $"POST {Path} {Body}";
}
