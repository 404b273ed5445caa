// Venues.resx: this module's page and message texts (Venues.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Venues.Venues", "Venues")]
