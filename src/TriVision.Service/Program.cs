namespace TriVision.Service;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("trivision: the CLI is being assembled; no verbs yet.");
        return 2;
    }
}
