using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// Remembers what an access token decrypted to, so that a client sending the same token again is not decrypted again
/// (issue 19, ADR 0062): data protection derives a key (HMAC-SHA512) and decrypts and authenticates the payload on
/// every request, about a seventh of a small API read's CPU. The cache changes nothing the token means: the key is
/// the whole token text, so only a token that decrypted before is found; its expiry is checked on every request (a hit
/// only while the ticket has not expired, otherwise by the handler), and expired entries are dropped; and what makes a session end early — a deactivated account, a changed
/// role or password, a signed-out session — is decided per request by the account re-read (<c>ActorResolver</c>),
/// not by the token. Each hit hands out a copy, so no request sees another's principal. Refresh tokens are not cached.
/// </summary>
internal sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Tokens remembered at most (one per signed-in client for an hour); past it the cache starts over.</summary>
    internal const int Capacity = 10_000;

    private const string BearerPrefix = "Bearer ";

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads a remembered token from the request's <c>Authorization</c> header as it is, before the handler copies the
    /// token out of it (issue 19): a token is ~600 characters, so the copy was the largest single allocation of an API
    /// read. A hit answers for the handler, with the same expiry check <see cref="Unprotect(string?, string?)"/> makes;
    /// anything else (no header, an unknown or expired token) is left to the handler's own path, which decrypts through
    /// <see cref="Unprotect(string?, string?)"/> and refuses what has expired.
    /// </summary>
    public static Task FromCacheAsync(MessageReceivedContext context)
    {
        if (context.Options.BearerTokenProtector is BearerTicketCache cache)
        {
            // The handler's own rule: "Bearer " exactly, the rest of the header is the token.
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith(BearerPrefix, StringComparison.Ordinal) && cache.Find(header.AsSpan(BearerPrefix.Length)) is { } ticket)
            {
                context.Principal = ticket.Principal;
                context.Properties = ticket.Properties;
                context.Success();
            }
        }

        return Task.CompletedTask;
    }

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (Find(protectedText) is { } remembered)
        {
            return remembered;
        }

        // Not remembered, or remembered but expired: an expired entry goes.
        _tickets.TryRemove(protectedText, out _);
        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc > clock.GetUtcNow())
        {
            if (_tickets.Count >= Capacity)
            {
                _tickets.Clear();
            }

            _tickets.TryAdd(protectedText, Copy(ticket));
        }

        return ticket;
    }

    /// <summary>A copy of what the token decrypted to before, while it has not expired; null otherwise.</summary>
    private AuthenticationTicket? Find(ReadOnlySpan<char> protectedText) =>
        _tickets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(protectedText, out var known) && known.Properties.ExpiresUtc > clock.GetUtcNow()
            ? Copy(known)
            : null;

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}

/// <summary>Puts <see cref="BearerTicketCache"/> in front of the access-token format the bearer handler was given.</summary>
internal sealed class CacheBearerTickets(TimeProvider clock) : IPostConfigureOptions<BearerTokenOptions>
{
    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (options.BearerTokenProtector is not BearerTicketCache)
        {
            options.BearerTokenProtector = new BearerTicketCache(options.BearerTokenProtector, clock);
        }
    }
}
