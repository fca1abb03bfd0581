// Your own molecule table with the library, in F#: read a table with two targets (one with missing values), train a
// two-seed ensemble, save the model folder, load it back, predict and embed molecules, and write the predictions.
// Run from the repository root:  dotnet run --project examples/own_data_fsharp -c Release [-- DATA_DIR [EPOCHS [WORK_DIR]]]
open System
open System.Globalization
open System.IO
open TopoPool.Chemistry.Tables
open TopoPool.Training.Data
open TopoPool.Training.OwnData
open TopoPool.Training.Tables

let invariant (value: float) (format: string) = value.ToString(format, CultureInfo.InvariantCulture)

/// A CSV field, quoted when it must be.
let field (text: string) =
    if text.Contains ',' || text.Contains '"' then "\"" + text.Replace("\"", "\"\"") + "\"" else text

/// A Caco-2 row (Drug_ID, Drug, Y) as name,smiles,Y,Papp: Papp = 10^Y in 1e-6 cm/s, missing on every fourth row.
let line (index: int) (row: string[]) =
    let papp = if index % 4 = 3 then "" else invariant (10.0 ** Double.Parse(row.[2], CultureInfo.InvariantCulture) * 1e6) "R"
    String.Join(",", [ field row.[0]; row.[1]; row.[2]; papp ])

/// The records of a molecule file, read lazily while the file is open.
let records (path: string) =
    seq {
        use source = MoleculeSources.Open path
        yield! source.Read()
    }

[<EntryPoint>]
let main args =
    let roots = if args.Length > 0 then [ args.[0] ] else List.ofSeq (DatasetLocator.DefaultRoots())   // ./data, $TOPOPOOL_DATA_DIR or ../shared/data
    let epochs = if args.Length > 1 then int args.[1] else 20
    let work = if args.Length > 2 then (Directory.CreateDirectory args.[2]).FullName else (Directory.CreateTempSubdirectory "topopool-own-data-").FullName
    let caco2 =
        roots
        |> List.map (fun root -> Path.Combine(root, "tdc", "caco2_wang.csv"))
        |> List.tryFind File.Exists
        |> Option.defaultWith (fun () -> raise (FileNotFoundException(sprintf "tdc/caco2_wang.csv is not under %s" (String.Join(" or ", roots)))))
    TorchSharp.torch.set_num_threads 1   // one intra-op thread is fastest for molecule-sized graphs

    // 1. A table of your own: the first 200 Caco-2 molecules, the next 50 held out. Any CSV/TSV, SMILES file or SDF will do.
    let rows = records caco2 |> Seq.take 250 |> Seq.map (fun r -> Seq.toArray r.Values) |> Array.ofSeq
    let write name (part: string[] seq) offset =
        let path = Path.Combine(work, name)
        File.WriteAllLines(path, Seq.append [ "name,smiles,Y,Papp" ] (part |> Seq.mapi (fun i r -> line (offset + i) r)))
        path
    let trainPath = write "train.csv" (Seq.take 200 rows) 0
    let heldOutPath = write "heldout.csv" (Seq.skip 200 rows) 200

    // 2. Read it: molecules, targets (task inferred), missing values as NaN.
    let targets = [| "Y"; "Papp" |]
    let table = MoleculeTable.Read(trainPath, MoleculeTableOptions targets)
    printfn "table: %d molecules of %d records, %d skipped; %s" table.Samples.Count table.Records table.Skipped table.TaskInference
    table.Targets
    |> Seq.iteri (fun t target ->
        let missing = table.Samples |> Seq.filter (fun s -> Single.IsNaN s.Targets.[t]) |> Seq.length
        printfn "target %s: %d values, %d missing" target.Name (table.Samples.Count - missing) missing)

    // 3. Train a two-seed ensemble and write the model folder.
    let modelFolder = Path.Combine(work, "model")
    let settings = OwnDataSettings(trainPath, MoleculeTableOptions targets, modelFolder, TorchSharp.torch.CPU, Epochs = epochs, Seeds = [| 1; 2 |])
    let seedFinished (s: OwnDataSeed) =
        printfn "seed %d: %d epochs (best %d); %d train, %d validation, %d test" s.Run.Seed s.Run.Epochs s.Run.BestEpoch s.TrainCount s.ValidationCount s.TestCount
    let summary = OwnDataRunner.Run(table, null, settings, seedFinished = Action<OwnDataSeed> seedFinished)
    summary.MeanMetrics()   // mean (std) over the seeds
    |> Seq.groupBy (fun struct (target, _, _, _) -> target)
    |> Seq.iter (fun (target, metrics) ->
        let shown = metrics |> Seq.map (fun struct (_, metric, mean, std) -> sprintf "%s %s (%s)" metric (invariant mean "F3") (invariant std "F3"))
        printfn "test %s: %s" target (String.Join(" · ", shown)))
    Directory.GetFiles summary.Folder |> Array.map Path.GetFileName |> Array.sort |> fun files -> printfn "model folder: %s" (String.Join(", ", files))

    // 4. Load the folder back (checked against this library) and predict the held-out molecules as a stream.
    use model = TrainedModel.Load modelFolder
    let predictor = MoleculePredictor model
    printfn "loaded: %s, targets %s, seeds %s; columns %s" model.File.Task (String.Join(", ", model.Targets |> Seq.map _.Name))
        (String.Join(",", model.Members |> Seq.map _.Seed)) (String.Join(",", predictor.Columns))
    records heldOutPath
    |> predictor.Predict
    |> Seq.take 5
    |> Seq.iter (fun output ->
        let v = nonNull output.Values   // Y, Y_std, Papp, Papp_std
        let measured = Double.Parse(output.Record.Values.[2], CultureInfo.InvariantCulture)
        printfn "row %d: Y %s ± %s (measured %s), Papp %s ± %s" output.Record.Row (invariant v.[0] "F4") (invariant v.[1] "F4") (invariant measured "F4")
            (invariant v.[2] "F4") (invariant v.[3] "F4"))

    // 5. Write every prediction as a table (what `topopool predict --out` writes; a .parquet name writes Parquet).
    let predictionsPath = Path.Combine(work, "predictions.csv")
    do
        use heldOut = MoleculeSources.Open heldOutPath
        use writer = RecordTableWriter.Create(predictionsPath, Console.Out, RecordTableLayout(heldOut.Columns, predictor.Columns))
        heldOut.Read() |> predictor.Predict |> Seq.iter writer.Write
    printfn "predictions: %s" predictionsPath

    // 6. One molecule's graph embedding under seed 1's model: the vector its head reads.
    let embedded = records heldOutPath |> Seq.truncate 1 |> MoleculeEmbedder(model, 1).Embed |> Seq.exactlyOne
    let values = nonNull embedded.Values
    printfn "embedding of row %d (%d values): %s …" embedded.Record.Row values.Length (String.Join(" ", values |> Seq.take 4 |> Seq.map (fun v -> invariant v "F4")))
    printfn "work folder: %s" work
    0
