using System.Globalization;
using Dsl.BuildingBlocks.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>The lead's copy of their report as an A4 PDF (PDFsharp, with the programme's embedded font).</summary>
public static class SkillsReportPdf
{
    public const string MediaType = PdfFonts.MediaType;

    public static byte[] Render(SkillsReview review, SkillsReport report)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = "Management-skills review";
        PdfPage page = null!;
        XGraphics gfx = null!;
        var y = 0.0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = 50;
        }
        void Line(string text, double size, bool bold = false, double after = 6, double indent = 0)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var width = page.Width.Point - 100 - indent;
            // Wrapped by word: comments are free text of any length.
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var longer = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && gfx.MeasureString(longer, font).Width > width)
                {
                    Draw(line, font, size, indent, width);
                    longer = word;
                }
                line = longer;
            }
            Draw(line, font, size, indent, width);
            y += after;
        }
        void Draw(string text, XFont font, double size, double indent, double width)
        {
            if (y > page.Height.Point - 60) NewPage();
            gfx.DrawString(text, font, XBrushes.Black, new XRect(50 + indent, y, width, size * 1.4), XStringFormats.TopLeft);
            y += size * 1.4;
        }

        NewPage();
        Line($"Management-skills review ({(review.Stage == SkillsReviewStage.Start ? "start" : "end")})", 20, bold: true, after: 4);
        Line($"Closed {review.ClosedAt:d MMMM yyyy}", 10, after: 4);
        Line("Raters shown: " + (report.Groups.Count == 0 ? "none" : string.Join(", ", report.Groups.Select(g => $"{g.Group} ({g.Raters})")))
             + (report.SomeWithheld ? "; some answers withheld to protect anonymity" : ""), 10, after: 16);
        foreach (var c in report.Competencies)
        {
            Line(c.Title, 12, bold: true, after: 2);
            var groups = string.Join(", ", c.Groups.Select(g => $"{g.Key} {F(g.Value)}"));
            Line($"Self {F(c.Self)} · others {F(c.Others)} · gap {F(c.Gap)}" + (groups.Length > 0 ? $" ({groups})" : ""), 10, after: 2, indent: 10);
            if (c.Change is { } change) Line($"Change since start: self {F(change.Self)}, others {F(change.Others)}", 10, after: 2, indent: 10);
            y += 6;
        }
        string TitleOf(string code) => report.Competencies.First(c => c.Code == code).Title;
        Line("Strongest", 12, bold: true, after: 2);
        foreach (var code in report.Strongest) Line(TitleOf(code), 10, after: 2, indent: 10);
        y += 6;
        Line("To develop", 12, bold: true, after: 2);
        foreach (var code in report.ToDevelop) Line(TitleOf(code), 10, after: 2, indent: 10);
        y += 6;
        if (report.Comments.Count > 0) Line("Comments", 12, bold: true, after: 2);
        foreach (var comment in report.Comments) Line($"{TitleOf(comment.CompetencyCode)}: {comment.Text}", 9, after: 2, indent: 10);
        gfx.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string F(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";
}
