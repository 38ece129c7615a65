namespace PilotStatus.Gateway.Abstractions.Errors;

/// <summary>What the gateway knows about one <see cref="ErrorCode"/>.</summary>
/// <param name="Code">The code.</param>
/// <param name="Name">The wire name, as SPEC.md spells it (<c>META_WABA_NOT_ACCESSIBLE</c>).</param>
/// <param name="Meaning">SPEC.md's "when it applies", in one sentence.</param>
/// <param name="Retryable">True when the same request can succeed later without anyone changing anything.</param>
/// <param name="Group">Who has to act.</param>
/// <param name="OperatorAction">One line telling an operator what to do.</param>
public sealed record ErrorCodeInfo(
    ErrorCode Code,
    string Name,
    string Meaning,
    bool Retryable,
    ErrorGroup Group,
    string OperatorAction);
