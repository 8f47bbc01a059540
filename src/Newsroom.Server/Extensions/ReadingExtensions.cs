using Newsroom.Server.Articles;

namespace Newsroom.Server.Extensions;

public static class ReadingExtensions
{
    /// <summary>
    /// What readers get: the pages need no services of their own; in Development only, the demo staff write and
    /// publish the demo stories on the first start against empty storage, before <c>/health/ready</c> says ready.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomReading(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DemoNewsroom>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<DemoNewsroom>());
            builder.Services.AddHealthChecks().AddCheck<DemoNewsroomHealthCheck>("demo-newsroom", tags: [HealthExtensions.ReadyTag]);
        }

        return builder;
    }
}
