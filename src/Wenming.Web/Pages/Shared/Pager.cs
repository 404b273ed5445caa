namespace Wenming.Web.Pages.Shared;

/// <summary>What the pager partial needs: where we are, how many there are, and how to link to a page.</summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
