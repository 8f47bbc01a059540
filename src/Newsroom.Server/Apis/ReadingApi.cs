using System.Text;
using System.Xml;
using Newsroom.Grains.Articles;
using Newsroom.Server.Articles;
using Newsroom.Server.Extensions;
using Newsroom.Server.Pages.Articles;

namespace Newsroom.Server.Apis;

/// <summary>What news readers and search engines fetch besides the pages: <c>/feed.xml</c> (Atom) and <c>/sitemap.xml</c>.</summary>
public static class ReadingApi
{
    public const int FeedSize = 50;

    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static WebApplication MapReadingApi(this WebApplication app)
    {
        app.MapGet("/feed.xml", WriteFeed).WithMetadata(new ReaderPageAttribute()).CacheOutput(PublishedPages.Policy);
        app.MapGet("/sitemap.xml", WriteSitemap).WithMetadata(new ReaderPageAttribute()).CacheOutput(PublishedPages.Policy);
        return app;
    }

    /// <summary>The latest stories, newest first, each with its first publication and its last update.</summary>
    private static async Task WriteFeed(HttpContext context, IGrainFactory grains)
    {
        var stories = (await Index(grains).List(null, 1, FeedSize)).Stories;
        var request = context.Request;
        await WriteXml(context, "application/atom+xml; charset=utf-8", xml =>
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, "Newsroom");
            xml.WriteElementString("id", Atom, ReaderText.Absolute(request, "/"));
            xml.WriteElementString("updated", Atom, ReaderText.Machine(stories.Count == 0 ? DateTimeOffset.UnixEpoch : stories.Max(s => s.UpdatedAt)));
            Link(xml, "self", ReaderText.Absolute(request, "/feed.xml"));
            Link(xml, "alternate", ReaderText.Absolute(request, "/"));
            foreach (var story in stories)
            {
                var url = ReaderText.Absolute(request, ReaderText.ArticlePath(story.Slug));
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, story.Headline);
                xml.WriteElementString("id", Atom, url);
                Link(xml, "alternate", url);
                xml.WriteElementString("published", Atom, ReaderText.Machine(story.PublishedAt));
                xml.WriteElementString("updated", Atom, ReaderText.Machine(story.UpdatedAt));
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, story.Byline.Length > 0 ? story.Byline : "Newsroom");
                xml.WriteEndElement();
                if (story.Section.Length > 0)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", story.Section);
                    xml.WriteEndElement();
                }

                xml.WriteElementString("summary", Atom, story.Standfirst);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Every live story with its last modification; withdrawn stories are left out.</summary>
    private static async Task WriteSitemap(HttpContext context, IGrainFactory grains)
    {
        var stories = new List<StorySummary>();
        for (var page = 1; ; page++)
        {
            var listed = await Index(grains).List(null, page, StoryIndexGrain.MaxPageSize);
            stories.AddRange(listed.Stories);
            if (listed.Stories.Count == 0 || page * listed.PageSize >= listed.Total)
            {
                break;
            }
        }

        var request = context.Request;
        await WriteXml(context, "application/xml; charset=utf-8", xml =>
        {
            xml.WriteStartElement("urlset", Sitemaps);
            foreach (var story in stories)
            {
                xml.WriteStartElement("url", Sitemaps);
                xml.WriteElementString("loc", Sitemaps, ReaderText.Absolute(request, ReaderText.ArticlePath(story.Slug)));
                xml.WriteElementString("lastmod", Sitemaps, ReaderText.Machine(story.UpdatedAt));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static IStoryIndexGrain Index(IGrainFactory grains) => grains.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom);

    private static void Link(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static async Task WriteXml(HttpContext context, string contentType, Action<XmlWriter> write)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(xml);
        }

        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
