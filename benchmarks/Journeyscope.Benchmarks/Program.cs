using BenchmarkDotNet.Running;

namespace Journeyscope.Benchmarks;

/// <summary>Runs the BenchmarkDotNet kernels: <c>dotnet run -c Release --project benchmarks/Journeyscope.Benchmarks -- --filter *</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
