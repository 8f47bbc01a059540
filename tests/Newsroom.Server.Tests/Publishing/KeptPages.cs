using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>Reads of a reader page that should be served from the silo's output cache.</summary>
internal static class KeptPages
{
    /// <summary>
    /// A read of <paramref name="path"/> served from the cache (it carries <c>Age</c>). A story's own publish empties
    /// the pages when its event reaches the silo, which may be just after a first read rendered and kept the page, so
    /// this reads again until one is served from the cache; it fails if the cache never keeps the page.
    /// </summary>
    public static Task<HttpResponseMessage> ServedFromTheCache(HttpClient reader, string path) =>
        Eventually.Until(() => reader.GetAsync(path), r => r.Headers.Age.HasValue, TimeSpan.FromSeconds(10), $"a read of {reader.BaseAddress}{path.TrimStart('/')} served from the cache");
}
