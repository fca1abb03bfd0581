using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>Renders SVG written by the command to a bitmap (Svg.Skia), so that a picture that draws nothing fails.</summary>
public static class SvgRendering
{
    /// <summary>The SVG on white; text in DejaVu Sans when the machine has it.</summary>
    public static SKBitmap Render(string svgText)
    {
        using var svg = new SKSvg();
        const string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (File.Exists(font)) svg.Settings.TypefaceProviders?.Insert(0, new CustomTypefaceProvider(font));
        var picture = svg.FromSvg(svgText);
        Assert.NotNull(picture);
        var bounds = picture.CullRect;
        Assert.True(bounds.Width > 0 && bounds.Height > 0, $"the picture has no extent ({bounds})");
        var bitmap = new SKBitmap((int)Math.Ceiling(bounds.Width), (int)Math.Ceiling(bounds.Height));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.DrawPicture(picture);
        canvas.Flush();
        return bitmap;
    }

    /// <summary>The share of pixels in rows [<paramref name="top"/>, <paramref name="bottom"/>) that are not (nearly) white.</summary>
    public static double NonWhiteShare(SKBitmap bitmap, int top, int bottom)
    {
        long inked = 0, all = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                all++;
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235) inked++;
            }
        }
        return all == 0 ? 0 : (double)inked / all;
    }
}
