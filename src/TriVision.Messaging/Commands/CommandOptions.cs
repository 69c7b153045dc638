namespace TriVision.Messaging.Commands;

/// <summary>Who may send commands. Empty means nobody: commands are off until configured.</summary>
public sealed class CommandOptions
{
    /// <summary>
    /// Client identities allowed to command this line. The identity is the payload's <c>client_id</c>
    /// (and, on MQTT 5, the <c>client_id</c> user property, which must match). A broker cannot prove
    /// who published a message, so also restrict <c>trivision/+/+/cmd</c> with broker ACLs.
    /// </summary>
    public IReadOnlyList<string> AllowedClientIds { get; set; } = [];
}
