using Microsoft.Extensions.Configuration.Json;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Extensions;

public static class SettingsFileExtensions
{
    public const string Setting = "Newsroom:SettingsFile";

    /// <summary>
    /// Reads one more JSON settings file when <c>Newsroom:SettingsFile</c> names one, after appsettings and before the
    /// environment: a long list such as the staff accounts of a large newsroom is kept in a mounted file rather than in
    /// thousands of environment variables. A named file that is missing or not JSON stops the start, naming it.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomSettingsFile(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[Setting] is not { Length: > 0 } path)
        {
            return builder;
        }

        var full = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        if (!File.Exists(full))
        {
            throw new NewsroomConfigurationException($"{Setting} names '{full}', which does not exist.");
        }

        // After the last JSON file (appsettings.{Environment}.json, user secrets), so the environment variables and the
        // command line still win over it, as they do over appsettings.
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var lastJson = sources.Select((source, i) => (source, i)).LastOrDefault(s => s.source is JsonConfigurationSource, (null!, -1)).i;
        try
        {
            var file = new JsonConfigurationSource { Path = full, Optional = false, ReloadOnChange = false };
            file.ResolveFileProvider();
            sources.Insert(lastJson + 1, file);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new NewsroomConfigurationException($"{Setting} names '{full}', which is not a JSON settings file: {e.Message}");
        }

        return builder;
    }
}
