using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Abstractions.Tests;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("{\"paging\":{\"next\":\"https://graph.facebook.com/v23.0/1/message_templates?access_token=EAAGm0PX4ZCpsBA&after=QVFI\"}}", "EAAGm0PX4ZCpsBA")]
    [InlineData("{\"event\":\"messages.update\",\"apikey\":\"B6D711FCDE4D4FD5936544120E713976\"}", "B6D711FCDE4D4FD5936544120E713976")]
    [InlineData("{\"instance\":{\"instanceName\":\"x\"},\"hash\":\"0A1B2C3D-secret\"}", "0A1B2C3D-secret")]
    [InlineData("Authorization: Bearer EAAGm0PX4ZCpsBA.abc", "EAAGm0PX4ZCpsBA.abc")]
    public void Redact_SecretInBody_IsMasked(string body, string secret)
    {
        var redacted = SecretRedactor.Redact(body)!;
        redacted.ShouldNotContain(secret);
        redacted.ShouldContain(SecretRedactor.Mask);
    }

    [Fact]
    public void Redact_BodyWithoutSecret_IsUnchanged()
    {
        const string body = "{\"error\":{\"code\":131047,\"message\":\"(#131047) Re-engagement message\"}}";
        SecretRedactor.Redact(body).ShouldBe(body);
    }

    [Fact]
    public void Redact_LongBody_IsCapped() =>
        SecretRedactor.Redact(new string('x', SecretRedactor.MaxRawLength * 2))!.Length.ShouldBe(SecretRedactor.MaxRawLength);
}
