namespace Newsroom.Grains.Notifications.Email;

/// <summary>Who the staff are and where their emails go: the host implements it from its staff accounts.</summary>
public interface IStaffAddresses
{
    /// <summary>Whether a staff member has this user name (names ignore case): an @mention of anyone else tells nobody.</summary>
    bool IsStaff(string userName);

    /// <summary>The staff member's address and name, or null for an unknown user or one without an address.</summary>
    EmailRecipient? Find(string userName);
}

/// <summary>Someone an email goes to: a checked plain address and the name to greet them by.</summary>
public sealed record EmailRecipient(string Address, string DisplayName);
