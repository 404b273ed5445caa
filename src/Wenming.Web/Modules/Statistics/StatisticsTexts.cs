// Statistics.resx: this module's page and message texts (Statistics.) and its API error codes (stats.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Statistics.Statistics", "Statistics", "stats")]
