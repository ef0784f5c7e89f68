using Journeyscope.IO.Journeys;

namespace Journeyscope.Server.Api;

/// <summary>The journey files of a workspace, found as the CLI finds them (<see cref="JourneyRepository"/>: <c>*.yaml</c> and <c>*.yml</c>).</summary>
internal static class JourneyFiles
{
    public static IReadOnlyList<string> Ids(string folder) => JourneyRepository.Ids(folder);

    /// <summary>The file of journey <paramref name="id"/>: the existing <c>.yaml</c> or <c>.yml</c>, else the <c>.yaml</c> to write.</summary>
    public static string PathOf(string folder, string id) => JourneyRepository.PathOf(folder, id);
}
