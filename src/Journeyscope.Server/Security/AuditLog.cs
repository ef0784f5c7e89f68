using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>The append-only audit log: sign-ins, failed sign-ins, key and role changes, imports, exports, journey edits.</summary>
/// <remarks>
/// Entries are only added; the one change is <see cref="BlankPersonalFieldsAsync"/>, which erasure calls so that an
/// erased person's name and address leave the log while the fact that something happened stays.
/// </remarks>
public sealed class AuditLog(SecurityDb db, TimeProvider time)
{
    /// <summary>What a blanked personal field reads.</summary>
    public const string Erased = "(erased)";

    /// <summary>Appends an entry.</summary>
    public async Task WriteAsync(
        string action, string? workspace, string? actor, string? target, string? detail, string? address, CancellationToken cancellationToken = default)
    {
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            Workspace = workspace,
            Actor = Cap(actor),
            Target = Cap(target),
            Detail = Cap(detail),
            Address = Cap(address),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends an entry for the caller of an HTTP request (its name and address).</summary>
    public Task WriteAsync(HttpContext http, string action, string? workspace, string? target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return WriteAsync(action, workspace, CallerClaims.Describe(http.User), target, detail,
            http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
    }

    /// <summary>The newest entries of a workspace (or of the server when <paramref name="workspace"/> is null), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? workspace, int limit, CancellationToken cancellationToken = default)
    {
        var entries = db.Audit.AsNoTracking();
        entries = workspace is null ? entries : entries.Where(e => e.Workspace == workspace);
        return await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Blanks the personal fields (actor, target, address) of every entry that names <paramref name="subject"/> — a user
    /// name, a customer id — and returns how many entries changed. For erasure (GDPR Art. 17).
    /// </summary>
    public async Task<int> BlankPersonalFieldsAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var entries = await db.Audit.Where(e => e.Actor == subject || e.Target == subject || (e.Detail != null && e.Detail.Contains(subject)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            entry.Actor = entry.Actor == subject ? Erased : entry.Actor;
            entry.Target = entry.Target == subject ? Erased : entry.Target;
            entry.Detail = entry.Detail?.Replace(subject, Erased, StringComparison.Ordinal);
            entry.Address = null;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entries.Count;
    }

    /// <summary>The entries as CSV (RFC 4180 quoting), oldest last as given.</summary>
    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder("id,at,action,workspace,actor,target,detail,address\n");
        foreach (var e in entries)
        {
            csv.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(e.Action)).Append(',').Append(Quote(e.Workspace)).Append(',').Append(Quote(e.Actor)).Append(',')
                .Append(Quote(e.Target)).Append(',').Append(Quote(e.Detail)).Append(',').Append(Quote(e.Address)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading = + - @ would be a formula in a spreadsheet: prefix it with a quote.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string? Cap(string? value) => value is { Length: > 500 } ? value[..500] : value;
}
