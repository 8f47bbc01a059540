using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Auth;

/// <summary>
/// Keeps the data-protection keys that sign staff cookies in Azure Storage, so a cookie issued by one silo
/// is accepted by every other and by the same silo after a restart.
/// </summary>
public sealed class BlobKeyRepository(StorageConnection storage) : IXmlRepository
{
    private readonly BlobContainerClient _container = storage.CreateBlobClient().GetBlobContainerClient("dataprotection-keys");

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data protection asks synchronously, once at start and when keys roll (every few months).
        _container.CreateIfNotExists();
        var elements = new List<XElement>();
        foreach (var item in _container.GetBlobs())
        {
            using var stream = _container.GetBlobClient(item.Name).OpenRead();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _container.CreateIfNotExists();
        using var stream = new MemoryStream();
        element.Save(stream);
        stream.Position = 0;
        _container.GetBlobClient($"{friendlyName}.xml").Upload(stream, overwrite: true);
    }
}
