/// TopoPool.Core's public surface, as C# and F# users of the package see it, read by reflection and written as stable
/// sorted text, against the committed tests/TopoPool.Core.Tests/PublicSurface/TopoPool.Core.txt: a change to the
/// surface is a visible diff in review. (The C# libraries track theirs with PublicApiAnalyzers, which do not read F#.)
module TopoPool.Core.Tests.PublicSurfaceTests

open System
open System.IO
open System.Reflection
open System.Text.RegularExpressions
open global.Xunit
open TopoPool.Core
open TopoPool.Testing

let private flags = BindingFlags.Public ||| BindingFlags.Instance ||| BindingFlags.Static ||| BindingFlags.DeclaredOnly

let private nullability = NullabilityInfoContext()

let private arity = Regex("`[0-9]+")

/// A type's name with its namespace, generic arguments in angle brackets and `?` where a reference is nullable.
let rec private nameOf (t: Type) (n: NullabilityInfo | null) : string =
    let mark = match n with | NonNull i when i.ReadState = NullabilityState.Nullable && not t.IsValueType -> "?" | _ -> ""
    let element = match n with | NonNull i -> i.ElementType | Null -> null
    if t.IsGenericParameter then t.Name + mark
    elif t.IsByRef then nameOf (nonNull (t.GetElementType())) n + "&"
    elif t.IsPointer then nameOf (nonNull (t.GetElementType())) null + "*"
    elif t.IsArray then nameOf (nonNull (t.GetElementType())) element + "[" + String(',', t.GetArrayRank() - 1) + "]" + mark
    else
        let definition = if t.IsGenericType then t.GetGenericTypeDefinition() else t
        let plain = arity.Replace((match definition.FullName with | null -> definition.Name | full -> full).Replace('+', '.'), "")
        if t.IsGenericType && not t.IsGenericTypeDefinition then
            let arguments = t.GetGenericArguments()
            let argumentInfos : (NullabilityInfo | null) array =
                match n with
                | NonNull i when i.GenericTypeArguments.Length = arguments.Length -> i.GenericTypeArguments |> Array.map (fun a -> a : NullabilityInfo | null)
                | _ -> Array.create arguments.Length null
            plain + "<" + String.Join(", ", Array.map2 nameOf arguments argumentInfos) + ">" + mark
        elif t.IsGenericTypeDefinition then plain + "<" + String.Join(", ", t.GetGenericArguments() |> Array.map (fun a -> a.Name)) + ">"
        else plain + mark

let private parameters (ps: ParameterInfo array) =
    ps
    |> Array.map (fun p ->
        let defaultValue =
            if not p.HasDefaultValue then ""
            else match p.DefaultValue with | null -> " = null" | v -> sprintf " = %O" v
        sprintf "%s %s%s" (nameOf p.ParameterType (nullability.Create p)) p.Name defaultValue)
    |> fun rendered -> String.Join(", ", rendered)

let private staticWord isStatic = if isStatic then "static " else ""

let private methodLine (m: MethodInfo) =
    let generic = if m.IsGenericMethodDefinition then "<" + String.Join(", ", m.GetGenericArguments() |> Array.map (fun a -> a.Name)) + ">" else ""
    let kind = if m.IsAbstract then "abstract method" elif m.IsVirtual && not m.IsFinal then "virtual method" else "method"
    sprintf "%s%s %s%s(%s) : %s" (staticWord m.IsStatic) kind m.Name generic (parameters (m.GetParameters())) (nameOf m.ReturnType (nullability.Create m.ReturnParameter))

let private isAccessor (m: MethodInfo) =
    m.IsSpecialName && (m.Name.StartsWith "get_" || m.Name.StartsWith "set_" || m.Name.StartsWith "add_" || m.Name.StartsWith "remove_")

