namespace Newsroom.Grains.Drafts.Storage;

/// <summary>Opens the log of one draft; the draft grain holds its log for as long as it is active.</summary>
public interface IDraftLogFactory
{
    IDraftLog Open(string draftId);
}
