using KerjaSama.TestKit;

namespace KerjaSama.Browser.Tests;

/// <summary>Where browser tests leave what a person should look at: <c>build/.work/artifacts</c> of the repository.</summary>
internal static class Artifacts
{
    public static string Directory => Office.ArtifactsDirectory;

    public static string PathOf(string name) => Path.Combine(Directory, name);
}
