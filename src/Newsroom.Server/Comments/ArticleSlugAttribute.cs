using Newsroom.Grains.Comments;
using Newsroom.Server.Pages.Articles;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Comments;

/// <summary>The argument is a story's slug, one that could name a comments channel; anything else is refused before the call.</summary>
public sealed class ArticleSlugAttribute : HubArgumentAttribute
{
    public override void Check(object? value)
    {
        if (!ReaderText.IsPossibleSlug(value as string))
        {
            throw new CommentException("That is not a story's address: comments need the slug of a published story.");
        }
    }
}
