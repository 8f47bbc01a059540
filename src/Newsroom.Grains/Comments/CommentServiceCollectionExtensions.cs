using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

public static class CommentServiceCollectionExtensions
{
    /// <summary>
    /// Comment threads under published stories: one row per comment, vote, rating and decision in Azure Table
    /// <c>comments</c>, the newsroom's bans in <c>commentbans</c>, its moderation queue in <c>moderationqueue</c>, channel
    /// <c>comments:{slug}</c> open to readers and staff, channel <c>moderation:{queue}</c> open to staff only, and the site's settings from
    /// <see cref="CommentOptions"/> (bind them with <c>services.Configure&lt;CommentOptions&gt;(...)</c>), checked at start.
    /// </summary>
    public static IServiceCollection AddNewsroomComments(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        services.AddOptions<CommentOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommentOptions>, CommentOptionsValidator>());
        services.TryAddSingleton<ICommentStore>(provider => new TableCommentStore(tables(provider)));
        services.TryAddSingleton<ICommentBanStore>(provider => new TableCommentBanStore(tables(provider)));
        services.TryAddSingleton<IModerationQueueStore>(provider => new TableModerationQueueStore(tables(provider)));
        return services
            .AddChannelOwner<ICommentThreadGrain>(ChannelKind.Comments, ChannelAudience.Everyone, events => events
                .Add<CommentPublished>("comment.posted")
                .Add<CommentChanged>("comment.changed")
                .Add<CommentVotesChanged>("comment.votes")
                .Add<ArticleRatingChanged>("article.rating"))
            .AddChannelOwner<IModerationQueueGrain>(ChannelKind.Moderation, ChannelAudience.Staff, events => events
                .Add<ModerationQueued>("moderation.queued")
                .Add<ModerationDecided>("moderation.decided"));
    }
}
