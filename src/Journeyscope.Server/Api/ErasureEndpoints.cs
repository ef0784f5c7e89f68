using Journeyscope.Erasure;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Erasure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// <c>POST /api/v1/workspaces/{ws}/erasures</c>: erases one customer (docs/erasure.md) and returns the receipt, the same
/// <see cref="ErasureReceipt"/> as <c>journeyscope erase --format json</c>. An admin operation of the workspace.
/// </summary>
internal static class ErasureEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/erasures", Erase).WithName("EraseCustomer").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Erases a customer: their events, cases, objects, quarantined lines and identity merges (every id merged into them), " +
                "compacts the database file, refuses their later events, then scans every file for their ids and values. The receipt's " +
                "'succeeded' is false when the scan still found a copy. Workspace admins only.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ErasureReceipt>, ProblemHttpResult>> Erase(
        string ws, ErasureRequest? request, WorkspaceHost host, UploadFolder uploads, TimeProvider time, AuditLog audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (request?.Customer is not { } customer || string.IsNullOrWhiteSpace(customer))
        {
            return TypedResults.Problem(
                title: "No customer", detail: "Give the customer's id: {\"customer\": \"cust-42\"}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var options = new ErasureOptions { DryRun = request.DryRun, OtherFolders = [("uploads/", uploads.Path)], TimeProvider = time };

        // The erasure rewrites the database file: not cancelled half-way when the client goes away.
        var receipt = await Task.Run(() => host.Erase(ws, customer, options, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        if (receipt is null)
        {
            return TypedResults.Problem(title: "Unknown workspace", detail: $"There is no workspace named '{ws}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!receipt.DryRun)
        {
            // The audit log's personal fields that name the customer are blanked; the erasure itself is logged without the id.
            await audit.BlankPersonalFieldsAsync(customer, CancellationToken.None).ConfigureAwait(false);
            await audit.WriteAsync(http, "erasure", ws, null, receipt.Succeeded ? "verified" : "copies remain").ConfigureAwait(false);
        }

        return TypedResults.Ok(receipt);
    }
}
