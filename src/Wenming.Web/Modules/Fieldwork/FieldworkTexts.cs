// Fieldwork.resx: this module's page and message texts (Fieldwork.) and error codes (fieldwork.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Fieldwork.Fieldwork", "Fieldwork", "fieldwork")]
