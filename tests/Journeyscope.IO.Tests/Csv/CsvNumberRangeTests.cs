using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Csv;

/// <summary>Numbers beyond the range of a double (issue 12): quarantined or refused, never read as Infinity.</summary>
public sealed class CsvNumberRangeTests
{
    private const string Text = "case,activity,timestamp,amount\nc1,A,2024-01-01T00:00:00Z,1.5\nc1,B,2024-01-01T00:01:00Z,1e999\nc1,C,2024-01-01T00:02:00Z,-2\n";

    private static ImportResult Import(string text, ImportMode mode) =>
        CsvImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "amounts.csv", null, new ImportOptions { Mode = mode });

    [Fact]
    public void Import_NumberOutOfRange_Lenient_RowQuarantinedColumnStaysNumeric()
    {
        // Given an amount column with 1e999 on line 3 / When imported leniently
        var result = Import(Text, ImportMode.Lenient);

        // Then line 3 is quarantined with the reason, the others keep a double column and no value is infinite
        var bad = result.Quarantine.ShouldHaveSingleItem();
        bad.Line.ShouldBe(3);
        bad.Field.ShouldBe("amount");
        bad.Reason.ShouldStartWith("number out of range");
        var amount = result.Log.FindEventAttribute("amount")!;
        amount.Type.ShouldBe(AttributeType.Double);
        result.Log.EventCount.ShouldBe(2);
        Enumerable.Range(0, 2).Select(e => amount.GetValue(e)!.Value.AsDouble()).ShouldBe([1.5, -2.0]);
    }

    [Fact]
    public void Import_NumberOutOfRange_Strict_ImportExceptionWithLine()
    {
        // Given the same file / When imported strictly / Then the import stops at line 3 with the reason
        var ex = Should.Throw<ImportException>(() => Import(Text, ImportMode.Strict));
        ex.Line.ShouldBe(3);
        ex.Reason.ShouldStartWith("number out of range");
    }

    [Fact]
    public void Import_InfinityName_KeptAsDouble()
    {
        // Given the name our exporters write for an infinite double / When imported
        var result = Import("case,activity,timestamp,amount\nc1,A,2024-01-01T00:00:00Z,Infinity\nc1,B,2024-01-01T00:01:00Z,2.5\n", ImportMode.Strict);

        // Then it is read as the value it names (round trip of exported logs), not quarantined
        result.Log.FindEventAttribute("amount")!.GetValue(0)!.Value.AsDouble().ShouldBe(double.PositiveInfinity);
    }
}
