namespace TriVision.Service.Host;

/// <summary>A configuration key or value the service cannot start with; the message is the one line the operator sees.</summary>
public sealed class ServiceConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
