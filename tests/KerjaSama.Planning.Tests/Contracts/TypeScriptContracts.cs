using System.Reflection;
using System.Text;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Tests.Contracts;

/// <summary>
/// Writes the live board's TypeScript contract (<c>contracts.g.ts</c>) from the C# types of
/// <c>KerjaSama.Planning.Contracts.Live</c> and the role names: the C# types are the one source. Records become
/// interfaces with the member names as the MessagePack protocol sends them (the property names, PascalCase);
/// classes of constants become frozen objects.
/// </summary>
internal static class TypeScriptContracts
{
    public const string RelativePath = "modules/Planning/KerjaSama.Planning/Board/src/contracts.g.ts";

    public static string Generate()
    {
        var text = new StringBuilder();
        text.Append("// Generated from the C# contracts by tests/KerjaSama.Planning.Tests/Contracts/TypeScriptContracts.cs: do not edit.\n");
        text.Append("// Regenerate: KERJASAMA_WRITE_CONTRACTS=1 dotnet test tests/KerjaSama.Planning.Tests --filter FullyQualifiedName~TypeScriptContract\n");
        text.Append("// Member names are as the MessagePack hub protocol sends them (the C# property names).\n\n");
        text.Append("/** A field value as the hub carries it. */\n");
        text.Append("export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };\n");
        var types = typeof(SubmitOp).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(SubmitOp).Namespace)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is { IsAbstract: true, IsSealed: true })
            {
                Constants(text, type);
                Vocabularies(text, type);
            }
            else if (type.IsClass)
                Interface(text, type);
        }

        Constants(text, typeof(PlatformRoles));
        return text.ToString();
    }

    private static void Constants(StringBuilder text, Type type)
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .OrderBy(f => f.MetadataToken)
            .ToList();
        if (fields.Count == 0)
            return;
        text.Append('\n').Append("export const ").Append(type.Name).Append(" = {\n");
        foreach (var field in fields)
            text.Append("  ").Append(field.Name).Append(": ").Append(Quote((string)field.GetRawConstantValue()!)).Append(",\n");
        text.Append("} as const;\n");
    }

    /// <summary>Lists of <see cref="CodeLabel"/> become frozen arrays of <c>{ code, id, en }</c>: the board's labels of codes.</summary>
    private static void Vocabularies(StringBuilder text, Type type)
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsInitOnly: true } && f.FieldType == typeof(IReadOnlyList<CodeLabel>))
            .OrderBy(f => f.MetadataToken)
            .ToList();
        if (fields.Count == 0)
            return;
        text.Append('\n').Append("export const ").Append(type.Name).Append(" = {\n");
        foreach (var field in fields)
        {
            text.Append("  ").Append(field.Name).Append(": [\n");
            foreach (var label in (IReadOnlyList<CodeLabel>)field.GetValue(null)!)
                text.Append("    { code: ").Append(Quote(label.Code)).Append(", id: ").Append(Quote(label.Id)).Append(", en: ").Append(Quote(label.En)).Append(" },\n");
            text.Append("  ],\n");
        }

        text.Append("} as const;\n");
    }

    private static void Interface(StringBuilder text, Type type)
    {
        var nullability = new NullabilityInfoContext();
        text.Append('\n').Append("export interface ").Append(type.Name).Append(" {\n");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            var info = nullability.Create(property);
            text.Append("  ").Append(property.Name).Append(": ").Append(TypeOf(property.PropertyType, info)).Append(";\n");
        }

        text.Append("}\n");
    }

    private static string TypeOf(Type type, NullabilityInfo? info)
    {
        var nullable = info?.ReadState == NullabilityState.Nullable || Nullable.GetUnderlyingType(type) is not null;
        var core = Nullable.GetUnderlyingType(type) ?? type;
        string name;
        if (core == typeof(string) || core == typeof(Guid))
            name = "string";
        else if (core == typeof(long) || core == typeof(int) || core == typeof(double))
            name = "number";
        else if (core == typeof(bool))
            name = "boolean";
        else if (core == typeof(DateTimeOffset))
            name = "unknown"; // MessagePack sends [timestamp, offset minutes]; the board does not read it.
        else if (core == typeof(object))
            return "FieldValue";
        else if (core.IsGenericType && core.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            name = $"Record<string, {TypeOf(core.GetGenericArguments()[1], info?.GenericTypeArguments.ElementAtOrDefault(1))}>";
        else if (core.IsGenericType && core.GetGenericTypeDefinition() == typeof(List<>))
            name = $"{TypeOf(core.GetGenericArguments()[0], info?.GenericTypeArguments.ElementAtOrDefault(0))}[]";
        else if (core.Namespace == typeof(SubmitOp).Namespace)
            name = core.Name;
        else
            throw new NotSupportedException($"No TypeScript type for {core.FullName}: add it to {nameof(TypeScriptContracts)}.");
        return nullable ? $"{name} | null" : name;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerjaSama.Platform.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (KerjaSama.Platform.sln) was not found.");
    }
}
