using System.Diagnostics;
using System.Globalization;

namespace Wenming.Web.Platform.Hosting;

/// <summary>
/// Where start-up time goes (issue 19): with <c>Startup:Trace=true</c> each phase of the start prints the wall and
/// CPU milliseconds since the process started, up to the first answer, and how many methods the JIT compiled by then
/// in how much of that CPU time. Off by default: then every mark is a no-op.
/// </summary>
public sealed class StartupTrace(bool on)
{
    private int _firstAnswer;

    public bool IsOn => on;

    public static StartupTrace From(IConfiguration config) => new(config.GetValue("Startup:Trace", false));

    public void Mark(string phase)
    {
        if (!on)
        {
            return;
        }

        using var self = Process.GetCurrentProcess();
        var wall = (DateTime.Now - self.StartTime).TotalMilliseconds;
        // Printed, not logged: the logger itself is part of what starts, and the bench greps these lines.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup-trace {phase,-14} wall {wall,6:0} ms  cpu {self.TotalProcessorTime.TotalMilliseconds,6:0} ms  jit {System.Runtime.JitInfo.GetCompiledMethodCount(),6} methods {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,6:0} ms"));
    }

    /// <summary>Marks the end of the first request (outermost middleware, only when tracing).</summary>
    public void Use(IApplicationBuilder app)
    {
        if (!on)
        {
            return;
        }

        app.Use(async (ctx, next) =>
        {
            await next();
            if (Interlocked.Exchange(ref _firstAnswer, 1) == 0)
            {
                Mark("first answer " + ctx.Request.Path);
            }
        });
    }
}
