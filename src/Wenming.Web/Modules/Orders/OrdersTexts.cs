// Orders.resx: this module's page and message texts (Orders.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Orders.Orders", "Orders", "OrderPhotos")]
