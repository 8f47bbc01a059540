using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

public sealed class DeskGrain : Grain, IDeskGrain
{
    /// <summary>Older bulletins drop off: a desk board is for what is happening now.</summary>
    public const int KeptBulletins = 50;

    private readonly IPersistentState<DeskState> _state;
    private readonly ChannelSubscribers _subscribers;
    private readonly TimeProvider _clock;

    public DeskGrain(
        [PersistentState("desk", StorageNames.Small)] IPersistentState<DeskState> state,
        IOptions<ChannelOptions> channelOptions,
        TimeProvider clock,
        ILogger<DeskGrain> logger)
    {
        _state = state;
        _clock = clock;
        _subscribers = new ChannelSubscribers(channelOptions.Value.SubscriptionExpiry, logger);
    }

    public Task Subscribe(IChannelRelay relay)
    {
        _subscribers.Subscribe(relay);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IChannelRelay relay)
    {
        _subscribers.Unsubscribe(relay);
        return Task.CompletedTask;
    }

    public async Task<DeskBulletin> PostBulletin(string author, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        text = (text ?? "").Trim();
        if (text.Length is 0 or > DeskBulletin.MaxTextLength)
        {
            throw new ArgumentException(
                $"A bulletin must be 1 to {DeskBulletin.MaxTextLength} characters long; got {text.Length}.", nameof(text));
        }

        var state = _state.State;
        var bulletin = new DeskBulletin(state.Posted + 1, author, text, _clock.GetUtcNow());
        state.Recent.Add(bulletin);
        if (state.Recent.Count > KeptBulletins)
        {
            state.Recent.RemoveRange(0, state.Recent.Count - KeptBulletins);
        }

        state.Posted = bulletin.Number;
        // Published only once stored: a browser never sees a bulletin that a restart could take back.
        await _state.WriteStateAsync();
        var channel = ChannelName.Desk(this.GetPrimaryKeyString()).ToString();
        _subscribers.Publish(new ChannelEnvelope(channel, bulletin.Number, new DeskBulletinPosted(bulletin)));
        return bulletin;
    }

    public Task<DeskSnapshot> GetBulletins() =>
        Task.FromResult(new DeskSnapshot(_state.State.Posted, [.. _state.State.Recent]));
}
