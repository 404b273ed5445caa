using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The operator CLI's backup and restore as real processes (ADR 0021, API.md: "a restored platform answers
/// exactly as before"). A busy platform — the demo county plus orders, redemptions, an uploaded photo and
/// points — is backed up while a writer goes on; that backup restores elsewhere into a consistent platform
/// (every redemption with its ledger posting). A backup of the quiet platform restores into a fresh database
/// equal to the original table by table, row by row, every column (files and key ring included), and the app
/// on it answers the same, to the same bearer token. Restore refuses a database with data (without --force)
/// and another PII key.
/// </summary>
public sealed class BackupRestoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Price = 10;
    private const int Given = 10_000;

    [DatabaseFact]
    public async Task Backup_WhileWritesGoOn_RestoresConsistent_AndAQuietBackupRestoresEveryRow()
    {
        var key = app.Factory.Database.PiiKey;
        var source = BuiltTools.Settings(app.Factory.Database, key);
        var market = new MarketTestKit(app);
        var orders = new OrderTestKit(app);
        var person = await market.PersonAsync();
        await market.GiveAsync(person, Given);
        var goods = await market.GoodsAsync(Price, stock: 5000);
        var photo = SampleFiles.Png(6, 5, (x, y) => ((byte)(x * 40), (byte)(y * 50), 7));
        (await UploadPhotoAsync(goods, photo)).Expect(HttpStatusCode.OK);
        (await market.RedeemAsync(goods, person)).Expect(HttpStatusCode.Created);
        var order = await orders.SubmittedAsync();

        // A writer goes on redeeming and ordering while the backup runs.
        using var stop = new CancellationTokenSource();
        var redeemed = 1;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                (await market.RedeemAsync(goods, person)).Expect(HttpStatusCode.Created);
                Interlocked.Increment(ref redeemed);
                await orders.SubmittedAsync();
            }
        });
        while (Volatile.Read(ref redeemed) < 3)
        {
            await Task.Delay(20);
        }

        var atStart = Volatile.Read(ref redeemed);
        var during = Path.Combine(app.Factory.Database.Directory, "during.backup");
        var backup = await BuiltTools.CliAsync(["backup", during, .. source]);
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.ExitCode == 0, backup.ToString());

        await using (var elsewhere = await TestDatabase.CreateAsync(app.Provider))
        {
            var restored = await BuiltTools.CliAsync(["restore", during, .. BuiltTools.Settings(elsewhere, key)]);
            Assert.True(restored.ExitCode == 0, restored.ToString());
            await using var restoredApp = Start(elsewhere, key);
            using var scope = restoredApp.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var redemptions = await db.Set<Redemption>().CountAsync(r => r.PersonId == person);
            var balance = await scope.ServiceProvider.GetRequiredService<IPointsLedger>().BalanceUnscopedAsync(person, CancellationToken.None);
            Assert.True(redemptions >= atStart, $"{redemptions} redemptions restored, {atStart} were made before the backup began");
            Assert.Equal(Given - (Price * redemptions), balance.Balance);
        }

        // The quiet platform: backup, restore into a fresh database elsewhere, compare everything.
        var quiet = Path.Combine(app.Factory.Database.Directory, "quiet.backup");
        var second = await BuiltTools.CliAsync(["backup", quiet, .. source]);
        Assert.True(second.ExitCode == 0, second.ToString());
        var expected = await DatabaseDump.ReadAsync(app.Factory.Database);
        Assert.Contains(expected, t => t.Key == "plat_files" && t.Value.Count > 0);

        await using var target = await TestDatabase.CreateAsync(app.Provider);
        var restore = await BuiltTools.CliAsync(["restore", quiet, .. BuiltTools.Settings(target, key)]);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        DatabaseDump.AssertSame(expected, await DatabaseDump.ReadAsync(target));

        // Restoring over it again needs --force; a backup under another key is refused whatever.
        var again = await BuiltTools.CliAsync(["restore", quiet, .. BuiltTools.Settings(target, key)]);
        Assert.True(again.ExitCode == 2 && again.Error.Contains("--force", StringComparison.Ordinal), again.ToString());
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var wrongKey = await BuiltTools.CliAsync(["restore", quiet, "--force", .. BuiltTools.Settings(target, otherKey)]);
        Assert.True(wrongKey.ExitCode == 3 && wrongKey.Error.Contains("Security:PiiKey does not match", StringComparison.Ordinal), wrongKey.ToString());
        DatabaseDump.AssertSame(expected, await DatabaseDump.ReadAsync(target));

        // The app on the restored database answers exactly as before, to the token the original issued.
        await using var restoredPlatform = Start(target, key);
        using var http = restoredPlatform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await app.TokenAsync("admin");
        foreach (var path in new[]
        {
            $"/api/v1/market/goods/{goods}",
            $"/api/v1/people/{person}",
            $"/api/v1/market/redemptions?personId={person}&pageSize=100",
            $"/api/v1/orders/{order}",
            "/api/v1/orders/board?pageSize=100",
            "/api/v1/org-units",
        })
        {
            var before = await RawAsync(app.Http, path, token);
            var after = await RawAsync(http, path, token);
            Assert.True(before.Status == HttpStatusCode.OK, $"{path}: {before.Status}");
            Assert.True(before.Status == after.Status && before.Body.SequenceEqual(after.Body), $"{path} answers differently after the restore");
        }

        var restoredPhoto = await RawAsync(http, $"/api/v1/market/goods/{goods}/photo", token);
        Assert.Equal(photo, restoredPhoto.Body);
    }

    private static WenmingFactory Start(TestDatabase database, string key) =>
        new(database, seedDemo: false, new Dictionary<string, string> { ["Security:PiiKey"] = key });

    private static async Task<(HttpStatusCode Status, byte[] Body)> RawAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<ApiResponse> UploadPhotoAsync(long goodsId, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "货架.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/market/goods/{goodsId}/photo") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST goods photo");
    }
}
