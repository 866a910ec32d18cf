using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.Modularity.Localization;

/// <summary>
/// Gives every hub call the language its connection was opened in: the request localization of the connect
/// request (culture cookie, <c>?culture=</c>, <c>Accept-Language</c>; Bahasa Indonesia by default) is remembered
/// per connection and set as the UI culture around each invocation, so rejection texts come out in that language.
/// </summary>
public sealed class HubCultureFilter : IHubFilter
{
    private const string CultureKey = "kerjasama.culture";

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var culture = context.Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        context.Context.Items[CultureKey] = culture ?? Messages.Indonesian;
        return next(context);
    }

    // Not async: the dispatcher's own async method scopes the culture to this invocation, and every invocation of the
    // connection sets the same one, so a state machine per hub call (on the path of every live edit) buys nothing.
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.Items.TryGetValue(CultureKey, out var value) && value is CultureInfo culture
            && !ReferenceEquals(CultureInfo.CurrentUICulture, culture))
            CultureInfo.CurrentUICulture = culture;

        return next(invocationContext);
    }

    /// <summary>The language a connection was opened in.</summary>
    public static CultureInfo CultureOf(HubCallerContext context) =>
        context.Items.TryGetValue(CultureKey, out var value) && value is CultureInfo culture ? culture : Messages.Indonesian;
}
