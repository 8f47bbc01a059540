using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Notifications;

/// <summary>Staff members and their email addresses, from their accounts (<c>Newsroom:Staff:Accounts:N:Email</c>).</summary>
public sealed class StaffAddresses(StaffDirectory staff) : IStaffAddresses
{
    public bool IsStaff(string userName) => staff.Find(userName) is not null;

    public EmailRecipient? Find(string userName) =>
        staff.Find(userName) is { Email: { Length: > 0 } email } account ? new EmailRecipient(email, account.DisplayName) : null;
}
