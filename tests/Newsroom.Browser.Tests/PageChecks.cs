using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Newsroom.Browser.Tests;

/// <summary>What the page tests check of any page: that it scrolls only downwards, and axe's violations in words.</summary>
internal static class PageChecks
{
    /// <summary>Empty when the page is no wider than the window; otherwise both widths.</summary>
    public static Task<string> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<string>(
            "() => document.documentElement.scrollWidth <= window.innerWidth ? '' : `page ${document.documentElement.scrollWidth} px wide in a window of ${window.innerWidth} px`");

    /// <summary>Each violation with the elements it names, for an assertion's message.</summary>
    public static string Describe(AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
}
