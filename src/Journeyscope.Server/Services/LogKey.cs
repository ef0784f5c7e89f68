using Journeyscope.EventLogs;

namespace Journeyscope.Server.Services;

/// <summary>What identifies a filtered log: the workspace, its version, the time basis and the normalised filters.</summary>
/// <param name="Workspace">The workspace name.</param>
/// <param name="Version">The workspace version (bumped by every import).</param>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Filters">
/// The filters in their canonical text (each as <c>LogFilter.ToString()</c> prints it), in order, one per line; empty for
/// the whole log. Spelling differences (spaces, keyword case, quotes) therefore share one key.
/// </param>
public readonly record struct LogKey(string Workspace, long Version, TimeBasis TimeBasis, string Filters);
