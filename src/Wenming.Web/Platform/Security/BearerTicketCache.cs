using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// Remembers what an access token decrypted to, so that a client sending the same token again is not decrypted again
/// (issue 19, ADR 0062): data protection derives a key (HMAC-SHA512) and decrypts and authenticates the payload on
/// every request, about a seventh of a small API read's CPU. The cache changes nothing the token means: the key is
/// the whole token text, so only a token that decrypted before is found; the handler still checks its expiry on every
/// request, and expired entries are dropped; and what makes a session end early — a deactivated account, a changed
/// role or password, a signed-out session — is decided per request by the account re-read (<c>ActorResolver</c>),
/// not by the token. Each hit hands out a copy, so no request sees another's principal. Refresh tokens are not cached.
/// </summary>
internal sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Tokens remembered at most (one per signed-in client for an hour); past it the cache starts over.</summary>
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var known))
        {
            if (known.Properties.ExpiresUtc > now)
            {
                return Copy(known);
            }

            _tickets.TryRemove(protectedText, out _);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc > now)
        {
            if (_tickets.Count >= Capacity)
            {
                _tickets.Clear();
            }

            _tickets.TryAdd(protectedText, Copy(ticket));
        }

        return ticket;
    }

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
