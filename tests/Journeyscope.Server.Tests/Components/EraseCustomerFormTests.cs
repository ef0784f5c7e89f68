using Bunit;
using Journeyscope.Server.Components.Shared;

namespace Journeyscope.Server.Tests.Components;

/// <summary>The "Erase a customer" form of the workspace's overview page.</summary>
public sealed class EraseCustomerFormTests
{
    private const string Receipt = """
        {"workspace":"shop","dryRun":false,"idsErased":2,"removed":[{"table":"events","rows":5},{"table":"cases","rows":2},{"table":"quarantine","rows":0}],
         "filesRemoved":[],"compacted":true,"version":7,
         "verification":{"filesScanned":3,"bytesScanned":1000,"needles":4,"occurrences":0,"databaseRows":0,"findings":[],"unverifiable":0},
         "succeeded":true,"erasedAt":"2026-12-06T21:40:00+00:00"}
        """;

    [Fact]
    public async Task EraseForm_IdTypedTwice_PostsTheErasureAndShowsTheReceipt()
    {
        // Given the form over an API that erases
        var api = new FakeApi().On("/api/v1/workspaces/shop/erasures", Receipt);
        await using var context = api.Context();
        var form = context.Render<EraseCustomerForm>(p => p.Add(x => x.Ws, "shop"));

        // When the id is typed, the button stays disabled until it is typed again identically
        form.Find("input[data-testid=erase-customer-id]").Input("cust-42");
        form.Find("input[data-testid=erase-customer-confirm]").Input("cust-4");
        form.Find("[data-testid=erase-customer-submit]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("input[data-testid=erase-customer-confirm]").Input("cust-42");
        form.Find("[data-testid=erase-customer-submit]").HasAttribute("disabled").ShouldBeFalse();
        await form.Find("form").SubmitAsync();

        // Then the erasure is posted for that customer, and the receipt says what went and that no copy is left
        form.WaitForAssertion(() => form.Find("[data-testid=erase-customer-result]").TextContent.ShouldContain("Erased: 7 rows of 2 ids removed"));
        api.Requests.ShouldContain("POST /api/v1/workspaces/shop/erasures");
        api.Bodies.Single().ShouldContain("\"customer\":\"cust-42\"");
        api.Bodies.Single().ShouldContain("\"dryRun\":false");
        form.Find("[data-testid=erase-customer-receipt]").TextContent.ShouldContain("events");
        form.Find("[data-testid=erase-customer-receipt]").TextContent.ShouldNotContain("quarantine");
    }

    [Fact]
    public async Task EraseForm_VerificationFoundACopy_ShowsTheFindingsAsAnError()
    {
        // Given an API whose erasure still found a copy in a journey file
        var failed = Receipt.Replace("\"findings\":[]", "\"findings\":[{\"file\":\"journeys/vip.yaml\",\"needle\":\"id 1\",\"occurrences\":1}]", StringComparison.Ordinal)
            .Replace("\"occurrences\":0", "\"occurrences\":1", StringComparison.Ordinal)
            .Replace("\"succeeded\":true", "\"succeeded\":false", StringComparison.Ordinal);
        var api = new FakeApi().On("/api/v1/workspaces/shop/erasures", failed);
        await using var context = api.Context();
        var form = context.Render<EraseCustomerForm>(p => p.Add(x => x.Ws, "shop"));

        // When the customer is erased
        form.Find("input[data-testid=erase-customer-id]").Input("cust-42");
        form.Find("input[data-testid=erase-customer-confirm]").Input("cust-42");
        await form.Find("form").SubmitAsync();

        // Then the result says the erasure is incomplete and lists where the copy is
        form.WaitForAssertion(() => form.Find("[data-testid=erase-customer-result]").TextContent.ShouldContain("Incomplete"));
        form.Find("[data-testid=erase-customer-findings]").TextContent.ShouldContain("journeys/vip.yaml");
    }
}
