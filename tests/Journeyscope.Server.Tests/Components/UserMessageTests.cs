using System.Net;
using Journeyscope.Server.Components;
using Journeyscope.Server.Components.Api;

namespace Journeyscope.Server.Tests.Components;

public sealed class UserMessageTests
{
    [Theory]
    [InlineData(
        "Step 2: touchpoint 'ship' of journey 'retail' matches no activity of workspace 'shop'. Check its rule with GET /api/v1/workspaces/shop/journeys/retail/validation.",
        "Step 2: touchpoint 'ship' of journey 'retail' matches no activity of workspace 'shop'.")]
    [InlineData(
        "The events have no 'score' attribute, so there are no survey answers; name the attribute with scoreAttribute=….",
        "The events have no 'score' attribute, so there are no survey answers.")]
    [InlineData(
        "by='segment' is neither a case nor an event attribute of workspace 'shop'. Use one of: amount, resource.",
        "'segment' is neither a case nor an event attribute of workspace 'shop'. Use one of: amount, resource.")]
    [InlineData("Unknown filter 'bogus' at 1.", "Unknown filter 'bogus' at 1.")]
    public void Page_ApiDetail_KeepsOnlyWhatAPageUserCanAct(string detail, string expected)
    {
        // Given a detail the API writes for scripts, when a page shows it
        var text = UserMessage.Page(detail);

        // Then the sentences naming routes and query parameters are gone, the rest is unchanged
        text.ShouldBe(expected);
        UserMessage.HasApiWording(text).ShouldBeFalse();
        PageWordingTests.ApiWording(text).ShouldBeEmpty();
    }

    [Fact]
    public void Of_UnknownWorkspace_SaysWhereToChooseOne()
    {
        // Given the workspace filter's 404
        var problem = new ApiException(HttpStatusCode.NotFound, "Unknown workspace",
            "There is no workspace named 'x'. List the workspaces with GET /api/v1/workspaces or create it with POST /api/v1/workspaces.");

        // When a page shows it
        var text = UserMessage.Of(problem);

        // Then
        text.ShouldBe("Unknown workspace: There is no workspace named 'x'. Choose a workspace on the start page.");
    }
}
