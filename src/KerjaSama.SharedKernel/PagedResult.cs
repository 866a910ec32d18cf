namespace KerjaSama.SharedKernel;

/// <summary>One page of a list returned by a module's API or Contracts.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Requested page size.</param>
/// <param name="Total">Number of items matching the query across all pages.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
