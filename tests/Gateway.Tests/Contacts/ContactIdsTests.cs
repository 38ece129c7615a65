using PilotStatus.Gateway.Contacts;

namespace PilotStatus.Gateway.Tests.Contacts;

public sealed class ContactIdsTests
{
    [Theory]
    [InlineData("+5563984622450", new[] { "5563984622450", "556384622450" })] // a mobile with its ninth digit: the id may lack it
    [InlineData("+556384622450", new[] { "556384622450", "5563984622450" })]  // typed without it: the id may have it
    [InlineData("+551133334444", new[] { "551133334444" })]                   // a landline: no ninth digit
    [InlineData("+16505555555", new[] { "16505555555" })]
    [InlineData("", new string[0])]
    public void Candidates_Numbers_AreEveryIdTheNumberMayGoBy(string e164, string[] expected) =>
        ContactIds.Candidates(e164).ShouldBe(expected);

    [Theory]
    [InlineData("556384622450", "556384622450")]                  // Meta wa_id
    [InlineData("556384622450@s.whatsapp.net", "556384622450")]  // Evolution phone jid
    [InlineData("5511987654321:12@s.whatsapp.net", "5511987654321")] // a device's jid
    [InlineData("69385314111689@lid", "69385314111689@lid")]      // an opaque id stays what it is
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void Normalize_ProviderIds_AreStoredInOneForm(string? providerId, string? expected) =>
        ContactIds.Normalize(providerId).ShouldBe(expected);
}
