// Points.resx: this module's page and message texts (Points.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Points.Points", "Points", "Award", "Earn")]
