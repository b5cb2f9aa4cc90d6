using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OpenApiLint.Core.Report;

/// <summary>
/// The sandbox a report template runs in. Every value a <c>{{ … }}</c> writes is HTML-escaped: that is the only way
/// values reach the page, so a template cannot forget to escape. Two things are written as they are, because they
/// are the template author's own text, never a document's: what <c>include</c> renders (a partial, escaped itself
/// as it renders) and <c>raw "…"</c>, which takes only a string literal written in the template. Templates see
/// only the view model and Scriban's pure functions (no <c>object.eval</c>), include only the template set's own
/// partials, and are bounded in loop iterations, recursion, output size and time.
/// </summary>
internal sealed class ReportTemplateContext : TemplateContext
{
    /// <summary>Iterations of one loop: far above any real report (one row per operation), far below a hang.</summary>
    public const int MaxLoopIterations = 1_000_000;

    /// <summary>Nested includes and function calls.</summary>
    public const int MaxRecursion = 64;

    /// <summary>Characters of output: a report of tens of thousands of operations stays well under it.</summary>
    public const int MaxOutputCharacters = 256 * 1024 * 1024;

    /// <summary>Wall-clock time for one render.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    public static readonly ParserOptions ParserOptions = new() { ExpressionDepthLimit = 64 };

    public static readonly LexerOptions LexerOptions = new() { Mode = ScriptMode.Default, Lang = ScriptLang.Default };

    private const int EscapeChunk = 16 * 1024;

    private readonly StringBuilder _escaped = new();

    public ReportTemplateContext(IReadOnlyDictionary<string, Template> partials, CancellationToken cancellation, int outputLimit = MaxOutputCharacters)
        : base(SandboxedBuiltins(), StringComparer.Ordinal)
    {
        TemplateLoader = new PartialLoader(partials);
        foreach (var (name, template) in partials)
        {
            CachedTemplates[name] = template;
        }

        StrictVariables = true;
        LoopLimit = MaxLoopIterations;
        LoopLimitQueryable = MaxLoopIterations;
        RecursiveLimit = MaxRecursion;
        ObjectRecursionLimit = MaxRecursion;
        // Counted over every write of the render, whatever the output: the page is bounded while it streams to its file.
        OutputLimit = outputLimit;
        // Scriban cuts a string it writes at 1 MB by default; the output limit bounds the page instead.
        LimitToString = outputLimit;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        CancellationToken = cancellation;
        // The model's records are read in place: a template sees their properties (camelCase) and nothing else of .NET.
        MemberFilter = ReportScriptModel.IsVisible;
        MemberRenamer = ReportScriptModel.NameOf;
        PushCulture(CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes every value an expression writes, except the template's own trusted text.</summary>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is TrustedHtml trusted)
        {
            Write(trusted.Html);
            return this;
        }

        if (textAsObject is not null)
        {
            var text = ObjectToString(textAsObject) ?? "";
            if (HtmlText.IsScriptUrl(text))
            {
                Write(HtmlText.Defused);
            }

            WriteEscaped(text);
        }

        return this;
    }

    /// <summary>Writes <paramref name="text"/> escaped: as it is when nothing in it needs escaping.</summary>
    private void WriteEscaped(string text)
    {
        if (HtmlText.NextSpecial(text) < 0)
        {
            Write(text);
            return;
        }

        WriteEscaped(text.AsSpan());
    }

    /// <summary>
    /// Writes <paramref name="text"/> escaped, in pieces of at most about <see cref="EscapeChunk"/> characters: a value
    /// can be megabytes (a large matrix's data), and escaping it whole would copy it twice more. Counted against the
    /// output limit like every other write.
    /// </summary>
    internal void WriteEscaped(ReadOnlySpan<char> text)
    {
        var rest = text;
        while (!rest.IsEmpty)
        {
            var next = HtmlText.NextSpecial(rest);
            _escaped.Append(next < 0 ? rest : rest[..next]);
            if (next < 0)
            {
                break;
            }

            _escaped.Append(HtmlText.Entity(rest[next]));
            rest = rest[(next + 1)..];
            if (_escaped.Length >= EscapeChunk)
            {
                Write(_escaped.ToString());
                _escaped.Clear();
            }
        }

        Write(_escaped.ToString());
        _escaped.Clear();
    }

    // Scriban imports the few built-in functions its generated code does not cover by reflection over their classes,
    // which trimming cannot follow: kept here, so that a native tool offers the same functions as the JIT one (the
    // installed-tool tests compare every built-in object's members, native against in-process). Not the classes
    // whole: some of their public members require unreferenced code.
    [DynamicDependency(nameof(StringFunctions.Slice), typeof(StringFunctions))]
    [DynamicDependency(nameof(StringFunctions.IndexOf), typeof(StringFunctions))]
    [DynamicDependency(nameof(ObjectFunctions.HasKey), typeof(ObjectFunctions))]
    [DynamicDependency(nameof(ObjectFunctions.HasValue), typeof(ObjectFunctions))]
    [DynamicDependency(nameof(DateTimeFunctions.Parse), typeof(DateTimeFunctions))]
    [DynamicDependency(nameof(TimeSpanFunctions.Zero), typeof(TimeSpanFunctions))]
    private static ScriptObject SandboxedBuiltins()
    {
        var builtins = GetDefaultBuiltinObject();
        // Evaluating a string as a template would turn document text into code.
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        builtins.Remove("include_join");
        builtins.SetValue("include", new TrustedInclude(), readOnly: true);
        builtins.SetValue("raw", new RawFunction(), readOnly: true);
        builtins.SetValue("matrix_data", new MatrixDataFunction(), readOnly: true);
        return builtins;
    }

    /// <summary>Partials by name, from the template set only: a name is never a path.</summary>
    private sealed class PartialLoader(IReadOnlyDictionary<string, Template> partials) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!partials.ContainsKey(templateName))
            {
                var names = string.Join(", ", partials.Keys.Where(name => name != ReportTemplate.MainName).Order(StringComparer.Ordinal));
                throw new ScriptRuntimeException(callerSpan, templateName.AsSpan().IndexOfAny("/\\.:") >= 0
                    ? $"include '{templateName}': a partial is named by its file name in the template's folder, not by a path; partials: {names}"
                    : $"include '{templateName}': there is no such partial; partials: {names}");
            }

