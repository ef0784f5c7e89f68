using Journeyscope.Fuzz;
using SharpFuzz;

// Usage: Journeyscope.Fuzz TARGET            (under afl-fuzz: reads each input from afl++)
//        Journeyscope.Fuzz TARGET FILE...    (replays files, e.g. afl++ crashes, and prints what each did)
//        Journeyscope.Fuzz export IN OUT     (converts a log, e.g. to make a Parquet seed)
if (args is ["export", var from, var to])
{
    Journeyscope.IO.EventLogFile.Export(Journeyscope.IO.EventLogFile.Import(from).Log, to);
    return 0;
}

var target = args.Length > 0 ? FuzzTarget.All.FirstOrDefault(t => t.Name == args[0]) : null;
if (target is null)
{
    Console.Error.WriteLine("usage: Journeyscope.Fuzz TARGET [FILE...]\ntargets:");
    foreach (var known in FuzzTarget.All)
    {
        Console.Error.WriteLine($"  {known.Name,-14} {known.Description}");
    }

    return 2;
}

if (args.Length > 1)
{
    var failures = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
            Console.WriteLine($"ok     {file}");
        }
        catch (Exception ex)
        {
            failures++;
            Console.WriteLine($"CRASH  {file}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
