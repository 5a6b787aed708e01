using PdfSharp.Fonts;

namespace Dsl.BuildingBlocks.Documents;

/// <summary>
/// The one font every PDF the programme renders uses (DejaVu Sans, embedded in this assembly), so certificates,
/// reports and award documents look alike and render on a Linux host that has no fonts PDFsharp can find.
/// </summary>
public static class PdfFonts
{
    public const string Family = "DejaVu Sans";
    public const string MediaType = "application/pdf";

    // PDFsharp holds one resolver per process and refuses a second once fonts were used; test runs start several
    // hosts in one process, so the static constructor (once, thread-safe) is the only place it is set.
    static PdfFonts()
    {
        if (GlobalFontSettings.FontResolver is not DejaVuFontResolver) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
    }

    /// <summary>Call before drawing text: makes sure PDFsharp resolves <see cref="Family"/> to the embedded fonts.</summary>
    public static void EnsureRegistered() { }

    private sealed class DejaVuFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var resource = typeof(PdfFonts).Assembly.GetManifestResourceStream($"{faceName}.ttf")
                ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
