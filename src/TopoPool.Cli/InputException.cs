namespace TopoPool.Cli;

/// <summary>Bad input: the message names the input and the position, and is printed as one line.</summary>
public sealed class InputException(string message) : Exception(message);
