using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.Grains.Drafts;

namespace Newsroom.Grains.Tests.Drafts;

public sealed class DraftOptionsTests
{
    private const string Unused = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public void TheDefaults_PassTheCheck()
    {
        using var provider = Drafts(_ => { });

        Assert.Equal(TimeSpan.FromMilliseconds(20), provider.GetRequiredService<IOptions<DraftOptions>>().Value.CommitInterval);
    }

    [Theory]
    [InlineData(-1, 100, 5_000, "CommitInterval")]
    [InlineData(1_001, 100, 5_000, "CommitInterval")]
    [InlineData(20, 0, 5_000, "PresenceInterval")]
    [InlineData(20, 100, 0, "SnapshotEvery")]
    public void TunablesThatWouldStallOrFloodDrafts_AreRefusedAtStart_NamingTheSetting(int commitMs, int presenceMs, int snapshotEvery, string setting)
    {
        using var provider = Drafts(o =>
        {
            o.CommitInterval = TimeSpan.FromMilliseconds(commitMs);
            o.PresenceInterval = TimeSpan.FromMilliseconds(presenceMs);
            o.SnapshotEvery = snapshotEvery;
        });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DraftOptions>>().Value);
        Assert.Contains($"Newsroom:Drafts:{setting}", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Drafts(Action<DraftOptions> configure) =>
        new ServiceCollection().AddNewsroomDrafts(_ => new BlobServiceClient(Unused)).Configure(configure).BuildServiceProvider();
}
