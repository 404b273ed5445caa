// Accounts.resx: this module's page and message texts (Accounts.); API error codes keep their wire names (account.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.Accounts.Accounts", "Accounts", "account")]
