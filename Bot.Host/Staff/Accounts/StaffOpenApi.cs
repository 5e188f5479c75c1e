using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>
/// The API description says how staff operations are called: a personal token as a bearer (or the console's sign-in cookie),
/// and that such an operation answers 401 without one and 403 for a role it is not for. Integrators read it; the role tests are
/// generated from it.
/// </summary>
public static class StaffOpenApi
{
    public const string TokenScheme = "staffToken";

    public static OpenApiOptions DescribeStaffSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token from `staff token <login>`; it acts with the account's roles and groups.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
            {
                return Task.CompletedTask;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, context.Document)] = [] }];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid token or sign-in." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The account's role does not open this operation." });
            return Task.CompletedTask;
        });
        return options;
    }
}
