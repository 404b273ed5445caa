using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.ServiceItems;

/// <summary>The HTTP side of <see cref="ServiceItemsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ServiceItemsEndpoints
{
    public static async Task<Results<Ok<PageOf<ServiceItemDto>>, ProblemHttpResult>> List([AsParameters] ListServiceItemsRequest request, ServiceItemsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Created<ServiceItemDto>, ProblemHttpResult>> Create(CreateServiceItemRequest request, ServiceItemsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), i => $"/api/v1/service-items/{i.Id}");
}
