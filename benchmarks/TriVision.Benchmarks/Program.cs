using BenchmarkDotNet.Running;

// Run all suites:   dotnet run -c Release --project benchmarks/TriVision.Benchmarks -- --filter '*'
// Run one suite:    ... -- --filter '*Preprocess*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
