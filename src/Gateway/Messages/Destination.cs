using PhoneNumbers;

namespace PilotStatus.Gateway.Messages;

/// <summary>Destination numbers to E.164 with libphonenumber: the INVALID_DESTINATION check, and the form every provider gets.</summary>
internal static class Destination
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The number in E.164 (<c>+5563984622450</c>), or null when it is not a valid number. A number without a leading
    /// <c>+</c> is read as international (country code first), as WhatsApp APIs take it; a <c>00</c> prefix is not
    /// (Meta rejects it, reference: Net#31).
    /// </summary>
    public static string? ToE164(string? text) => Normalize(text, strict: true);

    /// <summary>
    /// A connection's own number in E.164 when it is a possible number: the platform's numbers may be new or test
    /// ranges (Meta's test numbers are +1 555 …) that libphonenumber does not list as assigned.
    /// </summary>
    public static string? OwnNumber(string? text) => Normalize(text, strict: false);

    private static string? Normalize(string? text, bool strict)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32) return null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("00", StringComparison.Ordinal)) return null;
        if (!trimmed.StartsWith('+')) trimmed = "+" + trimmed;
        try
        {
            var number = Phones.Parse(trimmed, null);
            var usable = strict ? Phones.IsValidNumber(number) : Phones.IsPossibleNumber(number);
            return usable ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
