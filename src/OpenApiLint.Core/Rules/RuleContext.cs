using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Rules;

/// <summary>What a rule checks: one document and the ruleset, with the per-operation ruleset overrides produce.</summary>
public sealed class RuleContext(OpenApiLintDocument document, Ruleset ruleset)
{
    // Every rule asks for every operation's ruleset; matching the overrides' path globs once per operation, not once
    // per rule, matters on documents with tens of thousands of operations. A context serves one lint call.
    // The rules of one lint may run on several threads (large documents).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ApiOperation, Ruleset> _operationRulesets = new(ReferenceEqualityComparer.Instance);

    private (ApiOperation Operation, Ruleset Ruleset)[]? _operations;

    /// <summary>The document being linted.</summary>
    public OpenApiLintDocument Document { get; } = document;

    /// <summary>The ruleset for document-level checks (overrides apply per operation only).</summary>
    public Ruleset Ruleset { get; } = ruleset;

    /// <summary>The ruleset in force for <paramref name="operation"/>, with every matching override applied.</summary>
    public Ruleset RulesetFor(ApiOperation operation)
    {
        if (Ruleset.Overrides.Count == 0)
        {
            return Ruleset;
        }

        if (!_operationRulesets.TryGetValue(operation, out var effective))
        {
            effective = Ruleset.ForOperation(operation.Path, operation.Method);
            _operationRulesets[operation] = effective;
        }

        return effective;
    }

    /// <summary>
    /// Every operation the ruleset lints, with the ruleset in force for it: those under <c>paths</c>, then the webhooks'
    /// and the callbacks' where the ruleset says <c>"lint"</c>.
    /// </summary>
    /// <remarks>
    /// Paired once, on first use: every rule walks them all (Graph beta: 13 rules × 22,000 operations), and a lookup per
    /// rule and operation in the shared cache cost more than the rules' own checks. (Two rules on
    /// two threads may pair them both; the pairs are the same.) Handed out by an iterator of this assembly over an
    /// array rather than by LINQ into value tuples: that generic code is never precompiled, and was JIT-compiled in
    /// every fresh MSBuild node.
    /// </remarks>
    public IEnumerable<(ApiOperation Operation, Ruleset Ruleset)> Operations
    {
        get
        {
            var pairs = LazyInitializer.EnsureInitialized(ref _operations, PairOperations);
            foreach (var pair in pairs)
            {
                yield return pair;
            }
        }
    }

    private (ApiOperation Operation, Ruleset Ruleset)[] PairOperations()
    {
        var operations = Document.Operations
            .Concat(Ruleset.Webhooks == OperationScope.Lint ? Document.Webhooks : [])
            .Concat(Ruleset.Callbacks == OperationScope.Lint ? Document.Callbacks : [])
            .ToList();
        var pairs = new (ApiOperation Operation, Ruleset Ruleset)[operations.Count];
        for (var index = 0; index < pairs.Length; index++)
        {
            pairs[index] = (operations[index], RulesetFor(operations[index]));
        }

        return pairs;
    }
}
