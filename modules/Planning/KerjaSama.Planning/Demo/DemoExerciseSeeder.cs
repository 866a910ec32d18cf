using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Demo;

/// <summary>
/// Development only (with the demo accounts, <c>KerjaSama:Identity:SeedDemoData</c>): the Kalimantan Tengah mapping
/// exercise of 25 Feb 2025 with its live session closed and eight proposed rows, ready for consolidation. Rows are added
/// through the matrix grain once the silo runs, so the op log holds them like any other change.
/// </summary>
internal sealed partial class DemoExerciseSeeder(
    IDbContextFactory<PlanningDb> factory, IGrainFactory grains, IOrganisationDirectory organisations, IHostApplicationLifetime lifetime,
    IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, ILogger<DemoExerciseSeeder> logger) : BackgroundService
{
    public static readonly Guid ExerciseId = new("6a2e0c55-2025-4c1e-9d62-000000000062");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>("KerjaSama:Identity:SeedDemoData"))
            return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSeedFailed(ex);
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Exercises.AnyAsync(e => e.Id == ExerciseId, ct))
                return;
        }

        async Task<OrganisationInfo?> Org(string code) => await organisations.FindByCodeAsync(code, ct);
        var setda = await Org("62-setda-pemotda");
        var dinkes = await Org("62-dinkes");
        var pupr = await Org("62-pupr");
        var bapperida = await Org("62-bapperida");
        if (setda is null || dinkes is null || pupr is null || bapperida is null)
            return;
        var invited = new[] { dinkes, pupr, bapperida, await Org("pemda-62.71"), await Org("pemda-63") }.OfType<OrganisationInfo>().Select(o => o.Id).ToList();
        var meeting = new DateTimeOffset(2025, 2, 25, 9, 0, 0, TimeSpan.FromHours(7));
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Exercises.Add(new MappingExercise
            {
                Id = ExerciseId, RegionCode = "62", Title = "Pemetaan Potensi Kerja Sama Daerah Provinsi Kalimantan Tengah (demo)",
                PeriodKind = PlanningPeriodKind.Rpjmd, StartYear = 2025, EndYear = 2029, CreatedAt = clock.GetUtcNow(), InvitedOrganisationIds = invited,
            });
            db.Sessions.Add(new MappingSession
            {
                Id = Guid.CreateVersion7(), ExerciseId = ExerciseId, State = SessionStates.Closed, OpenedAt = meeting, ClosedAt = meeting.AddHours(3),
            });
            await db.SaveChangesAsync(ct);
        }

        var caller = new Caller(Guid.Empty, "Sekretariat (demo)", setda.Id, setda.Name, PlatformRoles.SecretariatAdmin);
        var grain = grains.GetGrain<IMatrixGrain>(ExerciseId);
        foreach (var (owner, fields) in Rows(dinkes.Id, pupr.Id))
        {
            var json = fields.ToDictionary(kv => kv.Key, kv => (string?)JsonSerializer.Serialize(kv.Value), StringComparer.Ordinal);
            var result = await grain.ApplyRegister(caller, new RegisterBatch(RegisterAuthorities.Consolidation,
                [new RegisterOp(Guid.NewGuid(), OpKinds.Add, Guid.CreateVersion7(), json, owner)]));
            if (!result.Applied)
                LogRowRefused(result.Errors[0].Error.Code, result.Errors[0].Error.Message);
        }
    }

    private static IEnumerable<(Guid Owner, Dictionary<string, object> Fields)> Rows(Guid dinkes, Guid pupr)
    {
        static object[] Plans(params (int Year, string Target, long Budget)[] plans) =>
            [.. plans.Select(p => new { year = p.Year, indicator = "Capaian kerja sama", target = p.Target, budget = p.Budget, fundingSource = "APBD" })];

        yield return (dinkes, new()
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Rujukan pasien dari kabupaten perbatasan ke rumah sakit rujukan provinsi",
            [F.CooperationObject] = "Layanan rujukan kesehatan", [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
            [F.Form] = "pelayanan_publik", [F.Benefit] = "Waktu rujukan lebih singkat", [F.ProgramCode] = "1.02.02", [F.ActivityCode] = "1.02.02.1.02",
            [F.SubActivityCode] = "1.02.02.1.02.0024", [F.StartYear] = 2026, [F.DurationYears] = 3,
            [F.YearlyPlans] = Plans((2026, "300 pasien", 750_000_000), (2027, "400 pasien", 800_000_000), (2028, "500 pasien", 850_000_000)),
        });
        yield return (dinkes, new()
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Surveilans penyakit menular lintas batas", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "63", "64" }, [F.Form] = "pelayanan_publik", [F.ProgramCode] = "1.02.02", [F.ActivityCode] = "1.02.02.1.02",
            [F.SubActivityCode] = "1.02.02.1.02.0017", [F.StartYear] = 2026, [F.DurationYears] = 2,
            [F.YearlyPlans] = Plans((2026, "4 dokumen", 150_000_000), (2027, "4 dokumen", 150_000_000)),
        });
        yield return (dinkes, new()
        {
            [F.AffairCode] = "1.02", [F.Potential] = "Rujukan pasien kabupaten perbatasan ke rumah sakit rujukan provinsi (usulan RSUD)", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "63" }, [F.Benefit] = "Kepastian pembiayaan rujukan", [F.StartYear] = 2026, [F.DurationYears] = 3,
        });
        yield return (pupr, new()
        {
            [F.AffairCode] = "1.03", [F.Potential] = "Pemeliharaan jalan penghubung antarprovinsi", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "63" }, [F.Form] = "pengelolaan_aset", [F.StartYear] = 2027, [F.DurationYears] = 5,
        });
        yield return (pupr, new()
        {
            [F.AffairCode] = "2.11", [F.Potential] = "Pengelolaan sampah regional bersama Kota Palangka Raya", [F.CooperationType] = "KSDD-wajib",
            [F.PartnerRegionCodes] = new[] { "62.71" }, [F.Form] = "pengelolaan_aset", [F.ProgramCode] = "2.11.11", [F.ActivityCode] = "2.11.11.1.01",
            [F.SubActivityCode] = "2.11.11.1.01.0017", [F.StartYear] = 2026, [F.DurationYears] = 5,
            [F.YearlyPlans] = Plans((2026, "1 dokumen", 200_000_000), (2027, "TPA regional", 2_500_000_000)),
        });
        yield return (pupr, new()
        {
            [F.AffairCode] = "2.15", [F.Potential] = "Revitalisasi terminal penumpang tipe B bersama", [F.CooperationType] = "KSDD-sukarela",
            [F.PartnerRegionCodes] = new[] { "62.71" }, [F.Form] = "pelayanan_publik", [F.ProgramCode] = "2.15.02", [F.ActivityCode] = "2.15.02.1.03",
            [F.SubActivityCode] = "2.15.02.1.03.0007", [F.StartYear] = 2027, [F.DurationYears] = 3,
            [F.YearlyPlans] = Plans((2027, "1 unit", 1_200_000_000)),
        });
        yield return (dinkes, new()
        {
            [F.AffairCode] = "3.26", [F.Potential] = "Paket wisata susur sungai Kahayan", [F.CooperationType] = "KSDD-sukarela",
            [F.PartnerRegionCodes] = new[] { "63" }, [F.Form] = "penanaman_modal", [F.ProgramCode] = "3.26.02", [F.StartYear] = 2026, [F.DurationYears] = 2,
            [F.YearlyPlans] = Plans((2026, "2 paket", 100_000_000), (2027, "3 paket", 120_000_000)),
        });
        yield return (pupr, new()
        {
            [F.AffairCode] = "3.26", [F.Potential] = "Promosi pariwisata bersama provinsi se-Kalimantan", [F.CooperationType] = "KSDD-sukarela",
            [F.PartnerRegionCodes] = new[] { "61", "63", "64" }, [F.StartYear] = 2026, [F.DurationYears] = 3,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mapping exercise could not be seeded")]
    private partial void LogSeedFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo row refused: {Code} {Message}")]
    private partial void LogRowRefused(string code, string message);
}
