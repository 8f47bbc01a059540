using System.Net.Sockets;
using Azure;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// Which failed grain calls a hub answers "busy, send it again": a grain whose state cannot be read because storage is
/// unreachable (Orleans reports it as an OrleansException around the storage client's failure) is; a storage refusal of
/// the request itself, or any other failure to activate, is not.
/// </summary>
public sealed class BusyNewsroomTests
{
    private static OrleansException ReadStateFailed(Exception inner) =>
        new("Error from storage provider AzureTableGrainStorage.draft during ReadStateAsync for grain draft/x", inner);

    private static RequestFailedException Refused() =>
        new(0, "Connection refused (127.0.0.1:10002)", new HttpRequestException("Connection refused", new SocketException(111)));

    [Fact]
    public void AStateReadThatCouldNotReachStorage_IsBusy()
    {
        Assert.True(BusyNewsroom.IsBusy(ReadStateFailed(new AggregateException("Retry failed after 4 tries.", Refused(), Refused()))));
        Assert.True(BusyNewsroom.IsBusy(ReadStateFailed(new RequestFailedException(503, "Server busy"))));
        Assert.True(BusyNewsroom.IsBusy(ReadStateFailed(new RequestFailedException(429, "Too many requests"))));
    }

    [Fact]
    public void AStateReadRefusedByStorage_OrAnyOtherActivationFailure_IsNotBusy()
    {
        Assert.False(BusyNewsroom.IsBusy(ReadStateFailed(new RequestFailedException(403, "Forbidden"))));
        Assert.False(BusyNewsroom.IsBusy(ReadStateFailed(new InvalidOperationException("The stored state cannot be read."))));
        Assert.False(BusyNewsroom.IsBusy(ReadStateFailed(new AggregateException(Refused(), new InvalidDataException("corrupt")))));
        Assert.False(BusyNewsroom.IsBusy(new OrleansException("Something else went wrong.")));
    }

    [Fact]
    public void TimeoutsAndStorageBusy_AreBusy()
    {
        Assert.True(BusyNewsroom.IsBusy(new TimeoutException()));
        Assert.True(BusyNewsroom.IsBusy(new Newsroom.Grains.StorageBusyException("send again")));
        Assert.False(BusyNewsroom.IsBusy(new InvalidOperationException()));
    }
}
