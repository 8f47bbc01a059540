namespace Newsroom.Grains.Notifications.Email;

/// <summary>Where staff members' emails go: the host implements it from its staff accounts.</summary>
public interface IStaffAddresses
{
    /// <summary>The staff member's address and name, or null for an unknown user or one without an address.</summary>
    EmailRecipient? Find(string userName);
}

/// <summary>Someone an email goes to: a checked plain address and the name to greet them by.</summary>
public sealed record EmailRecipient(string Address, string DisplayName);
