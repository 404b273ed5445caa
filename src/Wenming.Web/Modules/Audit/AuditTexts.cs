// Audit.resx: this module's page and message texts (Audit.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Audit.Audit", "Audit")]
