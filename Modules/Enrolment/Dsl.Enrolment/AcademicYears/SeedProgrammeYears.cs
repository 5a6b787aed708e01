using Marten.Schema;

namespace Dsl.Enrolment.AcademicYears;

/// <summary>The five academic years the DfE funded, 5,000 places each; existing years are left as admins set them.</summary>
public sealed class SeedProgrammeYears : IInitialData
{
    public static readonly string[] ProgrammeYears = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"];

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var existing = await session.Query<AcademicYear>().Select(y => y.Id).ToListAsync(cancellation);
        foreach (var name in ProgrammeYears.Where(n => !existing.Contains(AcademicYear.IdFor(n))))
            session.Insert(AcademicYear.Create(name, AcademicYear.DefaultPlaceCap));
        await session.SaveChangesAsync(cancellation);
    }
}
