using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Points;

/// <summary>What the statement partial shows: a page of movements, and whether the viewer is an admin who may reverse them.</summary>
public sealed record StatementView(PageOf<PointTransactionDto> Page, Pager Pager, bool ShowAdmin, bool CanReverse);
