using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Platform.Events;

public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<OutboxDelivery>(sp => new OutboxDelivery(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDelivery>>(), sp.GetServices<EventSubscription>(), sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<DeadLetters>();
        services.AddScoped<IEventOutbox, EventOutbox>();
        services.AddJob<OutboxSweepJob>();
        return services;
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>; each handler runs in its own scope.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : class
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventSubscription(
            EventNames.Of(typeof(TEvent)), typeof(TEvent), (sp, evt, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)evt, ct)));
        return services;
    }
}
