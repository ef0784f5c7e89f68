using System.IO.Compression;
using System.Text;

namespace Journeyscope.IO.Tests.Xes;

internal static class XesTestData
{
    public static ImportResult Import(string xml, ImportMode mode = ImportMode.Lenient) =>
        XesImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "test.xes", new ImportOptions { Mode = mode });

    public static string Log(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n" + body + "\n</log>";

    public static string Event(string activity, string timestamp, string extra = "") =>
        $"<event><string key=\"concept:name\" value=\"{activity}\"/><date key=\"time:timestamp\" value=\"{timestamp}\"/>{extra}</event>";

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
