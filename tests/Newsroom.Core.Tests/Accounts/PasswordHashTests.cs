using Newsroom.Core.Accounts;
using Xunit;

namespace Newsroom.Core.Tests.Accounts;

public sealed class PasswordHashTests
{
    [Fact]
    public void Verify_AcceptsTheRightPassword_AndRefusesAnyOther()
    {
        var hash = PasswordHash.Create("correct horse", iterations: 1_000);

        Assert.True(PasswordHash.Verify("correct horse", hash));
        Assert.False(PasswordHash.Verify("correct hors", hash));
        Assert.False(PasswordHash.Verify("", hash));
    }

    [Fact]
    public void Create_SaltsEachHash_SoEqualPasswordsDoNotShowAsEqual()
    {
        Assert.NotEqual(PasswordHash.Create("same", 1_000), PasswordHash.Create("same", 1_000));
    }

    [Fact]
    public void Create_NeverContainsThePassword()
    {
        var hash = PasswordHash.Create("plain-text-secret", 1_000);

        Assert.DoesNotContain("plain-text-secret", hash, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hunter2")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAA")]
    [InlineData("md5$1000$AAAA$AAAA")]
    public void MalformedHash_IsNotWellFormed_AndNeverVerifies(string? encoded)
    {
        Assert.False(PasswordHash.IsWellFormed(encoded));
        Assert.False(PasswordHash.Verify("hunter2", encoded));
    }
}
