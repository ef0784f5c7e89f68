using System.Diagnostics;

namespace Journeyscope.Cli.Bench;

/// <summary>Samples the process working set while a phase runs and reports its peak in MiB.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemory()
    {
        Sample(null);
        _timer = new Timer(Sample, null, 0, 20);
    }

    public double PeakMiB
    {
        get
        {
            Sample(null);
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample(object? state)
    {
        using var process = Process.GetCurrentProcess();
        var now = process.WorkingSet64;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
