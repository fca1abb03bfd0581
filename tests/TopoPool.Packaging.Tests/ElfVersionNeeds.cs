using System.Buffers.Binary;
using System.Text;

namespace TopoPool.Packaging.Tests;

/// <summary>
/// Reads the symbol version needs (<c>.gnu.version_r</c>) of a little-endian ELF64 shared library: which library each
/// needed version comes from and whether the need is weak (VER_FLG_WEAK), i.e. whether the loader accepts the library
/// when that version is missing. Read-only; used to check that a shipped libLibTorchSharp.so carries the libstdc++ fix.
/// </summary>
public static class ElfVersionNeeds
{
    public sealed record VersionNeed(string Library, string Version, bool Weak);

    private const uint SectionGnuVersionNeed = 0x6ffffffe;
    private const ushort FlagWeak = 0x2;

    public static IReadOnlyList<VersionNeed> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F' || bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{path}: not a little-endian ELF64 file");
        ReadOnlySpan<byte> file = bytes;
        long sectionTable = BinaryPrimitives.ReadInt64LittleEndian(file[0x28..]);
        int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(file[0x3a..]);
        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(file[0x3c..]);

        var needs = new List<VersionNeed>();
        for (int s = 0; s < sectionCount; s++)
        {
            var header = file[(int)(sectionTable + (long)s * sectionSize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionGnuVersionNeed) continue;
            long offset = BinaryPrimitives.ReadInt64LittleEndian(header[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            long strings = BinaryPrimitives.ReadInt64LittleEndian(file[(int)(sectionTable + (long)link * sectionSize + 0x18)..]);
            for (long need = offset; ; )
            {
                var entry = file[(int)need..];
                int count = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
                string library = NameAt(file, strings + BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]));
                long aux = need + BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                for (int a = 0; a < count; a++)
                {
                    var version = file[(int)aux..];
                    bool weak = (BinaryPrimitives.ReadUInt16LittleEndian(version[4..]) & FlagWeak) != 0;
                    needs.Add(new VersionNeed(library, NameAt(file, strings + BinaryPrimitives.ReadUInt32LittleEndian(version[8..])), weak));
                    aux += BinaryPrimitives.ReadUInt32LittleEndian(version[12..]);
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
                if (next == 0) break;
                need += next;
            }
        }
        return needs;
    }

    private static string NameAt(ReadOnlySpan<byte> file, long offset)
    {
        var text = file[(int)offset..];
        return Encoding.ASCII.GetString(text[..text.IndexOf((byte)0)]);
    }
}