let private memberLines (t: Type) =
    [ for c in t.GetConstructors flags do
          yield sprintf "%s.ctor(%s)" (staticWord c.IsStatic) (parameters (c.GetParameters()))
      for m in t.GetMethods flags do
          if not (isAccessor m) then yield methodLine m
      for p in t.GetProperties flags do
          let isPublic (accessor: MethodInfo | null) = match accessor with | NonNull a -> a.IsPublic | Null -> false
          let accessors = [ if isPublic p.GetMethod then "get"; if isPublic p.SetMethod then "set" ]
          let indexer = match p.GetIndexParameters() with | [||] -> "" | ps -> "[" + parameters ps + "]"
          let isStatic = (match p.GetMethod with | null -> p.SetMethod | g -> g) |> Option.ofObj |> Option.exists (fun a -> a.IsStatic)
          yield sprintf "%sproperty %s%s : %s { %s }" (staticWord isStatic) p.Name indexer (nameOf p.PropertyType (nullability.Create p)) (String.Join("; ", accessors))
      for f in t.GetFields flags do
          if t.IsEnum then
              if f.IsStatic then yield sprintf "value %s = %O" f.Name (f.GetRawConstantValue())
          elif f.IsLiteral then yield sprintf "const %s : %s = %O" f.Name (nameOf f.FieldType null) (f.GetRawConstantValue())
          else yield sprintf "%s%sfield %s : %s" (staticWord f.IsStatic) (if f.IsInitOnly then "readonly " else "") f.Name (nameOf f.FieldType (nullability.Create f))
      for e in t.GetEvents flags do
          yield sprintf "event %s : %s" e.Name (nameOf (nonNull e.EventHandlerType) (nullability.Create e)) ]

let private header (t: Type) =
    let kind =
        if t.IsEnum then "enum"
        elif t.IsInterface then "interface"
        elif t.IsValueType then "struct"
        elif typeof<Delegate>.IsAssignableFrom t then "delegate"
        elif t.IsAbstract && t.IsSealed then "static class"
        elif t.IsAbstract then "abstract class"
        elif t.IsSealed then "sealed class"
        else "class"
    let bases =
        [ match t.BaseType with
          | NonNull b when b <> typeof<obj> && b <> typeof<ValueType> && b <> typeof<Enum> -> nameOf b null
          | _ -> ()
          yield! t.GetInterfaces() |> Array.map (fun i -> nameOf i null) |> Array.sortWith (fun a b -> String.CompareOrdinal(a, b)) ]
    sprintf "%s (%s)%s" (nameOf t null) kind (if bases.IsEmpty then "" else " : " + String.Join(", ", bases))

/// Every exported type and each of its public members, one self-contained line each (`Type (kind) : bases`, then
/// `Type :: member`), in ordinal order, so a type's lines stay together and a diff names what changed.
let private surfaceOf (assembly: Assembly) =
    assembly.GetExportedTypes()
    |> Array.collect (fun t -> Array.ofList (header t :: (memberLines t |> List.map (fun m -> nameOf t null + " :: " + m))))
    |> Array.sortWith (fun a b -> String.CompareOrdinal(a, b))
    |> fun lines -> String.Join("\n", lines) + "\n"

let private committedPath = Path.Combine(SharedFolder.RepositoryRoot, "tests", "TopoPool.Core.Tests", "PublicSurface", "TopoPool.Core.txt")

[<Fact>]
let ``TopoPool.Core's public surface is the committed one`` () =
    let actual = surfaceOf typeof<Graph>.Assembly
    let committed = if File.Exists committedPath then File.ReadAllText(committedPath).Replace("\r\n", "\n") else ""
    if actual <> committed then
        let received = Path.Combine(AppContext.BaseDirectory, "PublicSurface", "TopoPool.Core.received.txt")
        Directory.CreateDirectory(nonNull (Path.GetDirectoryName received)) |> ignore
        File.WriteAllText(received, actual)
        let lines (text: string) = text.Split('\n', StringSplitOptions.RemoveEmptyEntries) |> Set.ofArray
        let listed (s: Set<string>) = if s.IsEmpty then "  (none)" else String.Join("\n", s |> Seq.map (fun l -> "  " + l))
        failwithf
            "TopoPool.Core's public surface is not the committed %s.\nIn the assembly, not in the file:\n%s\nIn the file, not in the assembly:\n%s\nThe actual surface is in %s. If the change is meant, accept it with `bash build/update-public-api.sh` (or copy that file over the committed one) and commit the diff."
            committedPath (listed (Set.difference (lines actual) (lines committed))) (listed (Set.difference (lines committed) (lines actual))) received
