using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using SkiaSharp;
using Xunit;

namespace TopoPool.Browser.Tests;

/// <summary>
/// The report page of <c>topopool explain --html</c> in Debian's headless Chromium, driven through chromedriver as a
/// person would use it: header buttons clicked to sort, words typed into the filter box, and a screenshot looked at.
/// The expected orders and matches come from the input file and the command's JSON lines, not from the page.
/// </summary>
public sealed class ReportPageBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    // Twelve records, so that sorting the record numbers as text (1, 10, 11, 12, 2, …) differs from sorting them as
    // numbers. A row's text (its SMILES, strongest cluster as SMILES, element pattern and atoms) holds "cl" only when the
    // molecule holds chlorine, "o" only with oxygen and "n" only with nitrogen.
    private static readonly string[] Molecules =
    [
        "CC(=O)Oc1ccccc1C(=O)O", "O=C(O)c1cc(Cl)ccc1O", "CCO", "c1ccc[nH]1", "C[N+](=O)[O-]", "c1ccc2ccccc2c1",
        "OC(=O)CCc1ccccc1", "Clc1ccc(Cl)cc1", "CC(C)Cc1ccc(C(C)C(=O)O)cc1", "NCC(=O)O", "CN1CCC[C@H]1c1cccnc1", "ClCCCl",
    ];

    private readonly string folder = Directory.CreateTempSubdirectory("topopool-browser").FullName;
    private readonly ChromeDriver browser;

    public ReportPageBrowserTests()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: these tests need Debian's Chromium; install it with `apt-get install -y chromium chromium-driver`");
        Assert.True(File.Exists(ChromeDriver), $"{ChromeDriver} is missing: install it with `apt-get install -y chromium-driver`");
        // Never let Selenium look for a driver or browser on the network: both are given.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600",
            $"--user-data-dir={Path.Combine(folder, "profile")}");
        browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public void Dispose() => browser.Quit();

    [Fact]
    public void Clicking_headers_sorts_the_rows_and_typing_in_the_filter_shows_only_the_matching_rows()
    {
        var (page, weights) = WriteReport();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var allRecords = Enumerable.Range(1, Molecules.Length).ToList();
        Assert.Equal(allRecords, VisibleRecords());
        Assert.Equal($"{Molecules.Length} of {Molecules.Length} shown", browser.FindElement(By.Id("shown")).Text);

        // The record column sorts as numbers: descending on a second click puts 12, 11, 10 first, not 9.
        ClickHeader("#");
        Assert.Equal(allRecords, VisibleRecords());
        ClickHeader("#");
        Assert.Equal(allRecords.AsEnumerable().Reverse(), VisibleRecords());
        Assert.Equal("descending", Header("#").GetAttribute("aria-sort"));

        // The weight column: the strongest cluster's weight from the command's JSON lines, ties in input order.
        ClickHeader("weight");
        Assert.Equal(allRecords.OrderBy(r => weights[r]).ThenBy(r => r), VisibleRecords());
        Assert.Equal(allRecords.OrderBy(r => weights[r]).ThenBy(r => r).Select(r => weights[r].ToString("F3", CultureInfo.InvariantCulture)),
            VisibleRows().Select(row => row.FindElement(By.CssSelector("td.weight")).Text));
        ClickHeader("weight");
        Assert.Equal(allRecords.OrderByDescending(r => weights[r]).ThenBy(r => r), VisibleRecords());

        // The filter: the chlorine compounds; with two words, those that also hold oxygen.
        var filter = browser.FindElement(By.Id("filter"));
        filter.SendKeys("cl");
        var chlorine = allRecords.Where(r => Molecules[r - 1].Contains("Cl", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, chlorine.Count);
        Assert.Equal(chlorine.OrderByDescending(r => weights[r]).ThenBy(r => r), VisibleRecords());
        Assert.Equal($"3 of {Molecules.Length} shown", browser.FindElement(By.Id("shown")).Text);
        filter.SendKeys(" o");
        Assert.Equal([2], VisibleRecords());

        // Sorting keeps the filter; clearing the box shows every row again, in the last sorted order.
        filter.SendKeys(Keys.Control + "a");
        filter.SendKeys(Keys.Backspace);
        filter.SendKeys("N");
        var nitrogen = allRecords.Where(r => Molecules[r - 1].Contains('N', StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal([4, 5, 10, 11], nitrogen);
        ClickHeader("#");
        Assert.Equal(nitrogen, VisibleRecords());
        filter.SendKeys(Keys.Control + "a");
        filter.SendKeys(Keys.Backspace);
        Assert.Equal(allRecords, VisibleRecords());
        Assert.Equal($"{Molecules.Length} of {Molecules.Length} shown", browser.FindElement(By.Id("shown")).Text);
    }

    [Fact]
    public void The_page_shows_its_table_and_the_pictures_in_colour()
    {
        var (page, _) = WriteReport();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.Equal(Molecules.Length, browser.FindElements(By.CssSelector("#explanations td.picture svg")).Count(svg => svg.Size.Width > 100 && svg.Size.Height > 50));
        Assert.True(browser.FindElements(By.CssSelector("#summary tbody tr")).Count > 0, "the summary table has no row");

        var screenshot = browser.GetScreenshot();
        var png = Path.Combine(folder, "report.png");
        screenshot.SaveAsFile(png);
        using var bitmap = SKBitmap.Decode(screenshot.AsByteArray);
        Assert.NotNull(bitmap);
        long inked = 0, coloured = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                int high = Math.Max(c.Red, Math.Max(c.Green, c.Blue)), low = Math.Min(c.Red, Math.Min(c.Green, c.Blue));
                if (low < 235) inked++;
                if (high - low > 60) coloured++;
            }
        }
        double pixels = (double)bitmap.Width * bitmap.Height;
        Assert.True(inked / pixels > 0.03, $"the screenshot {png} is nearly blank ({inked / pixels:P2} of its pixels are not white)");
        Assert.True(coloured / pixels > 0.005, $"the screenshot {png} shows (nearly) no coloured cluster ({coloured / pixels:P2} coloured pixels)");
    }

    private (string Page, Dictionary<int, double> Weights) WriteReport()
    {
        var input = Path.Combine(folder, "molecules.smi");
        File.WriteAllLines(input, Molecules);
        var page = Path.Combine(folder, "report.html");
        var (exit, output, error) = RunTopopool("explain", "--input", input, "--html", page);
        Assert.True(exit == 0, error);
        var weights = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => (Record: i + 1, Weight: JsonDocument.Parse(line).RootElement.GetProperty("clusters")[0].GetProperty("weight").GetDouble()))
            .ToDictionary(p => p.Record, p => Math.Round(p.Weight, 6));
        Assert.Equal(Molecules.Length, weights.Count);
        return (page, weights);
    }

    private void ClickHeader(string text) => Header(text).FindElement(By.TagName("button")).Click();

    private IWebElement Header(string text) =>
        browser.FindElements(By.CssSelector("#explanations thead th")).Single(th => th.Text.Trim().TrimEnd('▲', '▼').Trim() == text);

    private List<IWebElement> VisibleRows() => browser.FindElements(By.CssSelector("#explanations tbody tr")).Where(r => r.Displayed).ToList();

    private List<int> VisibleRecords() => VisibleRows().Select(r => int.Parse(r.FindElement(By.CssSelector("td.record")).Text, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Runs the built <c>topopool</c> command (copied beside the tests) as a separate process.</summary>
    private static (int Exit, string Output, string Error) RunTopopool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "topopool.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("topopool explain did not end within two minutes");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
