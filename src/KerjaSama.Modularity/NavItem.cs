namespace KerjaSama.Modularity;

/// <summary>An entry of the main navigation, contributed by a module.</summary>
public sealed record NavItem(string Href, string Indonesian, string English, int Order);
