// People.resx: this module's page and message texts (People.); API error codes keep their wire names (person.), so the module owns those prefixes too.
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Modules.People.People", "People", "person", "Privacy")]
