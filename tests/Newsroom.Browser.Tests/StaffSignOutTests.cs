using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

public sealed class StaffSignOutTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task SignOutButton_EndsTheSession_SoTheDeskAsksForSignInAgain()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Rosa Reporter" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        await page.GotoAsync("/desk");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fdesk$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
    }
}
