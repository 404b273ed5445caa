// Activities.resx: this module's page and message texts (Activities.); API error codes keep their wire names (activity., calendar., enrollment.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Activities.Activities", "Activities", "activity", "Archive", "Attendance", "Calendar", "calendar", "enrollment", "Reminder")]
