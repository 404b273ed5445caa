// The shell's and the shared texts: API problems, validation messages and field names, sign-in, files,
// Excel import/export, background jobs, and page text used by more than one module (Shell.).
[assembly: Wenming.Web.Platform.Localization.Texts("Wenming.Web.Platform.Localization.Platform",
    "app", "auth", "common", "Excel", "field", "file", "idempotency", "identity", "Ops", "problem", "request", "Shell", "validation")]
