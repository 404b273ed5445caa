// Calendar.resx: this module's page and message texts (Practice.; the Calendar. prefix is the Activities module's calendar feed).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Calendar.Calendar", "Practice")]
