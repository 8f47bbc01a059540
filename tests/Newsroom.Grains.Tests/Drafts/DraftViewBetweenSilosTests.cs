using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Drafts;
using Orleans.Serialization;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// A draft's text crosses between silos exactly: Orleans would send a string as UTF-8 and turn a lone surrogate (which a
/// JavaScript editor's text may hold) into U+FFFD, so an editor opening the draft through another silo would start from
/// a different text than the grain's.
/// </summary>
public sealed class DraftViewBetweenSilosTests
{
    [Fact]
    public void AFieldsText_WithLoneSurrogates_ArrivesUnchanged()
    {
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(DraftFieldView).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var view = new DraftFieldView(7, "a\ud83d b\ude00 🇬🇧 \udc4d\ud83c é");

        var arrived = serializer.Deserialize<DraftFieldView>(serializer.SerializeToArray(view))!;

        Assert.Equal(view.Version, arrived.Version);
        Assert.Equal(view.Text, arrived.Text);
    }
}
