using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope report</c>: one self-contained HTML file with the process map, the variants and the value stream,
/// drawn by the web UI's script bundle (inlined) from the same JSON the REST API serves (embedded).
/// </summary>
internal static class ReportCommand
{
    private const string BundleResource = "journeyscope.js";

    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "The HTML file to write. Example: --out report.html",
            Required = true,
        };
        var top = new Option<int>("--top")
        {
            Description = "How many variants the report lists (default 20).",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("report",
            "A self-contained HTML report (no server, no internet needed): process map, variants and value stream.\n" +
            "Example: journeyscope report --workspace ./receipt --out report.html --filter \"variants coverage 80%\"")
        {
            output, top,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n < 1)
            {
                throw new UsageException("--top takes a positive number of variants.");
            }

            var log = source.Load(parse, cancellationToken);
            var file = parse.GetRequiredValue(output);
            var html = Render(log, n, parse.GetValue(source.Filters) ?? [], cancellationToken);
            File.WriteAllText(file.FullName, html, new UTF8Encoding(false));
            context.Output.WriteLine($"Wrote {file.FullName} ({log.CaseCount:N0} cases, {log.EventCount:N0} events).");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The report's HTML for a (filtered) log.</summary>
    internal static string Render(EventLog log, int top, IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        var map = ProcessMap.Build(log, ProcessMapOptions.Default, cancellationToken);
        var variants = VariantSet.Discover(log, cancellationToken: cancellationToken);
        var stream = ValueStream.Analyze(log, cancellationToken: cancellationToken);
        var data = new
        {
            title = "Journeyscope report",
            generated = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            filters,
            timeBasis = log.TimeBasis == TimeBasis.Utc ? "utc" : "wall-clock",
            cases = log.CaseCount,
            events = log.EventCount,
            processMap = ProcessMapJson(map),
            variants = new
            {
                variantCount = variants.Variants.Count,
                cases = variants.CaseCount,
                variants = variants.Variants.Take(top).Select(v => new
                {
                    rank = v.Rank,
                    cases = v.CaseCount,
                    share = v.Share,
                    coverage = v.CumulativeCoverage,
                    meanDurationSeconds = v.MeanDuration,
                    medianDurationSeconds = v.MedianDuration,
                    activities = v.Activities,
                }),
                counts = variants.Variants.Select(v => v.CaseCount),
            },
            performance = new
            {
                leadTimeSeconds = new { total = stream.TotalLeadTime.TotalSeconds, mean = stream.MeanLeadTime.TotalSeconds },
                processingTimeSeconds = new { total = stream.TotalProcessingTime.TotalSeconds, mean = stream.MeanProcessingTime.TotalSeconds },
                waitingTimeSeconds = new { total = stream.TotalWaitingTime.TotalSeconds, mean = stream.MeanWaitingTime.TotalSeconds },
                flowEfficiency = stream.FlowEfficiency,
                activities = stream.Activities.OrderByDescending(a => a.Count).Take(20).Select(a => new
                {
                    activity = a.Activity,
                    events = a.Count,
                    meanProcessingSeconds = a.MeanProcessingTime.TotalSeconds,
                    meanWaitingSeconds = a.MeanWaitingTime.TotalSeconds,
                }),
            },
        };
        var json = JsonSerializer.Serialize(data, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        });
        return Template
            .Replace("/*DATA*/", Script(json), StringComparison.Ordinal)
            .Replace("/*BUNDLE*/", Script(Bundle()), StringComparison.Ordinal);
    }

    /// <summary>The process map in the shape of <c>GET /api/v1/workspaces/{ws}/process-map</c>.</summary>
    private static object ProcessMapJson(ProcessMap map)
    {
        var names = map.ActivityNames;
        return new
        {
            nodes = map.Activities.Select(a => new { id = a.Name, events = a.Events, cases = a.Cases, starts = a.StartCount, ends = a.EndCount }),
            edges = map.Edges.Select((e, i) => new
            {
                id = "e" + i.ToString(CultureInfo.InvariantCulture),
                from = names[e.From],
                to = names[e.To],
                count = e.Count,
                cases = e.CaseCount,
                meanSeconds = e.Performance.Mean,
                medianSeconds = e.Performance.Median,
                totalSeconds = e.Performance.Sum,
            }),
            starts = map.StartEdges.Select(s => new { activity = names[s.Activity], count = s.Count }),
            ends = map.EndEdges.Select(s => new { activity = names[s.Activity], count = s.Count }),
        };
    }

    // "</script" inside inlined text would end the script element early; the escaped form means the same to JavaScript.
    private static string Script(string text) => text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    private static string Bundle()
    {
        using var stream = typeof(ReportCommand).Assembly.GetManifestResourceStream(BundleResource)
            ?? throw new InvalidOperationException("The web UI bundle is not embedded in this build of journeyscope (build src/Journeyscope.Server first).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Journeyscope report</title>
        <style>
          body { font-family: Roboto, Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px; color: #14213d; }
          h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
          .meta { color: #52606d; font-size: 13px; }
          .tiles { display: flex; gap: 12px; flex-wrap: wrap; } .tile { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 14px; }
          .tile b { display: block; font-size: 20px; }
          #map { height: 640px; border: 1px solid #d9e2ec; border-radius: 6px; }
          table { border-collapse: collapse; font-size: 13px; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
          .row { display: flex; gap: 16px; flex-wrap: wrap; } .row > div { flex: 1 1 480px; min-width: 0; }
          #vsm { overflow-x: auto; }
        </style>
        </head>
        <body>
        <h1>Journeyscope report</h1>
        <p class="meta" id="meta"></p>
        <div class="tiles" id="tiles"></div>
        <h2>Process map</h2>
        <div id="map" role="img" aria-label="Process map"></div>
        <h2>Variants</h2>
        <div class="row"><div><table id="variants"><thead><tr><th>#</th><th>Cases</th><th>Share</th><th>Coverage</th><th>Median duration</th><th>Steps</th></tr></thead><tbody></tbody></table></div>
        <div><div id="coverage" style="height:280px"></div></div></div>
        <h2>Value stream</h2>
        <div id="vsm"></div>
        <script id="journeyscope-data" type="application/json">/*DATA*/</script>
        <script>/*BUNDLE*/</script>
        <script>
        (function () {
          var data = JSON.parse(document.getElementById('journeyscope-data').textContent);
          var js = window.journeyscope, f = js.formatDuration;
          var pct = function (x) { return x == null ? '–' : (x * 100).toFixed(1) + '%'; };
          var text = function (s) { var d = document.createElement('div'); d.textContent = String(s); return d.innerHTML; };
          document.getElementById('meta').textContent = 'Generated ' + data.generated + ', ' + data.timeBasis + ' time' +
            (data.filters.length ? ', filters: ' + data.filters.join('; ') : '');
          var tiles = [['Cases', data.cases.toLocaleString('en-US')], ['Events', data.events.toLocaleString('en-US')],
            ['Variants', data.variants.variantCount.toLocaleString('en-US')], ['Mean lead time', f(data.performance.leadTimeSeconds.mean)],
            ['Flow efficiency', pct(data.performance.flowEfficiency)]];
          document.getElementById('tiles').innerHTML = tiles.map(function (t) { return '<div class="tile">' + t[0] + '<b>' + t[1] + '</b></div>'; }).join('');
          js.renderProcessMap('map', data.processMap, { mode: 'frequency' });
          document.querySelector('#variants tbody').innerHTML = data.variants.variants.map(function (v) {
            return '<tr><td>' + v.rank + '</td><td>' + v.cases + '</td><td>' + pct(v.share) + '</td><td>' + pct(v.coverage) + '</td><td>' +
              f(v.medianDurationSeconds) + '</td><td>' + v.activities.map(text).join(' → ') + '</td></tr>';
          }).join('');
          js.renderCoverage('coverage', { counts: data.variants.counts }, { title: 'Share of cases covered by the top variants' });
          js.renderValueStream('vsm', data.performance);
        })();
        </script>
        </body>
        </html>
        """;
}
