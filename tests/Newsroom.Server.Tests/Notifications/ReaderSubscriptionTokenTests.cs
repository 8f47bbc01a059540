using Microsoft.AspNetCore.DataProtection;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>Confirmation tokens carry every choice, and a link sent before the section, author and tag choices existed still reads.</summary>
public sealed class ReaderSubscriptionTokenTests
{
    private readonly EphemeralDataProtectionProvider _protection = new();

    [Fact]
    public void AToken_CarriesTheSectionAuthorAndTags_AndSaysThemInWords()
    {
        var tokens = new ReaderSubscriptionTokens(_protection, new ReaderSubscriptionOptions(), TimeProvider.System);
        var request = tokens.NewRequest("ana@example.org", "guest-1", "a-story", new ReaderChoices(true, false, false, "Central Asia", "Wanda Tide", ["Ferries", "Rock 'n' Roll"]));

        var state = tokens.Read(tokens.Protect(request), out var read);

        Assert.Equal(ReaderTokenState.Valid, state);
        Assert.Equal(
            ["follow-ups:a-story", "section:central-asia", "author:wanda-tide", "tag:ferries", "tag:rock-n-roll"],
            read!.Chosen.Topics("a-story"));
        Assert.Equal(
            ["new follow-up comments", "new stories in Central Asia", "new stories by Wanda Tide", "new stories on Ferries", "new stories on Rock 'n' Roll"],
            read.Choices);
    }

    [Fact]
    public void ATokenInTheOlderShape_StillReads_AsChoosingNoSectionAuthorOrTag()
    {
        var tokens = new ReaderSubscriptionTokens(_protection, new ReaderSubscriptionOptions(), TimeProvider.System);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var older = _protection.CreateProtector("newsroom.reader-subscription.v1").Protect(
            $$"""{"email":"ana@example.org","guestId":"guest-1","slug":"a-story","followUps":false,"replies":true,"updates":true,"nonce":"00ff","expires":"{{expires}}"}""");

        var state = tokens.Read(older, out var read);

        Assert.Equal(ReaderTokenState.Valid, state);
        Assert.Equal(["my-replies", "story:a-story"], read!.Chosen.Topics("a-story"));
        Assert.Equal(["new replies to my comments", "updates to this story"], read.Choices);
    }
}
