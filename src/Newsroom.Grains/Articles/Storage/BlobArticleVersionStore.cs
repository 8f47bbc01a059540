using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Newsroom.Grains.Articles.Storage;

/// <summary>
/// <see cref="IArticleVersionStore"/> in Azure Blob storage: container <see cref="ContainerName"/>, one JSON blob per
/// version at <c>{slug}/{number:D6}.json</c>, created only if absent, so a stored version is never overwritten.
/// </summary>
internal sealed class BlobArticleVersionStore(BlobServiceClient blobs) : IArticleVersionStore
{
    public const string ContainerName = "article-versions";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    private volatile bool _containerExists;

    public async Task SaveAsync(string slug, ArticleVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await EnsureContainerAsync(cancellationToken);
        var content = BinaryData.FromObjectAsJson(version, _json);
        var blob = _container.GetBlobClient(Name(slug, version.Number));
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await LoadAsync(slug, version.Number, cancellationToken);
            if (stored is null || JsonSerializer.Serialize(stored, _json) != content.ToString())
            {
                throw new StoredVersionDiffersException(slug, version.Number, e);
            }
        }
    }

    public async Task ReplaceUnrecordedAsync(string slug, ArticleVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await EnsureContainerAsync(cancellationToken);
        await _container.GetBlobClient(Name(slug, version.Number)).UploadAsync(BinaryData.FromObjectAsJson(version, _json), overwrite: true, cancellationToken);
    }

    public async Task<ArticleVersion?> LoadAsync(string slug, int number, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await _container.GetBlobClient(Name(slug, number)).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToObjectFromJson<ArticleVersion>(_json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string Name(string slug, int number) => $"{slug}/{number:D6}.json";

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }
    }
}
