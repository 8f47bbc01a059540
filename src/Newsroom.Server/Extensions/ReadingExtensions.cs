using Newsroom.Server.Articles;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Extensions;

public static class ReadingExtensions
{
    /// <summary>
    /// What readers get: the reader pages kept rendered on each silo until a story changes (<see cref="PublishedPages"/>);
    /// in Development only, the demo staff write and publish the demo stories on the first start against empty storage,
    /// before <c>/health/ready</c> says ready.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomReading(this WebApplicationBuilder builder)
    {
        var pages = PublishedPageOptions.Validate(builder.Configuration);
        builder.Services.AddSingleton<PublishedPages>();
        builder.Services.AddSingleton<ISiloChannelListener>(provider => provider.GetRequiredService<PublishedPages>());
        builder.Services.AddHostedService<SiloChannelListening>();
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = pages.SizeLimitMegabytes * 1024L * 1024L;
            // The default rules come with the builder: anonymous GET and HEAD, 200 only, nothing that sets a cookie.
            o.AddPolicy(PublishedPages.Policy, policy => policy
                .Tag(PublishedPages.Policy)
                .Expire(pages.MaxAge)
                .VaryByValue(context => KeyValuePair.Create("published", context.RequestServices.GetRequiredService<PublishedPages>().Generation))
                .With(_ => pages.MaxAge > TimeSpan.Zero));
        });

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton(DemoNewsroomOptions.Validate(builder.Configuration));
            builder.Services.AddSingleton<DemoNewsroom>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<DemoNewsroom>());
            builder.Services.AddHealthChecks().AddCheck<DemoNewsroomHealthCheck>("demo-newsroom", tags: [HealthExtensions.ReadyTag]);
        }

        return builder;
    }
}
