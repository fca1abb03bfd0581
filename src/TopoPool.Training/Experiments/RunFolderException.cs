namespace TopoPool.Training.Experiments;

/// <summary>A run folder that cannot be used as asked: it holds other settings' runs, or one of its files is damaged.
/// The message names the folder or file, what is wrong, and what to do (<c>--fresh</c>, another <c>--out</c>).</summary>
public sealed class RunFolderException(string message, Exception? inner = null) : Exception(message, inner);
