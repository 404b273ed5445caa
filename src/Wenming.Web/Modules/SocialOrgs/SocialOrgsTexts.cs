// SocialOrgs.resx: this module's page and message texts (SocialOrgs.); API error codes keep their wire names (socialorg.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.SocialOrgs.SocialOrgs", "SocialOrgs", "socialorg")]
