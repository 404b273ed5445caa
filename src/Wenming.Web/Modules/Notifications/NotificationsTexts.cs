// Notifications.resx: this module's page and message texts (Notifications.); API error codes keep their wire names (notification.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Notifications.Notifications", "Notifications", "notification", "Notify")]
