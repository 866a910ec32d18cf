namespace KerjaSama.Modularity.Http;

public static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>Keeps page and page size within sane bounds instead of failing the request.</summary>
    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
}
