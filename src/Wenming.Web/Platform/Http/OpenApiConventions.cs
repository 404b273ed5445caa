using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// What a client generator needs from every operation of the OpenAPI document, by rule rather than by hand on
/// each of the routes (ADR 0024):
/// <list type="bullet">
/// <item>a stable, unique <c>operationId</c> — the route's own explicit name (<c>WithName</c>) where it has one,
/// else one derived from the HTTP method and the route template, e.g. <c>POST /api/v1/orders/{id}/dispatch</c>
/// → <c>PostOrdersByIdDispatch</c>: it changes only when the route itself changes, which breaks clients anyway;</item>
/// <item>the refusals it may answer, as <c>application/problem+json</c> with the <c>Problem</c> schema (with
/// <c>code</c> and <c>errors</c>): 400 with a body or query parameters, 401 and 403 when signed in (roles and the
/// org scope are checked by the handlers), 404 with a route parameter, 409 on writes, 429 when rate-limited;</item>
/// <item>no security requirement on anonymous routes (the document asks for the bearer token everywhere else).</item>
/// </list>
/// </summary>
public static partial class OpenApiConventions
{
    public const string ProblemSchema = "Problem";

    private static readonly (string Status, string Description)[] Refusals =
    [
        ("400", "请求无效：errors 按字段列出原因"),
        ("401", "未登录或令牌已失效"),
        ("403", "当前角色或管辖范围无权进行此操作"),
        ("404", "不存在，或不在管辖范围内"),
        ("409", "与当前状态冲突（如状态不允许、重复、并发冲突）"),
        ("429", "请求过于频繁，请稍后再试"),
    ];

    /// <summary>One line per tag for the generated client's groups; a tag not listed keeps no description.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["auth"] = "登录与令牌",
        ["accounts"] = "账号与角色",
        ["org-units"] = "组织架构（市、县中心，镇所，村站，实践点）",
        ["people"] = "群众信息",
        ["volunteers"] = "志愿者注册与审核",
        ["service-records"] = "志愿服务记录",
        ["teams"] = "志愿服务队",
        ["certificates"] = "志愿服务证明",
        ["activities"] = "活动、报名、签到与归档",
        ["social-orgs"] = "社会组织与结对",
        ["notifications"] = "站内通知与提醒",
        ["orders"] = "群众点单、派单与接单",
        ["points"] = "积分账户、规则与奖励",
        ["market"] = "爱心超市：商品、兑换与核销",
        ["audit"] = "操作日志",
        ["files"] = "文件",
    };

    public static OpenApiOptions AddWenmingConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = Problem();
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
                {
                    tag.Description ??= text;
                }
            }

            // "http://host/" → "http://host": paths start with "/" already (a generator would join them to "//api").
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary><c>POST api/v1/orders/{id:long}/dispatch</c> → <c>PostOrdersByIdDispatch</c>.</summary>
    public static string OperationId(string httpMethod, string routeTemplate)
    {
        var name = new StringBuilder(Pascal(httpMethod.ToLowerInvariant()));
        foreach (var segment in routeTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment is "api" || VersionSegment().IsMatch(segment))
            {
                continue;
            }

            // "{id:long}" → "ById"; "{token}.ics" → "ByTokenIcs".
            name.Append(Pascal(RouteParameter().Replace(segment, p => "-by-" + p.Groups[1].Value + "-")));
        }

        return name.ToString();
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");

        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (!signedIn)
        {
            // The document-wide bearer requirement does not apply here.
            operation.Security = [];
        }

        var parameters = description.ParameterDescriptions;
        var write = description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        var applies = new Dictionary<string, bool>
        {
            ["400"] = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile || p.Source == BindingSource.Query),
            ["401"] = signedIn,
            ["403"] = signedIn,
            ["404"] = parameters.Any(p => p.Source == BindingSource.Path),
            ["409"] = write,
            ["429"] = metadata.OfType<EnableRateLimitingAttribute>().Any(),
        };

        operation.Responses ??= [];
        foreach (var (status, text) in Refusals)
        {
            if (applies[status] && !operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = new OpenApiResponse { Description = text };
            }
        }

        // Every refusal, added here or declared by the route, is a problem document with a stable code.
        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (status.StartsWith('4') && response is OpenApiResponse concrete)
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                };
            }
        }
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 问题详情，带稳定的错误代码 code；字段错误在 errors 中",
        Required = new HashSet<string> { "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "问题类别（中文）" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "给用户看的中文说明" },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "稳定的错误代码，如 order.not_dispatchable、validation.failed" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "按字段（请求中的属性名）列出的中文错误",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    [GeneratedRegex(@"^v\d+$")]
    private static partial Regex VersionSegment();

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
