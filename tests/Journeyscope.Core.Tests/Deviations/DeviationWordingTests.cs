using Journeyscope.Conformance;

namespace Journeyscope.Core.Tests.Deviations;

public sealed class DeviationWordingTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["onboarding-email"] = "Send onboarding email",
        ["escalate"] = "Escalate ticket",
        ["pay"] = "Pay",
    };

    [Fact]
    public void Describe_SkippedTouchpoint_UsesItsName()
    {
        // When
        var text = DeviationWording.Describe([new DeviationItem(DeviationKind.Skipped, "onboarding-email", true)], Names);

        // Then
        text.ShouldBe("skipped Send onboarding email");
    }

    [Fact]
    public void Describe_UnexpectedRepeat_IsOnePhrase()
    {
        // Given escalate done where the design does not allow it, twice (inserted + repeated), as a pattern lists them
        DeviationItem[] items =
        [
            new(DeviationKind.Skipped, "onboarding-email", true),
            new(DeviationKind.Inserted, "escalate", true),
            new(DeviationKind.Repeated, "escalate", true),
        ];

        // When
        var text = DeviationWording.Describe(items, Names);

        // Then
        text.ShouldBe("skipped Send onboarding email; did Escalate ticket more than once");
    }

    [Fact]
    public void Describe_UnmappedStepAndOutOfOrder_PlainWordsWithoutCodes()
    {
        // Given an activity no touchpoint maps (W_ codes as in BPI 2012) and a touchpoint out of order
        DeviationItem[] items = [new(DeviationKind.Inserted, "W_Valideren aanvraag", false), new(DeviationKind.OutOfOrder, "pay", true)];

        // When
        var text = DeviationWording.Describe(items, Names);

        // Then
        text.ShouldBe("did “W_Valideren aanvraag” (not in the journey); did Pay out of order");
        text.ShouldNotContain("?");
        text.ShouldNotContain(":");
    }

    [Fact]
    public void Describe_UnknownTouchpointId_FallsBackToTheId()
    {
        // When
        var text = DeviationWording.Describe([new DeviationItem(DeviationKind.Repeated, "browse", true)], Names);

        // Then
        text.ShouldBe("repeated browse");
    }
}
