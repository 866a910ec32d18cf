using Microsoft.Playwright;

namespace KerjaSama.TestKit.Browser;

/// <summary>The platform's sign-in page as a person uses it: user name and password, then the password form's button.</summary>
public static class SignInForm
{
    /// <summary>Fills the form on <paramref name="page"/> (already at <c>/account/login</c>) and submits it.</summary>
    public static async Task SubmitAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("form:has(input[name=Password]) button[type=submit]");
    }
}
