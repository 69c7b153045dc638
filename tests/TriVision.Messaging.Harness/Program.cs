using TriVision.Messaging;
using TriVision.Messaging.Contract;
using TriVision.Messaging.Health;
using TriVision.Messaging.Mqtt;
using TriVision.Messaging.Sparkplug;

// A stand-in TriVision process for crash tests: raises alarms at a steady rate through the real
// gateway and outbox, printing "raised <id>" once each alarm is durable. The test SIGKILLs it.
// Usage: harness <port> <outbox.db> <site> <line> <firstIndex> <count> <intervalMs>
//        harness sparkplug <port>     (a Sparkplug edge node publishing camera health until killed)
if (args is ["sparkplug", var spPort])
{
    using var node = new SparkplugNode(new SparkplugOptions
    {
        GroupId = "plant",
        EdgeNodeId = "trivision-l1",
        Cameras = ["cam1"],
        Client = new MqttClientOptions { Port = int.Parse(spPort), ClientId = "trivision-spb-harness", Protocol = MqttProtocol.V311, KeepAliveSeconds = 5 },
    });
    node.Client.Connected += () => Console.WriteLine("connected");
    node.Start();
    for (long frames = 0; ; frames++)
    {
        if (node.Client.IsConnected) node.PublishHealth("cam1", frames, 5, false);
        await Task.Delay(100);
    }
}
if (args.Length != 7)
{
    Console.Error.WriteLine("usage: harness <port> <outbox.db> <site> <line> <firstIndex> <count> <intervalMs>");
    return 2;
}
int port = int.Parse(args[0]);
int first = int.Parse(args[4]);
int count = int.Parse(args[5]);
int intervalMs = int.Parse(args[6]);

var options = new MqttGatewayOptions { Site = args[2], Line = args[3] };
options.Client.Port = port;
options.Client.ClientId = "trivision-harness";
options.Client.KeepAliveSeconds = 5;
options.Client.ReconnectDelayMax = TimeSpan.FromSeconds(2);
options.Outbox.Path = args[1];
options.Heartbeat.Period = TimeSpan.FromMilliseconds(200);

var progress = new InferenceProgress();
await using var gateway = new MqttGateway(options, progress);
gateway.Client.Connected += () => Console.WriteLine("connected");
gateway.Outbox.Delivered += seq => Console.WriteLine($"delivered {seq}");
gateway.Start();
Console.WriteLine("started");

for (int i = first; i < first + count; i++)
{
    progress.Report();
    var now = DateTimeOffset.UtcNow;
    gateway.RaiseAlarm(new AlarmMessage
    {
        Id = $"alarm-{i:D6}",
        Site = options.Site,
        Line = options.Line,
        Camera = "cam1",
        ClassName = "lithium_battery",
        Confidence = 0.9f,
        CapturedAt = now,
        RaisedAt = now,
        Action = RequestedAction.Divert,
        Downstream = [new DownstreamEta("ejector1", 1200)],
        Model = new ModelIdentity("trivision-yolo", "sha256:test"),
    });
    Console.WriteLine($"raised alarm-{i:D6}");
    await Task.Delay(intervalMs);
}
Console.WriteLine("idle");
// Keep running (publishing, heartbeating) until killed or stdin closes.
while (Console.ReadLine() is not null) { }
return 0;
