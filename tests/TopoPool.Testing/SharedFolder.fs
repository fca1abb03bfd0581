namespace TopoPool.Testing

open System
open System.IO
open System.Runtime.CompilerServices

/// The read-only `../shared` folder beside the repository (datasets, golden outputs, benchmark inputs), found by
/// walking up to `TopoPool.Functional.sln` from the test binaries, or from this source file when the tests were
/// built with an artifacts path outside the repository. A missing folder or file throws: tests that need shared
/// data fail, they never skip.
[<AbstractClass; Sealed>]
type SharedFolder private () =
    static let findRepository (sourceFile: string) =
        [ AppContext.BaseDirectory; (match Path.GetDirectoryName sourceFile with | null -> "" | d -> d) ]
        |> List.tryPick (fun start ->
            let rec up (directory: DirectoryInfo | null) =
                match directory with
                | null -> None
                | d when File.Exists(Path.Combine(d.FullName, "TopoPool.Functional.sln")) -> Some d.FullName
                | d -> up d.Parent
            if start = "" then None else up (DirectoryInfo start))
        |> Option.defaultWith (fun () -> raise (DirectoryNotFoundException("TopoPool.Functional.sln was not found above " + AppContext.BaseDirectory)))

    static let repository = lazy (findRepository (SharedFolder.SourceFile()))

    static member private SourceFile([<CallerFilePath>] ?path: string) = defaultArg path ""

    /// The repository's root folder.
    static member RepositoryRoot = repository.Force()

    /// The `../shared` folder itself; throws when it does not exist.
    static member Folder = SharedFolder.Path()

    /// A path beneath `../shared`, written whole (`data/pdb/1crn.pdb`) or in parts (`"data", "pdb", "1crn.pdb"`);
    /// no parts means the folder itself. Throws when the file or folder does not exist.
    static member Path([<ParamArray>] parts: string array) =
        let path = Path.GetFullPath(Path.Combine(Array.append [| repository.Force(); ".."; "shared" |] parts))
        if not (File.Exists path || Directory.Exists path) then
            raise (FileNotFoundException(sprintf "%s does not exist; these tests need the shared folder beside the repository" path, path))
        path

    /// The path the environment variable `variable` holds when it is set and not empty, otherwise `Path(parts)`: for
    /// programs that may run far from the repository (the benchmarks), the variable names the same file or folder.
    static member VariableOrPath(variable: string, [<ParamArray>] parts: string array) =
        match Environment.GetEnvironmentVariable variable with
        | null | "" -> SharedFolder.Path parts
        | path -> path
