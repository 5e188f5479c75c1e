using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Dialogs.Templates;

/// <summary>
/// A phrases file as every channel keeps it: JSON embedded in the build, with the keys of a moderator's file (when given)
/// replacing it key by key, nested objects merged.
/// </summary>
public static class PhraseFile
{
    private static readonly JsonDocumentOptions Document = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonObject Load(Assembly assembly, string resourceName, string? overridePath)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing from the build.");
        var phrases = JsonNode.Parse(stream, documentOptions: Document)!.AsObject();
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var overrides = JsonNode.Parse(File.ReadAllText(overridePath), documentOptions: Document)?.AsObject()
                ?? throw new InvalidDataException($"{overridePath} holds no JSON object.");
            Merge(phrases, overrides);
        }

        return phrases;
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