            return templateName;
        }

        // Every partial is parsed when the template set loads (CachedTemplates); nothing is read while rendering.
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}': there is no such partial");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    /// <summary>
    /// <c>include 'name'</c>: the partial's output, already escaped as it rendered, written as it is. As a statement
    /// of its own (<c>{{ include 'finding' }}</c>, as the built-in templates write it) the partial renders straight
    /// into the includer's output; elsewhere (assigned, piped) its output is a value, as in Scriban.
    /// </summary>
    private sealed class TrustedInclude : IScriptCustomFunction
    {
        private readonly IncludeFunction _include = new();

        public int RequiredParameterCount => _include.RequiredParameterCount;

        public int ParameterCount => _include.ParameterCount;

        public ScriptVarParamKind VarParamKind => _include.VarParamKind;

        public Type ReturnType => typeof(TrustedHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            // A partial writing into its own buffer, then copied into its includer's, copies a page once per level of
            // nesting (report, document, matrix): tens of megabytes for a large one.
            if (callerContext is { Parent: ScriptExpressionStatement } && arguments is [string name]
                && context.TemplateLoader?.GetPath(context, callerContext.Span, name) is { } path
                && context.CachedTemplates.TryGetValue(path, out var partial))
            {
                context.PushOutput(new ForwardingOutput(context.Output));
                try
                {
                    context.EnterRecursive(callerContext);
                    partial.Render(context);
                    context.ExitRecursive(callerContext);
                }
                finally
                {
                    context.PopOutput();
                }

                return null;
            }

            return new TrustedHtml(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// <c>raw "&lt;br&gt;"</c>: markup written by the template's author. Only a string literal is accepted, checked on
    /// the call itself, so no value of the model (no document text) can ever be written unescaped.
    /// </summary>
    private sealed class RawFunction : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(TrustedHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "html");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (callerContext is not ScriptFunctionCall { Arguments: [ScriptLiteral { Value: string }] } || arguments is not [string html])
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, "raw takes a string written in the template, as in raw \"<br>\"; values of the report (document text) are always escaped");
            }

            return new TrustedHtml(html);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}

