using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace OpenApiLint.AspNetCore;

/// <summary>
/// Which of an endpoint's responses carry <c>Location</c>: those of the results that set it (<c>Created&lt;T&gt;</c>,
/// <c>CreatedAtRoute&lt;T&gt;</c>, <c>Accepted&lt;T&gt;</c>, <c>CreatedAtAction</c>, …), seen in the handler's return type
/// (<c>Results&lt;Created&lt;Order&gt;, BadRequest&gt;</c>) or in the calls its body makes (<c>return CreatedAtAction(…)</c>
/// from an action returning <c>IActionResult</c>). Nothing else: the document must not claim a header the endpoint
/// does not send.
/// </summary>
internal static class LocationResults
{
    /// <summary>Result types that always set Location, and the status they answer with.</summary>
    private static readonly Dictionary<Type, int> ResultTypes = new()
    {
        [typeof(Created)] = StatusCodes.Status201Created,
        [typeof(Created<>)] = StatusCodes.Status201Created,
        [typeof(CreatedAtRoute)] = StatusCodes.Status201Created,
        [typeof(CreatedAtRoute<>)] = StatusCodes.Status201Created,
        [typeof(Accepted)] = StatusCodes.Status202Accepted,
        [typeof(Accepted<>)] = StatusCodes.Status202Accepted,
        [typeof(AcceptedAtRoute)] = StatusCodes.Status202Accepted,
        [typeof(AcceptedAtRoute<>)] = StatusCodes.Status202Accepted,
        [typeof(CreatedResult)] = StatusCodes.Status201Created,
        [typeof(CreatedAtActionResult)] = StatusCodes.Status201Created,
        [typeof(CreatedAtRouteResult)] = StatusCodes.Status201Created,
        [typeof(AcceptedResult)] = StatusCodes.Status202Accepted,
        [typeof(AcceptedAtActionResult)] = StatusCodes.Status202Accepted,
        [typeof(AcceptedAtRouteResult)] = StatusCodes.Status202Accepted,
    };

    /// <summary>The untyped factories of <see cref="Results"/> whose results set Location.</summary>
    private static readonly Dictionary<string, int> UntypedFactories = new(StringComparer.Ordinal)
    {
        [nameof(Results.Created)] = StatusCodes.Status201Created,
        [nameof(Results.CreatedAtRoute)] = StatusCodes.Status201Created,
        [nameof(Results.Accepted)] = StatusCodes.Status202Accepted,
        [nameof(Results.AcceptedAtRoute)] = StatusCodes.Status202Accepted,
    };

    public static IReadOnlySet<int> StatusCodesSettingLocation(ActionDescriptor descriptor)
    {
        var handler = descriptor is ControllerActionDescriptor action
            ? action.MethodInfo
            : descriptor.EndpointMetadata?.OfType<MethodInfo>().FirstOrDefault();
        if (handler is null)
        {
            return new HashSet<int>();
        }

        var fromCalls = new HashSet<int>();
        var madeWithoutLocation = false;
        foreach (var called in MethodCalls.Of(handler))
        {
            if (FromCall(called) is { } status)
            {
                fromCalls.Add(status);
            }
            else
            {
                madeWithoutLocation |= MakesLocationResultWithoutLocation(called);
            }
        }

        // The body says which results it makes (TypedResults.Created() without a location makes a Created that sends
        // none); a handler that only passes on a result made elsewhere is known by its declared result types.
        if (fromCalls.Count > 0 || madeWithoutLocation)
        {
            return fromCalls;
        }

        var fromType = new HashSet<int>();
        AddFromType(handler.ReturnType, fromType);
        return fromType;
    }

    /// <summary>
    /// The status of a call that makes a Location-setting result. Overloads without parameters (<c>Created()</c>,
    /// added in ASP.NET Core 8) take no location and set none.
    /// </summary>
    private static int? FromCall(MethodBase called)
    {
        if (called.GetParameters().Length == 0 && !called.IsConstructor)
        {
            return null;
        }

        if (called.DeclaringType == typeof(Results) && UntypedFactories.TryGetValue(called.Name, out var untyped))
        {
            return untyped;
        }

        var made = called is ConstructorInfo constructor ? constructor.DeclaringType : (called as MethodInfo)?.ReturnType;
        if (made is null || (called.IsConstructor && called.GetParameters().Length == 0))
        {
            return null;
        }

        return ResultTypes.TryGetValue(Definition(made), out var status) ? status : null;
    }

    private static bool MakesLocationResultWithoutLocation(MethodBase called) =>
        called.GetParameters().Length == 0 && !called.IsConstructor
        && (called.DeclaringType == typeof(Results) ? UntypedFactories.ContainsKey(called.Name) : called is MethodInfo { ReturnType: var made } && ResultTypes.ContainsKey(Definition(made)));

    private static void AddFromType(Type type, HashSet<int> statuses)
    {
        var definition = Definition(type);
        if (ResultTypes.TryGetValue(definition, out var status))
        {
            statuses.Add(status);
            return;
        }

        // Task<T>, ValueTask<T>, Results<T1, …, Tn>, ActionResult<T>: the results they can hold.
        if (type.IsGenericType && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition.FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                AddFromType(argument, statuses);
            }
        }
    }

    private static Type Definition(Type type) => type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
}
