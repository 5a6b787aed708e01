using System.Net;
using System.Net.Sockets;

namespace Dsl.Host.Integrators.Webhooks;

/// <summary>
/// Keeps webhooks from being pointed at DSL's own network (SSRF): targets must be https and resolve only to
/// public addresses, unless allow-listed. Checked when a subscription is created and again, on the resolved
/// address, every time a delivery connects, so a DNS change cannot slip past the first check.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    private readonly bool _allowLoopback = options.Value.AllowLoopbackTargets ?? environment.IsDevelopment();
    private readonly string[] _allowedHosts = options.Value.AllowedTargets.Where(t => !IPNetwork.TryParse(t, out _) && !IPAddress.TryParse(t, out _)).ToArray();
    private readonly IPNetwork[] _allowedNetworks = options.Value.AllowedTargets
        .Select(t => IPNetwork.TryParse(t, out var n) ? n : IPAddress.TryParse(t, out var a) ? new IPNetwork(a, a.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) : (IPNetwork?)null)
        .OfType<IPNetwork>().ToArray();

    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "cloud-metadata"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "cloud-metadata"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared (carrier-grade NAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("fc00::/7"), "private (unique local)"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    /// <summary>Null when the URL may receive webhooks; otherwise why not, for a 400 naming the url field.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute https URL.";
        if (uri.UserInfo.Length > 0) return "url must not carry credentials; the signature authenticates DSL to the receiver.";
        if (uri.Fragment.Length > 0) return "url must not have a fragment.";
        if (_allowedHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase)) return null;

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct); }
            catch (SocketException) { return $"url's host {uri.Host} could not be resolved."; }
        }
        if (addresses.Length == 0) return $"url's host {uri.Host} could not be resolved.";

        foreach (var address in addresses)
            if (RefusedKind(address) is { } kind)
                return $"url resolves to {address}, a {kind} address that webhooks may not target.";
        var localReceiver = _allowLoopback && addresses.All(IPAddress.IsLoopback);
        return uri.Scheme == Uri.UriSchemeHttps || localReceiver || addresses.All(IsAllowListed) ? null : "url must use https.";
    }

    /// <summary>The kind of refused address this is, or null when a delivery may connect to it.</summary>
    public string? RefusedKind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IsAllowListed(address)) return null;
        if (IPAddress.IsLoopback(address) && _allowLoopback) return null;
        foreach (var (network, kind) in Refused)
            if (network.Contains(address)) return kind;
        return null;
    }

    private bool IsAllowListed(IPAddress address) => _allowedNetworks.Any(n => n.Contains(address));

    /// <summary>Connects only to addresses the rules allow: the check that holds at delivery time, whatever DNS says then.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => RefusedKind(a) is null).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{host} resolves only to addresses that webhooks may not target.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
