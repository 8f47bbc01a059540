using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// What a writer types as markup (or pastes from a hostile page) never runs as script, neither in the editor's
/// preview nor on the published page. Each payload tries to call <c>alert</c>; the pages count calls, and their
/// DOM is searched for what could run script, so the content security policy alone cannot make this pass.
/// </summary>
public sealed class StoryXssTests(BrowserNewsroom newsroom)
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=/js/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">html link</a>",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=\"import\" href=\"data:text/html,<script>alert(1)</script>\">",
        "<style>@import 'javascript:alert(1)';</style>",
        "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<scr<script>ipt>alert(1)</script>",
        "<<script>alert(1);//<</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "[markdown link](javascript:alert(1))",
        "[upper case](JAVASCRIPT:alert(1))",
        "[entity](&#106;avascript:alert(1))",
        "[spaced](java\tscript:alert(1))",
        "[vbscript](vbscript:msgbox(1))",
        "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![image](javascript:alert(1))",
        "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[title breakout](https://example.org \"x\\\" onmouseover=\\\"alert(1)\")",
        "<https://example.org/\" onmouseover=\"alert(1)>",
        "<javascript:alert(1)>",
        "[ref link][xss]\n\n[xss]: javascript:alert(1)",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "    <img src=x onerror=alert(1)>",
        "> <img src=x onerror=alert(1)>",
        "* <svg onload=alert(1)>",
        "# <img src=x onerror=alert(1)>",
        "**<img src=x onerror=alert(1)>**",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<a href=\"&#x6A;avascript:alert(1)\">entity link</a>",
        "<img src=x:alert(1) onerror=eval(src)>",
    ];

    internal const string Counter = "window.__xss = 0; window.alert = () => { window.__xss++; }; window.confirm = window.prompt = window.alert;";

    // Anything in the rendered story that could run script: script-bearing elements, handlers, script URLs.
    internal const string Dangerous = """
        root => [...root.querySelectorAll('*')].flatMap(e => [
          ...(['SCRIPT','IFRAME','OBJECT','EMBED','FORM','BASE','META','LINK','STYLE','SVG','MATH'].includes(e.tagName.toUpperCase()) ? [e.tagName] : []),
          ...[...e.attributes].filter(a => /^on/i.test(a.name) || /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\s\u0000-\u001f]/g, '')) || a.name === 'style')
            .map(a => `${e.tagName} ${a.name}=${a.value}`)])
        """;

    [Fact]
    public async Task MarkupInTheHeadlineBylineAndBody_RunsNoScript_InThePreviewOrOnThePublishedPage()
    {
        Assert.True(Payloads.Distinct().Count() >= 50);
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");
        using var eddie = await newsroom.Server.SignInAsync("eddie", "eddie-demo");
        await using var reporter = rosa.Connect();
        await using var editor = eddie.Connect();
        await reporter.StartAsync();
        await editor.StartAsync();
        var draftId = await rosa.CreateDraftAsync("<img src=x onerror=alert(1)> Count goes on <script>alert(1)</script>");
        var slug = $"xss-{draftId}";
        var body = string.Join("\n\n", Payloads);
        await reporter.InvokeAsync<JsonElement>("SetMetadata", draftId, new { slug, section = "City", byline = "<svg onload=alert(1)> Rosa \"><script>alert(1)</script>" });
        await reporter.InvokeAsync<JsonElement>("PushUpdates", draftId, "body", 0, JsonSerializer.SerializeToElement(
            new[] { new { clientId = "xss", changes = new object[] { new object[] { 0 }.Concat(body.Split('\n')).ToArray() } } }));
        foreach (var step in new[] { "submit", "approve", "publish" })
        {
            await (step == "submit" ? reporter : editor).InvokeAsync<JsonElement>("TakeStep", draftId, step, null, null);
        }

        var preview = await newsroom.OpenEditorAsync(("eddie", "eddie-demo"), draftId);
        // As a function: an expression that ends in a function would be called by Playwright, counting one alert.
        await preview.EvaluateAsync($"() => {{ {Counter} }}");
        await Assertions.Expect(preview.Locator("#preview")).ToContainTextAsync("entity link");
        var published = await newsroom.NewPageAsync();
        await published.AddInitScriptAsync(Counter);
        await published.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(published.Locator("#story-body")).ToContainTextAsync("entity link");
        await Assertions.Expect(published.Locator("#article")).ToHaveAttributeAsync("data-live", "live");

        foreach (var (page, where) in new[] { (preview, "#preview"), (published, "#story") })
        {
            // Handlers such as onerror and onload fire as the page loads; give a failing image the time to fail.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__xss ?? 0"));
            Assert.Empty(await page.Locator(where).EvaluateAsync<string[]>(Dangerous));
        }
    }
}
