using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Content.Domain;

/// <summary>The content module's typed failures; texts in Content.resx.</summary>
public static class ContentErrors
{
    public static Error NotFound() => Error.Keyed("article.not_found", ErrorKind.NotFound, "Content.error.not_found");

    public static Error WrongState(ArticleStatus status) => Error.Keyed("article.invalid_transition", ErrorKind.Conflict, "Content.error.wrong_state", ContentLabels.Status(status));

    /// <summary>The author (or the first reviewer, under 三审) approving their own article.</summary>
    public static Error OwnArticle() => Error.Keyed("article.own_article", ErrorKind.Conflict, "Content.error.own_article");
}