/// <summary>Scriban's output into a <see cref="TextWriter"/>, span by span (Scriban's own copies each piece out first).</summary>
internal sealed class WriterOutput(TextWriter writer) : IScriptOutput
{
    public void Write(string text, int offset, int count) => writer.Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "";
}

/// <summary>
/// An output that writes into another one: what renders through it lands in place, and it holds nothing of its own
/// (what Scriban reads back from it after a render is empty).
/// </summary>
internal sealed class ForwardingOutput(IScriptOutput target) : IScriptOutput
{
    public void Write(string text, int offset, int count) => target.Write(text, offset, count);

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
        target.WriteAsync(text, offset, count, cancellationToken);

    public override string ToString() => "";
}

/// <summary>
/// <c>matrix_data doc</c>: the document's status-code matrix as compact JSON (<see cref="MatrixData"/>), for a page
/// that draws its rows in the browser. A string like any other value: escaped where it is written. As a statement of
/// its own (<c>{{ matrix_data doc }}</c>, as the built-in matrix writes it) it is written piece by piece as it is made,
/// each piece escaped as any value is, so that megabytes of JSON are never held whole; elsewhere (assigned, piped) it
/// is the whole string, as any function's value.
/// </summary>
internal sealed class MatrixDataFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(DocumentView), "doc");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments is not [DocumentView document])
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "matrix_data takes a document of the report, as in matrix_data doc");
        }

        if (callerContext is { Parent: ScriptExpressionStatement })
        {
            // Each piece ends after a whole JSON value, so none starts as a script URL would (the first starts with a
            // brace): escaping them one by one writes exactly what escaping the whole string would.
            var report = (ReportTemplateContext)context;
            MatrixData.Write(document, piece => report.WriteEscaped(piece));
            return null;
        }

        return MatrixData.Json(document);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

/// <summary>Markup the template set itself wrote (a rendered partial, a <c>raw</c> literal): written without escaping.</summary>
internal sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>HTML escaping of text, for element content and quoted attribute values alike.</summary>
internal static class HtmlText
{
    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:"];

    /// <summary>What goes in front of a value that starts with a script URL scheme.</summary>
    public const string Defused = "unsafe:";

    private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create("&<>\"'`=");

    /// <summary>
    /// A value that starts with a script URL scheme gets <c>unsafe:</c> in front, so that a template writing a value
    /// into <c>href</c> or <c>src</c> cannot make a link that runs it (escaping alone keeps <c>javascript:</c> as it is).
    /// </summary>
    public static string DefuseScriptUrl(string text) => IsScriptUrl(text) ? Defused + text : text;

    /// <summary>Whether <paramref name="text"/> starts (after white space) with <c>javascript:</c> or <c>vbscript:</c>.</summary>
    public static bool IsScriptUrl(string text)
    {
        var start = text.AsSpan().TrimStart();
        foreach (var scheme in ScriptSchemes)
        {
            if (start.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the next character <see cref="Escape"/> replaces is in <paramref name="text"/>, or -1.</summary>
    public static int NextSpecial(ReadOnlySpan<char> text) => text.IndexOfAny(Specials);

    /// <summary>The entity <see cref="Escape"/> writes for one of its characters.</summary>
    public static string Entity(char character) => character switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        '=' => "&#x3D;",
        _ => character.ToString(),
    };

    /// <summary>Escapes <c>&amp; &lt; &gt; " ' ` =</c>: the characters that could end a text node or an attribute value.</summary>
    public static string Escape(string text)
    {
        if (NextSpecial(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            if (Specials.Contains(character))
            {
                builder.Append(Entity(character));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
