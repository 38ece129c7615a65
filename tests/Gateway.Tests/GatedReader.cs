namespace PilotStatus.Gateway.Tests;

/// <summary>Standard input that gives one line only when the test says so: stands in for the engineer pressing Enter.</summary>
internal sealed class GatedReader : TextReader
{
    private readonly TaskCompletionSource<string?> line = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Press() => line.TrySetResult("");

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(line.Task.WaitAsync(cancellationToken));

    public override Task<string?> ReadLineAsync() => line.Task;
}
