using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wenming.Web;

/// <summary>
/// Serialization metadata for the API's request and response bodies, generated at compile time (ADR 0084). The
/// endpoints ask for every body's metadata as they are built at start; made by reflection, that metadata is generic
/// code over the app's records and enums which the JIT compiled before the first answer, and which no ahead-of-time
/// compiler sees. Generated, it is code the deployment's native image holds (ADR 0083). It is first in the HTTP
/// options' resolver chain (<see cref="Composition"/>): the platform's naming, enum and number rules on those options
/// still apply, and a type not listed falls through to reflection. It names every module's types, so it sits beside
/// the composition, not in Platform/. The list is <c>ApiJsonContext.Types.cs</c>, written and checked by
/// <c>ApiJsonTypesTests</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
