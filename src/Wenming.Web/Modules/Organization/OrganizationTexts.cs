// Organization.resx: this module's page and message texts (Organization.); API error codes keep their wire names (org.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Organization.Organization", "Organization", "org")]
