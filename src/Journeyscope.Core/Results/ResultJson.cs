using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeyscope.Results;

/// <summary>
/// The JSON settings of every result record: the CLI's <c>--format json</c>, the REST API and the web UI serialise and
/// read results with these options, so one record gives one JSON everywhere (docs/api.md, "One contract").
/// </summary>
/// <remarks>
/// camelCase property names; enums as camelCase names (<c>noData</c>, <c>netScore</c>) unless a member declares its
/// own name with <see cref="JsonStringEnumMemberNameAttribute"/>; dictionary keys as written (attribute names are
/// data); non-finite numbers as the literals <c>NaN</c>/<c>Infinity</c> rather than an exception (results report null
/// where a figure is undefined). The instances are frozen and thread-safe.
/// </remarks>
public static class ResultJson
{
    /// <summary>The options of the API and the UI (compact).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same options, indented, for the CLI.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Applies the contract's settings to options owned by a host (ASP.NET Core's HTTP JSON options).</summary>
    /// <param name="options">The options to configure.</param>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DictionaryKeyPolicy = null;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
