using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace Dsl.Assessment.Progress;

/// <summary>
/// The progress picture as an accessible SVG (ADR 0021): ScottPlot draws baseline and latest bars per element with
/// labelled axes and element names; baseline bars are light and hatched, latest bars dark and solid, and each bar
/// carries its level as a label, so the chart reads in greyscale. We add role="img", &lt;title&gt; and a &lt;desc&gt;
/// that says in words what the chart shows.
/// </summary>
public static class ProgressChart
{
    public const int Width = 1000;
    public const int Height = 600;

    public static string Svg(ProgressPicture picture)
    {
        var plot = new Plot();
        var baselineColour = Color.FromHex("#D0D0D0");
        var latestColour = Color.FromHex("#303030");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < picture.Elements.Count; i++)
        {
            var element = picture.Elements[i];
            var x = i * 3.0;
            bars.Add(new Bar
            {
                Position = x, Value = element.Baseline ?? 0, FillColor = baselineColour, LineColor = Colors.Black, LineWidth = 1,
                FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = Colors.Gray,
                Label = element.Baseline?.ToString(CultureInfo.InvariantCulture) ?? "–",
            });
            bars.Add(new Bar
            {
                Position = x + 1, Value = element.Latest ?? 0, FillColor = latestColour, LineColor = Colors.Black, LineWidth = 1,
                Label = element.Latest?.ToString(CultureInfo.InvariantCulture) ?? "–",
            });
            ticks.Add(new Tick(x + 0.5, $"{element.Number}. {ShortName(element.Title)}"));
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 170;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
        [
            new Tick(1, "1 not yet started"), new Tick(2, "2 emerging"), new Tick(3, "3 developing"), new Tick(4, "4 embedded"),
        ]);
        plot.Axes.SetLimits(-1, picture.Elements.Count * 3 - 1, 0, 4.6);
        plot.XLabel("Element of the whole-school approach");
        plot.YLabel("Self-assessed maturity level");
        plot.Title($"Self-assessment progress: baseline and latest, setting {picture.SettingUrn}");
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "Baseline (hatched, light)", FillColor = baselineColour, FillHatch = new ScottPlot.Hatches.Striped(),
            FillHatchColor = Colors.Gray, LineColor = Colors.Black,
        });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Latest (solid, dark)", FillColor = latestColour, LineColor = Colors.Black });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();

        return Accessible(plot.GetSvgXml(Width, Height), Title(picture), Describe(picture));
    }

    public static string Title(ProgressPicture picture) =>
        $"Self-assessment progress of setting {picture.SettingUrn}: baseline and latest level per element";

    /// <summary>The chart in words, for screen readers and anyone who cannot see it.</summary>
    public static string Describe(ProgressPicture picture)
    {
        if (picture.Submissions == 0)
            return "Bar chart with no data yet: the setting has not submitted a self-assessment. Levels run from 1 (not yet started) to 4 (embedded).";
        var parts = picture.Elements.Select(e => e.Baseline is null
            ? $"{e.Number}. {e.Title}: not rated"
            : $"{e.Number}. {e.Title}: baseline {e.Baseline}, latest {e.Latest} ({Change(e.Change!.Value)})");
        return $"Bar chart of {picture.Submissions} submitted self-assessments, comparing for each of the eight elements the baseline " +
               $"level with the latest, on a scale from 1 (not yet started) to 4 (embedded). " + string.Join("; ", parts) +
               $". Overall mean level: baseline {picture.OverallBaseline?.ToString("0.##", CultureInfo.InvariantCulture)}, " +
               $"latest {picture.OverallLatest?.ToString("0.##", CultureInfo.InvariantCulture)}.";
    }

    private static string Change(int change) => change switch
    {
        > 0 => $"up {change}",
        < 0 => $"down {-change}",
        _ => "no change",
    };

    private static string ShortName(string title) => title.Length <= 34 ? title : title[..32].TrimEnd() + "…";

    /// <summary>Adds role="img", aria-labelledby, &lt;title&gt; and &lt;desc&gt; as the SVG's first children.</summary>
    public static string Accessible(string svg, string title, string description)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root!;
        var ns = root.Name.Namespace;
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", "chart-title chart-desc");
        root.AddFirst(new XElement(ns + "title", new XAttribute("id", "chart-title"), title),
            new XElement(ns + "desc", new XAttribute("id", "chart-desc"), description));
        return document.ToString(SaveOptions.DisableFormatting);
    }
}
