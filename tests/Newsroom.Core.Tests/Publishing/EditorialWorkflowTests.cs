using Newsroom.Core.Accounts;
using Newsroom.Core.Publishing;
using Xunit;

namespace Newsroom.Core.Tests.Publishing;

public sealed class EditorialWorkflowTests
{
    private static readonly string[] _reporter = [NewsroomRoles.Reporter];
    private static readonly string[] _editor = [NewsroomRoles.Editor];
    private static readonly string[] _moderator = [NewsroomRoles.Moderator];
    private static readonly string[] _admin = [NewsroomRoles.Admin];

    // Every step from every status: where it leads, or null where the workflow has no such move.
    private static readonly Dictionary<(DraftStatus, WorkflowStep), DraftStatus> _moves = new()
    {
        [(DraftStatus.Draft, WorkflowStep.Submit)] = DraftStatus.InReview,
        [(DraftStatus.InReview, WorkflowStep.SendBack)] = DraftStatus.Draft,
        [(DraftStatus.Approved, WorkflowStep.SendBack)] = DraftStatus.Draft,
        [(DraftStatus.InReview, WorkflowStep.Approve)] = DraftStatus.Approved,
        [(DraftStatus.Approved, WorkflowStep.Publish)] = DraftStatus.Published,
        [(DraftStatus.Withdrawn, WorkflowStep.Publish)] = DraftStatus.Published,
        [(DraftStatus.Published, WorkflowStep.Update)] = DraftStatus.Published,
        [(DraftStatus.Published, WorkflowStep.Withdraw)] = DraftStatus.Withdrawn,
        [(DraftStatus.Draft, WorkflowStep.Archive)] = DraftStatus.Archived,
        [(DraftStatus.InReview, WorkflowStep.Archive)] = DraftStatus.Archived,
        [(DraftStatus.Approved, WorkflowStep.Archive)] = DraftStatus.Archived,
        [(DraftStatus.Withdrawn, WorkflowStep.Archive)] = DraftStatus.Archived,
        [(DraftStatus.Archived, WorkflowStep.Restore)] = DraftStatus.Draft,
    };

    public static TheoryData<string, DraftStatus, WorkflowStep> EveryRoleStatusAndStep()
    {
        var data = new TheoryData<string, DraftStatus, WorkflowStep>();
        foreach (var role in NewsroomRoles.All)
        {
            foreach (var status in Enum.GetValues<DraftStatus>())
            {
                foreach (var step in Enum.GetValues<WorkflowStep>())
                {
                    data.Add(role, status, step);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleStatusAndStep))]
    public void EveryStep_IsAllowedExactlyWhereTheRulesSay_ForEveryRole(string role, DraftStatus status, WorkflowStep step)
    {
        var mayTake = role switch
        {
            NewsroomRoles.Moderator => false,
            NewsroomRoles.Reporter => step == WorkflowStep.Submit,
            _ => true,
        };

        var decision = EditorialWorkflow.Decide(status, step, [role], "A note.");

        if (mayTake && _moves.TryGetValue((status, step), out var to))
        {
            Assert.True(decision.Allowed, decision.Refusal);
            Assert.Equal(to, decision.To);
        }
        else
        {
            Assert.False(decision.Allowed);
            Assert.False(string.IsNullOrWhiteSpace(decision.Refusal));
        }
    }

    [Fact]
    public void AReporterApproving_IsToldOnlyEditorsMay_AndWhatTheyMayDo()
    {
        var decision = EditorialWorkflow.Decide(DraftStatus.Draft, WorkflowStep.Approve, _reporter, null);

        Assert.Equal("Only editors may approve a story. While it is a draft, you may: submit for review.", decision.Refusal);
    }

    [Fact]
    public void PublishingAStoryInReview_IsRefused_NamingWhatAnEditorMayDoInstead()
    {
        var decision = EditorialWorkflow.Decide(DraftStatus.InReview, WorkflowStep.Publish, _editor, null);

        Assert.Equal("A story that is in review cannot be published. While it is in review, you may: send back, approve, archive.", decision.Refusal);
    }

    [Fact]
    public void AModerator_IsToldTheyMayNotChangeTheStatus()
    {
        var decision = EditorialWorkflow.Decide(DraftStatus.Draft, WorkflowStep.Submit, _moderator, null);

        Assert.Equal("Only reporters and editors may submit a story for review. While it is a draft, you may not change its status.", decision.Refusal);
    }

    [Theory]
    [InlineData(WorkflowStep.SendBack, DraftStatus.InReview, "a reason for the reporter")]
    [InlineData(WorkflowStep.Update, DraftStatus.Published, "the note readers will see")]
    [InlineData(WorkflowStep.Withdraw, DraftStatus.Published, "the note readers will see")]
    public void StepsThatExplainThemselves_NeedANote(WorkflowStep step, DraftStatus status, string needed)
    {
        var blank = EditorialWorkflow.Decide(status, step, _editor, "   ");
        var written = EditorialWorkflow.Decide(status, step, _editor, "  The date of the meeting was wrong.  ");

        Assert.False(blank.Allowed);
        Assert.EndsWith($"write {needed}.", blank.Refusal, StringComparison.Ordinal);
        Assert.True(written.Allowed);
        Assert.Equal("The date of the meeting was wrong.", written.Note);
    }

    [Fact]
    public void ANoteOverTheLimit_IsRefused()
    {
        var decision = EditorialWorkflow.Decide(DraftStatus.Published, WorkflowStep.Update, _admin, new string('x', EditorialWorkflow.MaxNoteLength + 1));

        Assert.False(decision.Allowed);
        Assert.Contains($"at most {EditorialWorkflow.MaxNoteLength} characters", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedSteps_FollowTheWorkflowsOrder()
    {
        Assert.Equal([WorkflowStep.Update, WorkflowStep.Withdraw], EditorialWorkflow.AllowedSteps(DraftStatus.Published, _editor));
        Assert.Equal([WorkflowStep.Submit], EditorialWorkflow.AllowedSteps(DraftStatus.Draft, _reporter));
        Assert.Empty(EditorialWorkflow.AllowedSteps(DraftStatus.Draft, _moderator));
    }
}
