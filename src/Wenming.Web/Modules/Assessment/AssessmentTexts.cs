// Assessment.resx: this module's page and message texts (Assessment.) and error codes (assessment.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Assessment.Assessment", "Assessment", "assessment")]
