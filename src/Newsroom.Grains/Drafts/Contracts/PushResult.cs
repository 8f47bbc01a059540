namespace Newsroom.Grains.Drafts;

/// <summary>The field's version once the pushed updates are durable: the updates before it include them.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-push-result")]
public sealed record PushResult([property: Id(0)] int Version);
