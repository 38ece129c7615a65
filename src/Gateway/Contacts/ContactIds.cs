namespace PilotStatus.Gateway.Contacts;

/// <summary>
/// How a contact is named by each provider, and which of those names a number we send to may go by. WhatsApp ids
/// are not always the number as typed: Brazilian mobiles registered before the ninth digit keep their old id (we send
/// to <c>+55 63 9 8462-2450</c>, Meta answers <c>wa_id</c> <c>556384622450</c> and inbound messages come from it),
/// and Evolution API reports contacts by jid, sometimes an opaque <c>…@lid</c>.
/// </summary>
internal static class ContactIds
{
    private const string PhoneJidSuffix = "@s.whatsapp.net";

    /// <summary>
    /// A provider's id for a contact, in the form contacts are stored under: the digits for a phone id (Meta
    /// <c>wa_id</c>, Evolution <c>5511…@s.whatsapp.net</c>), the whole jid otherwise (<c>1234…@lid</c>); null for none.
    /// </summary>
    public static string? Normalize(string? providerId)
    {
        if (string.IsNullOrWhiteSpace(providerId)) return null;
        var id = providerId.Trim();
        if (id.EndsWith(PhoneJidSuffix, StringComparison.OrdinalIgnoreCase)) id = id[..^PhoneJidSuffix.Length];
        var device = id.IndexOf(':', StringComparison.Ordinal); // a jid's device part (5511…:12@s.whatsapp.net)
        if (device > 0 && !id.Contains('@', StringComparison.Ordinal)) id = id[..device];
        return id.TrimStart('+');
    }

    /// <summary>
    /// The ids an E.164 number may go by: its digits, and for a Brazilian mobile the same number with and without the
    /// ninth digit (WhatsApp keeps the id a number was registered with).
    /// </summary>
    public static IReadOnlyList<string> Candidates(string e164)
    {
        var digits = new string([.. e164.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0) return [];
        if (!digits.StartsWith("55", StringComparison.Ordinal)) return [digits];

        // 55 + two-digit area code + subscriber: 9 + 8 digits today, 8 digits starting 6-9 before the ninth digit.
        var national = digits[2..];
        if (national.Length == 11 && national[2] == '9' && national[3] is >= '6' and <= '9')
            return [digits, "55" + national[..2] + national[3..]];
        if (national.Length == 10 && national[2] is >= '6' and <= '9')
            return [digits, "55" + national[..2] + "9" + national[2..]];
        return [digits];
    }
}
