using System.Reflection;
using Xunit.v3;

[assembly: Newsroom.Browser.Tests.ClosePagesAfterEachTest]

namespace Newsroom.Browser.Tests;

/// <summary>After every test, the browser contexts it opened through <see cref="BrowserNewsroom.NewPageAsync(Uri)"/> are closed.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ClosePagesAfterEachTest : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test) =>
        BrowserNewsroom.Current?.CloseContextsOf(test.UniqueID);
}
