using System.Diagnostics;

namespace TriVision.Messaging.Tests.Infrastructure;

/// <summary>A CA, a server certificate for 127.0.0.1, a client certificate from that CA, and a client certificate from a rogue CA, made with the openssl CLI.</summary>
internal sealed class TestCertificates
{
    public TestCertificates(string dir)
    {
        Dir = dir;
        Ca("ca");
        Ca("rogue-ca");
        Leaf("server", "ca", "127.0.0.1", "subjectAltName=IP:127.0.0.1");
        Leaf("client", "ca", "plc-gateway", "extendedKeyUsage=clientAuth");
        Leaf("rogue-client", "rogue-ca", "plc-gateway", "extendedKeyUsage=clientAuth");
        // Test keys only: the broker runs as the mosquitto user and must read its key.
        foreach (var file in Directory.GetFiles(dir)) System.IO.File.SetUnixFileMode(file, (UnixFileMode)0x1A4);
    }

    public string Dir { get; }
    public string File(string name) => Path.Combine(Dir, name);

    private void Ca(string name) =>
        OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", File(name + ".key"), "-out", File(name + ".crt"), "-days", "2", "-subj", $"/CN=TriVision test {name}");

    private void Leaf(string name, string ca, string cn, string extension)
    {
        System.IO.File.WriteAllText(File(name + ".ext"), extension + "\n");
        OpenSsl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", File(name + ".key"), "-out", File(name + ".csr"), "-subj", $"/CN={cn}");
        OpenSsl("x509", "-req", "-in", File(name + ".csr"), "-CA", File(ca + ".crt"), "-CAkey", File(ca + ".key"),
            "-CAcreateserial", "-out", File(name + ".crt"), "-days", "2", "-extfile", File(name + ".ext"));
    }

    private static void OpenSsl(params string[] args)
    {
        var psi = new ProcessStartInfo("openssl", args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {err}");
    }
}
