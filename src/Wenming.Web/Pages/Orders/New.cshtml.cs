using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features.ServiceItems;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>
/// 我要点单: a resident orders a catalog item of their village, township or county, or describes a
/// free need. A station (or higher) admin uses the same form on a resident's behalf (e.g. an elderly
/// person who phoned), picking the resident; the order is then recorded as ordered on their behalf.
/// </summary>
[Authorize]
public sealed class NewModel(SubmitOrderHandler submit, ServiceItemsHandler catalog, IPeopleDirectory people, IOrgDirectory orgs, CurrentActor actor)
    : AppPageModel
{
    [BindProperty]
    public OrderInput Input { get; set; } = new();

    public IReadOnlyList<ServiceItemDto> Items { get; private set; } = [];

    public IReadOnlyDictionary<long, string> ItemUnits { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<PersonInfo> Residents { get; private set; } = [];

    public bool OnBehalf => actor.IsAdmin;

    /// <summary>The unit ordered for and whose residents are listed (an admin's own unit until they pick another).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Unit { get; set; }

    /// <summary>Narrows the residents by name or mobile number: a village lists hundreds.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>
    /// Not <see cref="SubmitOrderRequest"/>: the wanted time is typed as China local date and time (a datetime-local
    /// field) and becomes an offset only when submitted; the unit and requester count only when an admin orders for someone.
    /// </summary>
    public sealed class OrderInput
    {
        public long? ServiceItemId { get; set; }

        public string? Description { get; set; }

        public long? OrgUnitId { get; set; }

        [DataType(DataType.DateTime)]
        public DateTime? WantedAt { get; set; }

        public string? ContactPhone { get; set; }

        public string? Address { get; set; }

        public long? RequesterPersonId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long? item, CancellationToken ct)
    {
        if (!OnBehalf && actor.PersonId is null)
        {
            return Forbid();
        }

        Input.ServiceItemId ??= item;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            await LoadAsync(ct);
            return Page();
        }

        var i = Input;
        if (OnBehalf && i.RequesterPersonId is null)
        {
            ModelState.AddModelError("Input.RequesterPersonId", Text.Get("validation.required", Text.Get("Orders.field.requesterPersonId")));
            await LoadAsync(ct);
            return Page();
        }

        var unit = OnBehalf ? i.OrgUnitId : actor.OrgUnitId;
        var result = await submit.HandleAsync(
            new SubmitOrderRequest(i.ServiceItemId, i.Description, unit, OrderLabels.China(i.WantedAt), i.ContactPhone, i.Address, OnBehalf ? i.RequesterPersonId : null), ct);
        if (!result.IsSuccess)
        {
            var refused = Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["person.not_found"] = "requesterPersonId" });
            if (refused is not null)
            {
                return refused;
            }

            await LoadAsync(ct);
            return Page();
        }

        Notice = Text.Get("Orders.ui.submitted");
        return OnBehalf ? RedirectToPage("/Orders/Detail", new { id = result.Value.Id }) : RedirectToPage("/Orders/Mine");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = (await catalog.ListAsync(new ListServiceItemsRequest { Page = 1, PageSize = 100 }, ct)) is { IsSuccess: true } page ? page.Value.Items : [];
        ItemUnits = await UnitChoices.NamesAsync(orgs, Items.Select(i => i.OrgUnitId), ct);
        if (!OnBehalf)
        {
            // A resident sees the names of the units above them too (their catalog is along their path).
            var names = new Dictionary<long, string>();
            foreach (var unitId in Items.Select(i => i.OrgUnitId).Distinct())
            {
                if (await orgs.FindUnscopedAsync(unitId, ct) is { } u)
                {
                    names[unitId] = u.Name;
                }
            }

            ItemUnits = names;
            Input.ContactPhone ??= actor.PersonId is { } me ? (await people.FindAsync(me, ct))?.Phone : null;
            return;
        }

        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        Unit = Input.OrgUnitId ?? Unit ?? actor.OrgUnitId;
        if (Unit is { } unit && Units.Any(u => u.Id == unit))
        {
            Residents = await people.FindInUnitAsync(unit, Query, 300, ct);
        }
    }
}
