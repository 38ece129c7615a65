namespace PilotStatus.Gateway.Http;

/// <summary>RFC 9457 problem details, each with a <c>code</c> member a program can switch on.</summary>
internal static class Problems
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string NotFound = "NOT_FOUND";
    public const string Internal = "INTERNAL_ERROR";

    public static IResult Create(int status, string code, string title, string? detail = null) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            type: "https://github.com/pilotstatus/gateway/blob/main/docs/problems.md#" + code.ToLowerInvariant(),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, InvalidRequest, "The request is not valid.", detail);

    public static IResult NotFoundOf(string what) => Create(StatusCodes.Status404NotFound, NotFound, $"{what} was not found.");

    public static IResult Unauthenticated(string detail) => Create(StatusCodes.Status401Unauthorized, Unauthorized, "Authentication failed.", detail);
}
