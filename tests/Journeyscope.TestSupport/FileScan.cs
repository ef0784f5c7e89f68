using System.Text;

namespace Journeyscope.TestSupport;

/// <summary>Byte scans of a folder: what erasure tests use to prove no file still holds a personal value.</summary>
public static class FileScan
{
    /// <summary>
    /// Each of <paramref name="needles"/> (as UTF-8) found in any byte of any file under <paramref name="folder"/>, as
    /// <c>file: needle</c>; empty when none is.
    /// </summary>
    public static List<string> Find(string folder, IEnumerable<string> needles)
    {
        var patterns = needles.Select(n => (Needle: n, Bytes: Encoding.UTF8.GetBytes(n))).ToList();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (needle, pattern) in patterns)
            {
                if (bytes.AsSpan().IndexOf(pattern) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)}: {needle}");
                }
            }
        }

        return found;
    }
}
