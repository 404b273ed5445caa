using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Wenming.ClusterTests.Infrastructure;

namespace Wenming.ClusterTests;

/// <summary>
/// Two web nodes behind nginx on one PostgreSQL, background jobs running on both (issue 10). Phones order services,
/// sign in and redeem goods through the balancer while one node and then the other is killed with SIGKILL and
/// started again. Afterwards every acknowledged write exists exactly once, nothing was done twice, the books and the
/// stock add up, each order's history is one unbroken chain, and tokens issued by either node work on both.
/// </summary>
public sealed class LoadBalancerTests
{
    private const string Password = "Wenming@2026";

    /// <summary>The whole run, start-up included, is bounded; each wait for progress too.</summary>
    private static readonly TimeSpan ProgressTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] AfterSubmitted = ["Dispatched", "Accepted", "Completed", "Rated", "Closed"];

    private long _operations;

    [ClusterFact]
    public async Task TwoNodesBehindNginx_EachKilledAndRestartedUnderLoad_LoseNothingAndDoNothingTwice()
    {
        await using var cluster = await Cluster.StartAsync();
        try
        {
            await RunAsync(cluster);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(e.Message + "\n\n" + cluster.Logs() + "\n" + e.StackTrace);
        }
    }

    private async Task RunAsync(Cluster cluster)
    {
        var phone = new Phone(cluster.BalancerUri);
        var run = Guid.NewGuid().ToString("N")[..8];

        // Tokens issued by one node are accepted by the other: the data-protection keys live in the database.
        await AssertTokensCrossNodesAsync(cluster);

        var admin = await phone.SignInAsync("village1", Password);
        var resident = await phone.SignInAsync("resident1", Password);
        var leader = await phone.SignInAsync("leader1", Password);
        // Demo accounts with starting points (120, 150 and 100); a redemption costs 1 point.
        var buyers = new[] { await phone.SignInAsync("resident2", Password), await phone.SignInAsync("volunteer2", Password), await phone.SignInAsync("volunteer3", Password) };
        var unit = (await phone.SendAsync(HttpMethod.Get, "/api/v1/me", null, admin)).Json.GetProperty("orgUnitId").GetInt64();
        var teams = await phone.SendAsync(HttpMethod.Get, $"/api/v1/teams?orgUnitId={unit}&pageSize=100", null, admin);
        var team = teams.Json.GetProperty("items").EnumerateArray().First(t => t.GetProperty("name").GetString() == "桃花村志愿服务队");
        var (teamId, leaderVolunteer) = (team.GetProperty("id").GetInt64(), team.GetProperty("leaderVolunteerId").GetInt64());
        var goods = await phone.SendAsync(HttpMethod.Post, "/api/v1/market/goods", new { orgUnitId = unit, name = "集群测试毛巾" + run, pricePoints = 1, stock = 500 }, admin, "goods-" + run);
        Assert.True(goods.Status == HttpStatusCode.Created, "goods: " + goods);
        var goodsId = goods.Id;

        var failures = new ConcurrentQueue<string>();
        var notes = new ConcurrentQueue<string>();
        var ackedOrders = new ConcurrentDictionary<string, long>();
        var unknownOrders = new ConcurrentBag<string>();
        var finishedOrders = new ConcurrentBag<long>();
        var ackedRedemptions = new ConcurrentDictionary<string, long>();
        var unknownRedemptions = new ConcurrentBag<string>();
        var tokens = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        async Task OrdersAsync()
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var marker = $"集群点单{run}-{i}";
                var submitted = await phone.SendAsync(HttpMethod.Post, "/api/v1/orders", new
                {
                    description = marker,
                    orgUnitId = unit,
                    wantedAt = DateTimeOffset.UtcNow.AddDays(2),
                    contactPhone = "13912345678",
                    address = "3组12号",
                }, resident, $"order-{run}-{i}");
                if (submitted.IsTransient || submitted.Code == "idempotency.in_progress")
                {
                    notes.Enqueue($"submit {marker}: {submitted}");
                    unknownOrders.Add(marker);
                    continue;
                }

                if (submitted.Status != HttpStatusCode.Created)
                {
                    failures.Enqueue($"submit {marker}: {submitted}");
                    continue;
                }

                var id = submitted.Id;
                ackedOrders[marker] = id;
                Interlocked.Increment(ref _operations);
                var done =
                    await StepAsync(id, "dispatch", new { teamId }, admin, null, "Dispatched")
                    && await StepAsync(id, "accept", new { dueAt = DateTimeOffset.UtcNow.AddDays(2) }, leader, null, "Accepted")
                    && await StepAsync(id, "complete", new { summary = "上门帮忙 " + marker, servedBy = new[] { new { volunteerId = leaderVolunteer, hours = 1m } } }, leader, null, "Completed")
                    && await StepAsync(id, "rate", new { stars = 5, comment = "很好" }, resident, $"rate-{run}-{i}", "Rated");
                if (done)
                {
                    finishedOrders.Add(id);
                }
            }
        }

        // One step of an order. A retry after a lost answer may find the step already done (409 on the transition):
        // the phone then reads the order, as the app's screen would, and carries on if it moved on.
        async Task<bool> StepAsync(long id, string action, object body, string token, string? key, string target)
        {
            var answer = await phone.SendAsync(HttpMethod.Post, $"/api/v1/orders/{id}/{action}", body, token, key);
            if (answer.Status == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _operations);
                return true;
            }

            var now = await phone.SendAsync(HttpMethod.Get, $"/api/v1/orders/{id}", null, admin);
            var status = now.Status == HttpStatusCode.OK ? now.Json.GetProperty("status").GetString()! : "?";
            if (Array.IndexOf(AfterSubmitted, status) >= Array.IndexOf(AfterSubmitted, target) && Array.IndexOf(AfterSubmitted, target) >= 0)
            {
                Interlocked.Increment(ref _operations);
                return true;
            }

            notes.Enqueue($"{action} order {id}: {answer}; the order is {status}");
            if (!answer.IsTransient && answer.Code != "idempotency.in_progress")
            {
                failures.Enqueue($"{action} order {id}: {answer}; the order is {status}");
            }

            return false;
        }

        async Task RedeemAsync(int buyer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"redeem-{run}-{buyer}-{i}";
                var answer = await phone.SendAsync(HttpMethod.Post, "/api/v1/market/redemptions", new { goodsId, quantity = 1 }, buyers[buyer], key);
                if (answer.Status == HttpStatusCode.Created)
                {
                    ackedRedemptions[key] = answer.Id;
                    Interlocked.Increment(ref _operations);
                }
                else if (answer.IsTransient || answer.Code == "idempotency.in_progress")
                {
                    unknownRedemptions.Add(key);
                }
                else if (answer.Code == "points.insufficient")
                {
                    return;    // spent up: a definite answer, and nothing was taken
                }
                else
                {
                    failures.Enqueue($"redemption {key}: {answer}");
                    return;
                }

                await Task.Delay(250);
            }
        }

        async Task SignInsAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var signIn = await phone.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { login = "volunteer1", password = Password }, null);
                if (signIn.Status != HttpStatusCode.OK)
                {
                    if (!signIn.IsTransient)
                    {
                        failures.Enqueue("sign-in: " + signIn);
                    }

                    continue;
                }

                var token = signIn.Json.GetProperty("accessToken").GetString()!;
                tokens.Add(token);
                var me = await phone.SendAsync(HttpMethod.Get, "/api/v1/me", null, token);
                if (me.Status != HttpStatusCode.OK && !me.IsTransient)
                {
                    failures.Enqueue("a fresh token refused: " + me);
                }

                Interlocked.Increment(ref _operations);
                await Task.Delay(200);
            }
        }

        var load = Task.WhenAll(Task.Run(OrdersAsync), Task.Run(() => RedeemAsync(0)), Task.Run(() => RedeemAsync(1)), Task.Run(() => RedeemAsync(2)), Task.Run(SignInsAsync));
        try
        {
            await ProgressAsync(10, load);
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                node.Kill();
                await ProgressAsync(15, load);    // the balancer skips the dead node, the phones carry on
                await node.StartAsync();
                await ProgressAsync(10, load);    // and both serve again
            }
        }
        finally
        {
            await stop.CancelAsync();
            await load.WaitAsync(TimeSpan.FromSeconds(120));
        }

        Assert.True(failures.IsEmpty, "refused or lost:\n" + string.Join("\n", failures));
        var summary = $"{ackedOrders.Count} orders acknowledged ({unknownOrders.Count} without an answer), {finishedOrders.Count} rated, " +
            $"{ackedRedemptions.Count} redemptions acknowledged ({unknownRedemptions.Count} without an answer), {tokens.Count} sign-ins; on the way:\n" + string.Join("\n", notes.Take(15));
        Assert.True(!finishedOrders.IsEmpty && !ackedRedemptions.IsEmpty, summary);

        await using var db = new NpgsqlConnection(cluster.ConnectionString);
        await db.OpenAsync();

        // Orders: each acknowledged one exactly once, an unacknowledged one at most once, and each history one chain.
        var orders = await RowsAsync(db, $"SELECT \"Description\", \"Id\", \"Status\" FROM ord_orders WHERE \"Description\" LIKE '集群点单{run}-%'", r => (Description: r.GetString(0), Id: r.GetInt64(1), Status: r.GetString(2)));
        var byMarker = orders.GroupBy(o => o.Description).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byMarker, g => Assert.True(g.Value.Count == 1, $"order {g.Key} exists {g.Value.Count} times"));
        Assert.All(ackedOrders, o => Assert.True(byMarker.TryGetValue(o.Key, out var found) && found[0].Id == o.Value, $"acknowledged order {o.Key} ({o.Value}) is missing"));
        Assert.Equal(orders.Count, ackedOrders.Count + unknownOrders.Count(byMarker.ContainsKey));
        var history = (await RowsAsync(db, "SELECT \"OrderId\", \"FromStatus\", \"ToStatus\" FROM ord_order_history ORDER BY \"Id\"", r => (OrderId: r.GetInt64(0), From: r.IsDBNull(1) ? null : r.GetString(1), To: r.GetString(2))))
            .ToLookup(h => h.OrderId);
        foreach (var order in orders)
        {
            var steps = history[order.Id].ToList();
            Assert.True(steps.Count > 0 && steps[0].From is null && steps[0].To == "Submitted", $"order {order.Id} does not start with its submission");
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.True(steps[i].From == steps[i - 1].To, $"order {order.Id}: step {i} goes {steps[i].From}→{steps[i].To} after {steps[i - 1].To}");
            }

            Assert.True(steps.Select(s => s.To).Distinct().Count() == steps.Count, $"order {order.Id} went through a state twice: {string.Join("→", steps.Select(s => s.To))}");
            Assert.Equal(order.Status, steps[^1].To);
        }

        Assert.All(finishedOrders, id => Assert.Contains(orders, o => o.Id == id && o.Status is "Rated" or "Closed"));
        var doubleRecords = await RowsAsync(db, "SELECT \"SourceId\" FROM vol_service_records WHERE \"SourceKind\" = 'Order' GROUP BY \"SourceId\", \"VolunteerId\" HAVING count(*) > 1", r => r.GetInt64(0));
        Assert.True(doubleRecords.Count == 0, "service hours recorded twice for orders " + string.Join(", ", doubleRecords));

        // Redemptions: each acknowledged one exactly once, none twice, and the stock is its movements.
        var redemptions = await RowsAsync(db, $"SELECT \"Id\" FROM mkt_redemptions WHERE \"GoodsId\" = {goodsId}", r => r.GetInt64(0));
        Assert.Equal(ackedRedemptions.Count, ackedRedemptions.Values.Distinct().Count());
        Assert.All(ackedRedemptions, r => Assert.Contains(r.Value, redemptions));
        Assert.InRange(redemptions.Count, ackedRedemptions.Count, ackedRedemptions.Count + unknownRedemptions.Count);
        var stock = await ScalarAsync(db, $"SELECT \"Stock\" FROM mkt_goods WHERE \"Id\" = {goodsId}");
        Assert.Equal(500 - redemptions.Count, stock);
        var badStock = await RowsAsync(db, "SELECT g.\"Id\" FROM mkt_goods g LEFT JOIN (SELECT \"GoodsId\", SUM(\"Quantity\") AS s FROM mkt_stock_movements GROUP BY \"GoodsId\") m ON m.\"GoodsId\" = g.\"Id\" WHERE g.\"Stock\" <> COALESCE(m.s, 0)", r => r.GetInt64(0));
        Assert.True(badStock.Count == 0, "stock differs from its movements for goods " + string.Join(", ", badStock));

        // The points ledger: every balance is the sum of its rows, and each row's balance-after the running sum.
        var badBalances = await RowsAsync(db, "SELECT a.\"PersonId\" FROM pts_accounts a LEFT JOIN (SELECT \"PersonId\", SUM(\"Amount\") AS s FROM pts_transactions GROUP BY \"PersonId\") t ON t.\"PersonId\" = a.\"PersonId\" WHERE a.\"Balance\" <> COALESCE(t.s, 0)", r => r.GetInt64(0));
        Assert.True(badBalances.Count == 0, "balance differs from the ledger for people " + string.Join(", ", badBalances));
        var badRows = await RowsAsync(db, "SELECT \"Id\" FROM (SELECT \"Id\", \"BalanceAfter\", SUM(\"Amount\") OVER (PARTITION BY \"PersonId\" ORDER BY \"Id\") AS running FROM pts_transactions) x WHERE \"BalanceAfter\" <> running", r => r.GetInt64(0));
        Assert.True(badRows.Count == 0, "ledger rows whose balance-after is not the running sum: " + string.Join(", ", badRows));
        var spent = await ScalarAsync(db, $"SELECT COALESCE(SUM(\"Points\"), 0) FROM mkt_redemptions WHERE \"GoodsId\" = {goodsId}");
        Assert.Equal(redemptions.Count, spent);

        // Every token handed out during the run, by whichever node, works on both nodes now.
        foreach (var token in tokens.Take(20))
        {
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                var me = await new Phone(node.Uri).SendOnceAsync(HttpMethod.Get, "/api/v1/me", null, token);
                Assert.True(me.Status == HttpStatusCode.OK, $"a token from the run refused by node {node.Name}: {me}");
            }
        }

        await AssertTokensCrossNodesAsync(cluster);
    }

    private static async Task AssertTokensCrossNodesAsync(Cluster cluster)
    {
        foreach (var (from, to) in new[] { (cluster.A, cluster.B), (cluster.B, cluster.A) })
        {
            var token = await new Phone(from.Uri).SignInAsync("resident4", Password);
            var me = await new Phone(to.Uri).SendOnceAsync(HttpMethod.Get, "/api/v1/me", null, token);
            Assert.True(me.Status == HttpStatusCode.OK, $"a token issued by node {from.Name} is refused by node {to.Name}: {me}");
        }
    }

    /// <summary>Waits until the phones have done <paramref name="more"/> more things (bounded), failing early if they stopped.</summary>
    private async Task ProgressAsync(int more, Task load)
    {
        var target = Interlocked.Read(ref _operations) + more;
        var giveUp = DateTime.UtcNow + ProgressTimeout;
        while (Interlocked.Read(ref _operations) < target)
        {
            if (load.IsCompleted)
            {
                await load;
                throw new InvalidOperationException("The phones stopped before the run was over.");
            }

            Assert.True(DateTime.UtcNow < giveUp, $"no progress for {ProgressTimeout.TotalSeconds} s ({Interlocked.Read(ref _operations)} of {target} operations)");
            await Task.Delay(100);
        }
    }

    private static async Task<List<T>> RowsAsync<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
