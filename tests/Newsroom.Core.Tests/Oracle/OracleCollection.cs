using Xunit;

namespace Newsroom.Core.Tests.Oracle;

/// <summary>Shares one oracle run between the conformance test classes, and only starts it when one of them runs.</summary>
[CollectionDefinition(Name)]
public sealed class OracleCollection : ICollectionFixture<OracleFixture>
{
    public const string Name = "Codemirror oracle";
}
