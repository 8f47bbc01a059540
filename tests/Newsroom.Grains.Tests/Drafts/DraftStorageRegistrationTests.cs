using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Tests.Drafts;

public sealed class DraftStorageRegistrationTests
{
    private const string Unused = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public void TheRegistration_ProvidesABlobLogFactory_WithTheConfiguredOptions()
    {
        var services = new ServiceCollection()
            .AddNewsroomDraftStorage(_ => new BlobServiceClient(Unused))
            .Configure<DraftLogOptions>(o => o.MaxBlocksPerSegment = 1_000);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<BlobDraftLogFactory>(provider.GetRequiredService<IDraftLogFactory>());
        Assert.Equal(1_000, provider.GetRequiredService<IOptions<DraftLogOptions>>().Value.MaxBlocksPerSegment);
    }

    [Theory]
    [InlineData("Draft-Logs", 40_000, 4_194_304, "LogContainer")]
    [InlineData("draft-logs", 50_001, 4_194_304, "MaxBlocksPerSegment")]
    [InlineData("draft-logs", 1, 4_194_304, "MaxBlocksPerSegment")]
    [InlineData("draft-logs", 40_000, 100, "MaxBlockBytes")]
    public void OptionsThatStorageWouldRefuse_AreRefusedUpFront(string container, int maxBlocks, int maxBytes, string setting)
    {
        var options = new DraftLogOptions { LogContainer = container, MaxBlocksPerSegment = maxBlocks, MaxBlockBytes = maxBytes };
        var services = new ServiceCollection().AddNewsroomDraftStorage(_ => new BlobServiceClient(Unused)).Configure<DraftLogOptions>(o =>
        {
            o.LogContainer = options.LogContainer;
            o.MaxBlocksPerSegment = options.MaxBlocksPerSegment;
            o.MaxBlockBytes = options.MaxBlockBytes;
        });
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DraftLogOptions>>().Value);
        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
        var direct = Assert.Throws<OptionsValidationException>(() => new BlobDraftLogFactory(new BlobServiceClient(Unused), Options.Create(options)));
        Assert.Contains(setting, direct.Message, StringComparison.Ordinal);
    }
}
