using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Sdf;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// Random corruption of golden SDF records (bytes replaced, inserted or deleted, lines deleted, doubled or replaced
/// by garbage, records cut short; never a <c>$</c>, so no new terminator) must never make the reader throw, never
/// change how an uncorrupted record reads, and keep one record per record, in order. Failures shrink by dropping one
/// record or one mutation at a time.
/// </summary>
public sealed class SdfCorruptionFuzzTests
{
    private static readonly Lazy<byte[][]> GoldenRecords = new(LoadRecordBodies);

    /// <summary>One change to a record body; <see cref="Position"/> is reduced modulo the body's size.</summary>
    public sealed record Mutation(int Kind, int Position, byte Byte, byte[] Garbage)
    {
        public override string ToString() => $"{Kind}@{Position}:{Byte}";
    }

    /// <summary>A golden record, by index, and the mutations applied to it (none: it stays intact).</summary>
    public sealed record RecordPlan(int Record, Mutation[] Mutations)
    {
        public override string ToString() => $"record {Record} [{string.Join(", ", Mutations.AsEnumerable())}]";
    }

    private static Gen<byte> NoDollar => Gen.Choose(0, 254).Select(b => (byte)(b >= '$' ? b + 1 : b));

    private static Gen<Mutation> MutationGen =>
        from kind in Gen.Choose(0, 6)
        from position in Gen.Choose(0, 1 << 20)
        from value in NoDollar
        from garbage in NoDollar.ArrayOf()
        select new Mutation(kind, position, value, garbage);

    private static Gen<RecordPlan> PlanGen =>
        from record in Gen.Choose(0, 895)
        from corrupt in Gen.Elements(true, false)
        from mutations in MutationGen.ArrayOf()
        select new RecordPlan(record, corrupt && mutations.Length > 0 ? mutations : []);

