// Fund.resx: this module's page and message texts (Fund.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Fund.Fund", "Fund")]
