// Market.resx: this module's page and message texts (Market.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Market.Market", "Market")]
