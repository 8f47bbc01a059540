namespace Newsroom.Grains;

/// <summary>The grain storage providers the silo registers, by what they are for.</summary>
public static class StorageNames
{
    /// <summary>Azure Blob storage: drafts and comment threads, whose state can grow large.</summary>
    public const string Large = "large";

    /// <summary>Azure Table storage: small state such as desks, inboxes' counters, ratings.</summary>
    public const string Small = "small";
}
