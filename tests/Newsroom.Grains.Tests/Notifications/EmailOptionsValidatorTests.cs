using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Grains.Tests.Notifications;

public sealed class EmailOptionsValidatorTests
{
    [Fact]
    public void Defaults_PassTheCheck_SoAServerWithoutEmailSettingsStarts()
    {
        Assert.Empty(EmailOptionsValidator.Problems(new EmailOptions()));
    }

    [Fact]
    public void PasswordWithoutTls_ToThisMachine_PassesTheCheck()
    {
        Assert.Empty(EmailOptionsValidator.Problems(new EmailOptions { Host = "127.0.0.1", Port = 1025, UserName = "newsroom", Password = "secret" }));
    }

    [Fact]
    public void EverySettingWrong_IsNamedOnce()
    {
        var problems = EmailOptionsValidator.Problems(new EmailOptions
        {
            Host = "mail server",
            Port = 70_000,
            SenderAddress = "newsroom",
            SenderName = "News\nroom",
            UserName = "newsroom",
            Timeout = TimeSpan.Zero,
            MaxConnections = 0,
        });

        Assert.Equal(
            ["Host", "Port", "SenderAddress", "SenderName", "UserName", "Timeout", "MaxConnections"],
            problems.Select(p => p.Split(' ')[0].Split(':')[2]));
    }
}
