using System.Globalization;
using System.Text;
using System.Xml;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// JUnit XML, as the test tabs of Azure DevOps, Jenkins and GitLab read it: one test suite per file, one test case per
/// finding (errors and warnings fail, infos pass with their text in <c>system-out</c>), an <c>error</c> case for a file
/// that could not be linted, and one passing case for a clean file, so every linted file shows up.
/// </summary>
public sealed class JUnitFormatter : IReportFormatter
{
    public string Name => "junit";

    public void Write(LintReport report, TextWriter writer)
    {
        var directory = report.WorkingDirectory;
        var suites = new SortedDictionary<string, Suite>(StringComparer.Ordinal);
        Suite SuiteOf(string file)
        {
            var name = FilePaths.Relative(file, directory);
            if (!suites.TryGetValue(name, out var suite))
            {
                suites[name] = suite = new Suite(name);
            }

            return suite;
        }

        foreach (var result in report.Results)
        {
            SuiteOf(result.File);
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            SuiteOf(diagnostic.Location.File).Diagnostics.Add(diagnostic);
        }

        foreach (var error in report.Errors)
        {
            SuiteOf(error.File).Errors.Add(error);
        }

        // The declaration is written by hand: XmlWriter would name the TextWriter's encoding (UTF-16 for a StringWriter),
        // while the tool writes files in UTF-8.
        writer.WriteLine("""<?xml version="1.0" encoding="utf-8"?>""");
        using (var xml = XmlWriter.Create(writer, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            ConformanceLevel = ConformanceLevel.Document,
        }))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", report.ToolName);
            xml.WriteAttributeString("tests", Number(suites.Values.Sum(suite => suite.TestCount)));
            xml.WriteAttributeString("failures", Number(suites.Values.Sum(suite => suite.FailureCount)));
            xml.WriteAttributeString("errors", Number(suites.Values.Sum(suite => suite.Errors.Count)));
            xml.WriteAttributeString("time", "0");
            foreach (var suite in suites.Values)
            {
                WriteSuite(xml, suite, report);
            }

            xml.WriteEndElement();
        }

        writer.WriteLine();
    }

    private static void WriteSuite(XmlWriter xml, Suite suite, LintReport report)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.Name));
        xml.WriteAttributeString("tests", Number(suite.TestCount));
        xml.WriteAttributeString("failures", Number(suite.FailureCount));
        xml.WriteAttributeString("errors", Number(suite.Errors.Count));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");
        xml.WriteAttributeString("timestamp", report.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));

        foreach (var error in suite.Errors)
        {
            StartCase(xml, suite.Name, $"{report.ToolName}: could not be linted", error.Line);
            xml.WriteStartElement("error");
            xml.WriteAttributeString("type", error.Code);
            xml.WriteAttributeString("message", Clean(error.Message));
            xml.WriteString(Clean((error with { File = suite.Name }).ToString()));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        // A test case is named by the finding's fingerprint, so it keeps its identity (and history in CI) when lines
        // move; findings sharing a fingerprint are numbered in order.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in suite.Diagnostics)
        {
            var location = diagnostic.Location;
            var name = diagnostic.Fingerprint.ToString();
            var occurrence = seen[name] = seen.GetValueOrDefault(name) + 1;
            StartCase(xml, suite.Name, occurrence == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} #{occurrence}"), location.Line);
            var position = location.HasPosition ? string.Create(CultureInfo.InvariantCulture, $"({location.Line},{location.Column})") : "";
            var body = new StringBuilder($"{suite.Name}{position}: {diagnostic.Severity.ToName()} {diagnostic.RuleId}: {diagnostic.Message}");
            if (diagnostic.Rationale is not null)
            {
                body.Append("\nWhy: ").Append(diagnostic.Rationale);
            }

            if (report.RuleOf(diagnostic.RuleId) is { } rule)
            {
                body.Append("\nHelp: ").Append(rule.Descriptor.HelpUri);
            }

            if (diagnostic.Severity >= Severity.Warning)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", diagnostic.RuleId);
                xml.WriteAttributeString("message", Clean($"{diagnostic.Severity.ToName()}: {diagnostic.Message}"));
                xml.WriteString(Clean(body.ToString()));
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("system-out", Clean(body.ToString()));
            }

            xml.WriteEndElement();
        }

        if (suite.TestCount == 1 && suite.Errors.Count == 0 && suite.Diagnostics.Count == 0)
        {
            StartCase(xml, suite.Name, $"{report.ToolName}: no findings", 0);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void StartCase(XmlWriter xml, string file, string name, int line)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(file));
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("file", Clean(file));
        if (line > 0)
        {
            xml.WriteAttributeString("line", Number(line));
        }

        xml.WriteAttributeString("time", "0");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Messages quote documents, which may hold characters XML 1.0 cannot carry: replace them rather than fail.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private sealed class Suite(string name)
    {
        public string Name { get; } = name;

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<LoadError> Errors { get; } = [];

        /// <summary>A clean file still counts one (passing) test.</summary>
        public int TestCount => Math.Max(1, Diagnostics.Count + Errors.Count);

        public int FailureCount => Diagnostics.Count(diagnostic => diagnostic.Severity >= Severity.Warning);
    }
}
