// Content.resx: this module's page and message texts (Content.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Content.Content", "Content")]
