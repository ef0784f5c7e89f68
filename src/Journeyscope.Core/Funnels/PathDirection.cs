using System.Text.Json.Serialization;

namespace Journeyscope.Funnels;

/// <summary>Which way a path analysis walks from its anchor; <c>next</c> or <c>previous</c> in results and in the API's <c>direction</c>.</summary>
public enum PathDirection
{
    /// <summary>The steps after the anchor (paths from it).</summary>
    [JsonStringEnumMemberName("next")]
    Forward,

    /// <summary>The steps before the anchor (paths leading to it).</summary>
    [JsonStringEnumMemberName("previous")]
    Backward,
}
