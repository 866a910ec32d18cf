namespace KerjaSama.Browser.Tests;

/// <summary>Where browser tests leave what a person should look at: <c>build/.work/artifacts</c> of the repository.</summary>
internal static class Artifacts
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerjaSama.Platform.sln")))
                dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "build", ".work", "artifacts");
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string PathOf(string name) => Path.Combine(Directory, name);
}
