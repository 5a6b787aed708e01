using System.Globalization;
using Dsl.BuildingBlocks.Documents;
using Dsl.Curriculum.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dsl.Curriculum.Certificates;

/// <summary>Renders a certificate of completion as a one-page A4 PDF (PDFsharp, with the programme's embedded font).</summary>
public static class CertificatePdf
{
    public const string MediaType = PdfFonts.MediaType;
    private const string Family = PdfFonts.Family;

    public static byte[] Render(Certificate certificate, string leadName, string verificationUrl)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = "Certificate of completion";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var y = 90.0;
            void Line(string text, double size, bool bold = false, double after = 12)
            {
                var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                gfx.DrawString(text, font, XBrushes.Black, new XRect(50, y, width - 100, size * 1.4), XStringFormats.TopCenter);
                y += size * 1.4 + after;
            }
            gfx.DrawRectangle(new XPen(XColors.DarkSlateBlue, 2), 30, 30, width - 60, page.Height.Point - 60);
            Line("Certificate of completion", 28, bold: true, after: 30);
            Line("This certifies that", 12);
            Line(leadName, 22, bold: true);
            Line($"of {certificate.SettingName}", 14, after: 24);
            Line("has completed the Designated Senior Lead for Mental Health training programme", 12);
            Line(certificate.Track == Tracks.Short ? "(short track: learning and reflective planning)" : "(full track: learning, reflective planning and embedding)", 11, after: 30);
            Line($"Place confirmed: {Day(certificate.ConfirmedAt)}", 12, after: 4);
            Line($"Completed: {Day(certificate.CompletedAt)}", 12, after: 4);
            Line($"CPD hours: {certificate.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}", 12, bold: true, after: 40);
            Line($"Issued by {Certificate.Issuer}", 11, after: 30);
            Line("Verify this certificate at", 9, after: 2);
            Line(verificationUrl, 9);
            Line($"Certificate {certificate.Id}", 8);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Day(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
