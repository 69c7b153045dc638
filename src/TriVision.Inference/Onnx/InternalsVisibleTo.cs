using System.Runtime.CompilerServices;

// The binding tests call the raw function table to check slot numbers and the status helper.
[assembly: InternalsVisibleTo("TriVision.Inference.Tests")]
