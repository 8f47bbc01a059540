using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Drafts.Storage;

internal sealed class DraftLogOptionsValidator : IValidateOptions<DraftLogOptions>
{
    /// <summary>Small enough for any Azure API version, large enough for the line that refers to a large batch.</summary>
    private const int MinBlockBytes = 1024;
    private const int MaxBlockBytes = 100 * 1024 * 1024;

    public static void ThrowIfInvalid(DraftLogOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DraftLogOptions), problems);
        }
    }

    public ValidateOptionsResult Validate(string? name, DraftLogOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static List<string> Problems(DraftLogOptions options)
    {
        var problems = new List<string>();
        CheckContainer(nameof(DraftLogOptions.LogContainer), options.LogContainer, problems);
        CheckContainer(nameof(DraftLogOptions.SnapshotContainer), options.SnapshotContainer, problems);
        if (options.MaxBlocksPerSegment is < 2 or > DraftLogOptions.AzureMaxBlocksPerAppendBlob)
        {
            problems.Add(
                $"{DraftLogOptions.Section}:{nameof(DraftLogOptions.MaxBlocksPerSegment)} is {options.MaxBlocksPerSegment}; " +
                $"it must be from 2 (one batch and the closing line) to {DraftLogOptions.AzureMaxBlocksPerAppendBlob}.");
        }

        if (options.MaxBlockBytes is < MinBlockBytes or > MaxBlockBytes)
        {
            problems.Add(
                $"{DraftLogOptions.Section}:{nameof(DraftLogOptions.MaxBlockBytes)} is {options.MaxBlockBytes}; " +
                $"it must be from {MinBlockBytes} to {MaxBlockBytes}.");
        }

        return problems;
    }

    private static void CheckContainer(string setting, string? name, List<string> problems)
    {
        // Azure's rules: 3-63 characters, lowercase letters, digits and single hyphens, starting and ending alphanumeric.
        var valid = name is { Length: >= 3 and <= 63 }
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            problems.Add($"{DraftLogOptions.Section}:{setting} is '{name}', which is not a valid blob container name " +
                "(3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).");
        }
    }
}
