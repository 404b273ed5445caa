// Supervision.resx: this module's page and message texts (Supervision.) and error codes (supervision.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Supervision.Supervision", "Supervision", "supervision")]
