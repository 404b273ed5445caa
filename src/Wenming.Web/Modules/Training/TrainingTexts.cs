// Training.resx: this module's page and message texts (Training.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Training.Training", "Training")]
