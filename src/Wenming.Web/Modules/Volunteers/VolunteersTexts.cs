// Volunteers.resx: this module's page and message texts (Volunteers.); API error codes keep their wire names (service_record., team., volunteer.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Volunteers.Volunteers", "Volunteers", "Cert", "service_record", "team", "volunteer")]
