using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace OpenApiLint.AspNetCore;

/// <summary>
/// The methods and constructors a method's body calls, read from its IL (an async method's from its state machine):
/// how an action returning <c>IActionResult</c> is seen to call <c>CreatedAtAction</c>. Instructions are walked by
/// their real sizes, so an operand is never mistaken for an opcode.
/// </summary>
internal static class MethodCalls
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static MethodCalls()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode code)
            {
                var value = (ushort)code.Value;
                if (value < 0x100)
                {
                    OneByte[value] = code;
                }
                else if ((value & 0xff00) == 0xfe00)
                {
                    TwoByte[value & 0xff] = code;
                }
            }
        }
    }

    /// <summary>What <paramref name="method"/> calls; empty when its body cannot be read.</summary>
    public static IReadOnlyList<MethodBase> Of(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType
            .GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) ?? (MethodBase)method;
        try
        {
            return Read(body);
        }
        catch (Exception error) when (error is ArgumentException or BadImageFormatException or InvalidOperationException or MemberAccessException or NotSupportedException or IndexOutOfRangeException)
        {
            // A dynamic or unusual method: no evidence from its body, the result types still count.
            return [];
        }
    }

    private static List<MethodBase> Read(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var calls = new List<MethodBase>();
        var genericTypes = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var genericMethods = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xfe ? TwoByte[il[++at]] : OneByte[il[at]];
            at++;
            if (code.OperandType == OperandType.InlineMethod && Resolve(method.Module, BitConverter.ToInt32(il, at), genericTypes, genericMethods) is { } called)
            {
                calls.Add(called);
            }

            at += OperandSize(code, il, at);
        }

        return calls;
    }

    /// <summary>The method a token names; <c>null</c> for one that cannot be resolved here (a missing assembly, say).</summary>
    private static MethodBase? Resolve(Module module, int token, Type[]? genericTypes, Type[]? genericMethods)
    {
        try
        {
            return module.ResolveMethod(token, genericTypes, genericMethods);
        }
        catch (Exception error) when (error is ArgumentException or BadImageFormatException or FileNotFoundException or FileLoadException or TypeLoadException or MissingMemberException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
