namespace PilotStatus.Gateway.Tests.Shared;

/// <summary>
/// Randomized inputs for the totality tests of every mapper: real bodies cut, gapped, spliced with JSON fragments or
/// with a character changed. Linked as source into each provider's test project.
/// </summary>
internal static class BodyMutations
{
    /// <summary>One to three random edits of <paramref name="seed"/>.</summary>
    public static string Mutate(string seed, Random random, IReadOnlyList<string> fragments)
    {
        var text = seed;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 => text[..at],
                1 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
                2 => text.Insert(at, fragments[random.Next(fragments.Count)]),
                _ => text.Length == 0 ? text : text.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString()),
            };
        }

        return text;
    }

    /// <summary>A string of random characters across the BMP's lower planes, control characters included.</summary>
    public static string Garbage(Random random)
    {
        var chars = new char[random.Next(0, 200)];
        for (var j = 0; j < chars.Length; j++) chars[j] = (char)random.Next(0, 0x3000);
        return new string(chars);
    }
}
