using System.Buffers;
using System.Text;
using Journeyscope.Erasure;

namespace Journeyscope.Storage.Erasure;

/// <summary>
/// Searches every byte of every file under some folders for a set of strings (as UTF-8): the verification of an erasure.
/// </summary>
/// <remarks>
/// Streams each file in 1 MiB blocks, keeping the last bytes of a block so a string split across two blocks is found.
/// Symbolic links are not followed. A file that cannot be read is reported as a finding (it may hold a copy).
/// </remarks>
internal static class ByteScan
{
    private const int BlockSize = 1 << 20;

    /// <summary>Scans <paramref name="folders"/> (label, path) for <paramref name="needles"/> (name, text).</summary>
    public static (int Files, long Bytes, List<ScanFinding> Findings) Scan(
        IReadOnlyList<(string Label, string Path)> folders, IReadOnlyList<(string Name, string Text)> needles, CancellationToken cancellationToken)
    {
        var patterns = needles.Select(n => (n.Name, Bytes: Encoding.UTF8.GetBytes(n.Text))).ToArray();
        var overlap = patterns.Length == 0 ? 0 : patterns.Max(p => p.Bytes.Length) - 1;
        var findings = new List<ScanFinding>();
        var files = 0;
        long bytes = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize + overlap);
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
            foreach (var (label, root) in folders)
            {
                if (!Directory.Exists(root))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(root, "*", options))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var name = label + Path.GetRelativePath(root, file).Replace('\\', '/');
                    files++;
                    try
                    {
                        bytes += ScanFile(file, name, buffer, overlap, patterns, findings);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        findings.Add(new ScanFinding(name, "unreadable", 1));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (files, bytes, findings);
    }

    private static long ScanFile(string file, string name, byte[] buffer, int overlap, (string Name, byte[] Bytes)[] patterns, List<ScanFinding> findings)
    {
        var counts = new long[patterns.Length];
        long total = 0;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan))
        {
            var kept = 0;
            while (true)
            {
                var read = stream.Read(buffer, kept, BlockSize);
                if (read == 0)
                {
                    break;
                }

                total += read;
                var length = kept + read;
                var window = buffer.AsSpan(0, length);
                for (var p = 0; p < patterns.Length; p++)
                {
                    var pattern = patterns[p].Bytes;

                    // Matches that start in the kept tail were counted with the previous block unless they run past it.
                    var from = kept == 0 ? 0 : Math.Max(0, kept - pattern.Length + 1);
                    counts[p] += Count(window[from..], pattern);
                }

                kept = Math.Min(overlap, length);
                buffer.AsSpan(length - kept, kept).CopyTo(buffer);
            }
        }

        for (var p = 0; p < patterns.Length; p++)
        {
            if (counts[p] > 0)
            {
                findings.Add(new ScanFinding(name, patterns[p].Name, counts[p]));
            }
        }

        return total;
    }

    private static long Count(ReadOnlySpan<byte> data, ReadOnlySpan<byte> pattern)
    {
        long count = 0;
        while (true)
        {
            var at = data.IndexOf(pattern);
            if (at < 0)
            {
                return count;
            }

            count++;
            data = data[(at + 1)..];
        }
    }
}
