namespace Newsroom.Server.Configuration;

/// <summary>A setting is missing or wrong; the message names it and says what is expected.</summary>
public sealed class NewsroomConfigurationException(string message) : Exception(message);
