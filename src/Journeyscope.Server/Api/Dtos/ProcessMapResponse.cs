namespace Journeyscope.Server.Api.Dtos;

/// <summary>
/// The process map (GET /api/v1/workspaces/{ws}/process-map): the JSON the Cytoscape map is drawn from. Nodes by
/// event count descending; edges by count descending; start and end edges by count descending.
/// </summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="Cases">Number of cases on the map.</param>
/// <param name="Events">Number of events on the map (hidden activities' events excluded).</param>
/// <param name="Nodes">The kept activities.</param>
/// <param name="Edges">The kept directly-follows edges.</param>
/// <param name="Starts">Edges from the start node.</param>
/// <param name="Ends">Edges to the end node.</param>
/// <param name="Sliders">Slider settings and what they hid.</param>
public sealed record ProcessMapResponse(
    string TimeBasis,
    long Version,
    long Cases,
    long Events,
    IReadOnlyList<ProcessMapNode> Nodes,
    IReadOnlyList<ProcessMapLink> Edges,
    IReadOnlyList<ProcessMapTerminal> Starts,
    IReadOnlyList<ProcessMapTerminal> Ends,
    ProcessMapSliders Sliders);
