// Households.resx: this module's page and message texts (Households.) and error codes (household.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Households.Households", "Households", "household")]