    private static Arbitrary<RecordPlan[]> Plans =>
        Arb.From(
            Gen.Choose(1, 8).SelectMany(n => PlanGen.ArrayOf(n)),
            plans => Shrink(plans));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Corruption_never_throws_and_leaves_intact_records_alone() =>
        Prop.ForAll(Plans, plans =>
        {
            var bodies = plans.Select(p => Apply(GoldenRecords.Value[p.Record], p.Mutations)).ToList();
            var records = ReadAll(Concatenate(bodies), out var columns);
            if (records.Count != plans.Length)
            {
                return false;
            }

            for (int i = 0; i < plans.Length; i++)
            {
                if (records[i].Row != i + 1 || (i > 0 && records[i].Line <= records[i - 1].Line))
                {
                    return false;
                }

                if (plans[i].Mutations.Length > 0)
                {
                    if ((records[i].Molecule is null) == (records[i].Error is null))
                    {
                        return false;
                    }

                    continue;
                }

                var alone = Assert.Single(ReadAll(Concatenate([bodies[i]]), out var aloneColumns));
                if (Signature(records[i], columns) != Signature(alone, aloneColumns))
                {
                    return false;
                }
            }

            return true;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Arbitrary_bytes_with_molfile_fragments_never_throw() =>
        Prop.ForAll(
            Gen.Elements(
                "$$$$\n", "M  END\n", "\n", "  3  2  0  0  0  0  0  0  0  0999 V2000\n", "M  V30 BEGIN CTAB\n", "M  V30 COUNTS 2 1 0 0 0\n",
                "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n", "  1  2  1  0\n", "> <NAME>\n", "M  CHG  1   1  -1\n",
                "\r", "\uFFFD", "\0", "  0  0  0     0  0            999 V3000\n", "M  V30 1 C 0 0 0 0 CHG=1 -\n", "x")
                .ArrayOf()
                .Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)))
                .SelectMany(text => NoDollar.ArrayOf().Select(noise => text.Concat(noise).ToArray()))
                .ToArbitrary(),
            bytes =>
            {
                SdfMoleculeSource source;
                try
                {
                    source = SdfMoleculeSource.FromStream(new MemoryStream(bytes), "fuzz.sdf");
                }
                catch (MoleculeSourceException)
                {
                    // Only what starts like gzip may be refused as a whole.
                    return bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
                }

                using var _ = source;
                foreach (var record in source.Read())
                {
                    if ((record.Molecule is null) == (record.Error is null) || record.Values.Length != source.Columns.Length)
                    {
                        return false;
                    }
                }

                return true;
            });

    private static IEnumerable<RecordPlan[]> Shrink(RecordPlan[] plans)
    {
        for (int i = 0; i < plans.Length && plans.Length > 1; i++)
        {
            yield return plans.Where((_, j) => j != i).ToArray();
        }

        for (int i = 0; i < plans.Length; i++)
        {
            for (int m = 0; m < plans[i].Mutations.Length; m++)
            {
                var fewer = plans[i].Mutations.Where((_, j) => j != m).ToArray();
                var copy = (RecordPlan[])plans.Clone();
                copy[i] = plans[i] with { Mutations = fewer };
                yield return copy;
            }
        }
    }

    /// <summary>
    /// Applies the mutations to a record body (every line ending in \n, no terminator). The body's last \n is never
    /// touched, so the terminator that follows stays a line of its own.
    /// </summary>
    private static byte[] Apply(byte[] body, Mutation[] mutations)
    {
        var bytes = body.ToList();
        foreach (var m in mutations)
        {
            int inside = bytes.Count - 1;
            var starts = new List<int> { 0 };
            for (int i = 0; i < bytes.Count - 1; i++)
            {
                if (bytes[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            int line = m.Position % starts.Count;
            int lineStart = starts[line];
            int lineEnd = line + 1 < starts.Count ? starts[line + 1] : bytes.Count;
            switch (m.Kind)
            {
                case 0 when inside > 0:
                    bytes[m.Position % inside] = m.Byte;
                    break;
                case 1 when inside > 0:
                    bytes.Insert(m.Position % inside, m.Byte);
                    break;
                case 1:
                    bytes.InsertRange(0, [m.Byte, (byte)'\n']);
                    break;
                case 2 when inside > 0:
                    bytes.RemoveAt(m.Position % inside);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(lineStart, lineEnd - lineStart);
                    break;
                case 4 when bytes.Count > 0:
                    bytes.InsertRange(lineStart, bytes.GetRange(lineStart, lineEnd - lineStart));
                    break;
                case 5:
                    bytes.InsertRange(lineStart, m.Garbage.Where(b => b != '\n').Append((byte)'\n'));
                    break;
                case 6 when bytes.Count > 0:
                    bytes.RemoveRange(lineStart, bytes.Count - lineStart);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static byte[] Concatenate(IEnumerable<byte[]> bodies)
    {
        var all = new List<byte>();
        foreach (byte[] body in bodies)
        {
            all.AddRange(body);
            all.AddRange("$$$$\n"u8.ToArray());
        }

        return all.ToArray();
    }

    private static List<MoleculeRecord> ReadAll(byte[] bytes, out IReadOnlyList<string> columns)
    {
        using var source = SdfMoleculeSource.FromStream(new MemoryStream(bytes), "fuzz.sdf");
        columns = source.Columns;
        return source.Read().ToList();
    }

    /// <summary>What a record reads as, independent of its position: atoms, bonds, error or not, and the values of
    /// its non-empty columns by name.</summary>
    private static string Signature(MoleculeRecord record, IReadOnlyList<string> columns)
    {
        var text = new StringBuilder();
        text.Append(record.Error is null ? "ok" : "error").Append('|');
        if (record.Molecule is { } molecule)
        {
            foreach (var a in molecule.Atoms)
            {
                text.Append($"{a.Symbol}{a.FormalCharge}h{a.TotalHydrogens}t{a.ChiralTag}{(a.IsAromatic ? "ar" : "")}i{a.Isotope},");
            }

            foreach (var b in molecule.Bonds)
            {
                text.Append($"{b.Begin}-{b.End}:{b.Order},");
            }
        }

        foreach (int c in Enumerable.Range(0, columns.Count).OrderBy(c => columns[c], StringComparer.Ordinal))
        {
            if (record.Values[c].Length > 0)
            {
                text.Append('|').Append(columns[c]).Append('=').Append(record.Values[c]);
            }
        }

        return text.ToString();
    }

    /// <summary>The golden 2D file's records as bytes, each without its <c>$$$$</c> line.</summary>
    private static byte[][] LoadRecordBodies()
    {
        string text = File.ReadAllText(SharedFolder.Path("golden", "caco2_wang.2d.sdf"));
        return text.Split("$$$$\n")
            .Where(body => body.Length > 0)
            .Select(body => Encoding.UTF8.GetBytes(body))
            .ToArray();
    }
}
