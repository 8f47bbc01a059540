using Newsroom.Server.Auth;

namespace Newsroom.Server.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseNewsroomPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseReaderSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGuestIdentity();
        app.UseAntiforgery();
        return app;
    }
}
