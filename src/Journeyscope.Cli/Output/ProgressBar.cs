using System.Globalization;
using Journeyscope.IO;

namespace Journeyscope.Cli.Output;

/// <summary>A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.</summary>
internal sealed class ProgressBar(TextWriter error, string label, bool enabled) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private long _lastDrawn = -1;

    public void Report(ImportProgress value)
    {
        if (!enabled || value.BytesRead == _lastDrawn)
        {
            return;
        }

        _lastDrawn = value.BytesRead;
        var records = value.RecordsRead.ToString("N0", CultureInfo.InvariantCulture);
        if (value.TotalBytes > 0)
        {
            var share = Math.Clamp((double)value.BytesRead / value.TotalBytes, 0, 1);
            var filled = (int)(share * Width);
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {records} records"));
        }
        else
        {
            error.Write($"\r{label} {records} records");
        }
    }

    public void Done()
    {
        if (enabled && _lastDrawn >= 0)
        {
            error.WriteLine();
        }
    }
}
