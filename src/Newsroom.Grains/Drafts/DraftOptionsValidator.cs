using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Drafts;

/// <summary>Stops the host at start when a draft tunable would stall or flood drafts, naming each setting.</summary>
internal sealed class DraftOptionsValidator : IValidateOptions<DraftOptions>
{
    private static readonly TimeSpan _maxCommitInterval = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, DraftOptions options)
    {
        var problems = new List<string>();
        if (options.CommitInterval < TimeSpan.Zero || options.CommitInterval > _maxCommitInterval)
        {
            problems.Add($"{DraftOptions.Section}:{nameof(DraftOptions.CommitInterval)} is {options.CommitInterval}; it must be from 0 to 1 s " +
                "(every push to a busy draft waits up to this long to be stored).");
        }

        if (options.PresenceInterval <= TimeSpan.Zero)
        {
            problems.Add($"{DraftOptions.Section}:{nameof(DraftOptions.PresenceInterval)} is {options.PresenceInterval}; it must be positive.");
        }

        if (options.SnapshotEvery < 1)
        {
            problems.Add($"{DraftOptions.Section}:{nameof(DraftOptions.SnapshotEvery)} is {options.SnapshotEvery}; it must be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
