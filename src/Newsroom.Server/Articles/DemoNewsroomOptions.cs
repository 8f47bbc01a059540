using Newsroom.Server.Configuration;

namespace Newsroom.Server.Articles;

/// <summary>
/// Setting <c>Newsroom:Demo:Stories</c> (Development only): whether <see cref="DemoNewsroom"/> writes the demo stories
/// and the demo conversation. On by default, so <c>./run.sh</c> shows a living newsroom. The tests' servers turn it off
/// unless a test reads the demo stories: each of them starts on empty storage, and writing the stories cost a start
/// about two seconds of CPU. The demo accounts, and the moderator following the queue, stay either way.
/// </summary>
public sealed record DemoNewsroomOptions(bool WritesStories)
{
    public const string Stories = "Newsroom:Demo:Stories";

    public static DemoNewsroomOptions Validate(IConfiguration configuration)
    {
        var value = configuration[Stories];
        if (value is null)
        {
            return new(WritesStories: true);
        }

        return bool.TryParse(value, out var stories)
            ? new(stories)
            : throw new NewsroomConfigurationException($"{Stories} ('{value}') must be true or false.");
    }
}
